import { useTranslation } from 'react-i18next';
import { createProgrammeEvent } from '../../../contract/programme-events.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';
import {
  checkWhenAndWhere,
  useNewWhenAndWhere,
  type WhenAndWhere,
  WhenAndWhereFields,
  whenAndWhereBody,
} from '../meetings/WhenAndWhere.tsx';

type EventValues = WhenAndWhere & { title: string };

const bodyOf = (v: EventValues) => ({ title: v.title.trim(), ...whenAndWhereBody(v) });

/**
 * A programme date already agreed (a gathering fixed outside Revans): no poll of two options needed.
 * Everyone in the programme's sets gets it by email with its .ics.
 */
export function AddProgrammeEventForm({ programmeId, onAdded }: { programmeId: string; onAdded(): void }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const announce = useAnnounce();
  const initial: EventValues = { title: '', ...useNewWhenAndWhere() };
  const form = useForm('add-programme-event', initial, { aliases: { localStart: 'date' } });
  const validate = (v: EventValues) =>
    checkWhenAndWhere(t, createProgrammeEvent.body, bodyOf(v), v, {
      title: t('schedule.programme.fixedName'),
    });
  const add = async (v: EventValues) => {
    const event = await call(createProgrammeEvent, { params: { id: programmeId }, body: bodyOf(v) });
    announce(
      t('schedule.programme.fixedDone', {
        title: event.title,
        when: time.range(event.startsAt, event.endsAt),
      }),
    );
    form.reset({ ...initial, timeZone: v.timeZone });
    onAdded();
  };
  return (
    <form noValidate className="form" onSubmit={form.handleSubmit(add, validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <TextField
        label={t('schedule.programme.fixedName')}
        hint={t('schedule.programme.fixedNameHint')}
        autoComplete="off"
        {...form.field('title')}
      />
      <WhenAndWhereFields form={form} />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={t('common.saving')}>
          {t('schedule.programme.fixedSubmit')}
        </Button>
      </div>
    </form>
  );
}
