import { useTranslation } from 'react-i18next';
import {
  createJournalEntry,
  type JournalEntry,
  type JournalPrompt,
  journalPrompts,
} from '../../../contract/journal.ts';
import type { Meeting } from '../../../contract/meetings.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextAreaField } from '../../ui/Field.tsx';
import { type FieldErrors, useForm } from '../../ui/use-form.ts';

/** A learning-log entry: the five prompts, any of which may be answered; private unless shared. */
export function JournalForm({
  setId,
  meetings,
  meetingId,
  onSaved,
}: {
  setId: string;
  meetings: Meeting[];
  meetingId: string;
  onSaved(entry: JournalEntry): void;
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const announce = useAnnounce();
  const initial = {
    meetingId,
    myProblem: '',
    othersProblems: '',
    theSet: '',
    myself: '',
    myActions: '',
    share: false,
  };
  const form = useForm('journal', initial);
  const bodyOf = (v: typeof form.values) => ({
    meetingId: v.meetingId || null,
    answers: Object.fromEntries(
      journalPrompts.filter((p) => v[p].trim()).map((p) => [p, v[p].trim()]),
    ) as Partial<Record<JournalPrompt, string>>,
    visibility: v.share ? ('set' as const) : ('private' as const),
  });
  const validate = (v: typeof form.values): FieldErrors => {
    const errors = checkAgainst(
      createJournalEntry.body,
      bodyOf(v),
      t,
      {
        meetingId: t('journal.form.meeting'),
        ...Object.fromEntries(journalPrompts.map((p) => [`answers.${p}`, t(`journal.prompt.${p}`)])),
      },
      { answers: t('journal.form.answerOne') },
    );
    // Each answer has a field of its own; "answer at least one" goes next to the first.
    return Object.fromEntries(
      Object.entries(errors).map(([field, message]) => [
        field === 'answers' ? 'myProblem' : field.replace(/^answers\./, ''),
        message,
      ]),
    );
  };
  const save = async (v: typeof form.values) => {
    const entry = await call(createJournalEntry, { params: { id: setId }, body: bodyOf(v) });
    onSaved(entry);
    announce(v.share ? t('journal.form.savedShared') : t('journal.form.savedPrivate'));
    form.reset({ ...initial, meetingId: '' });
  };
  const options = [
    { value: '', label: t('journal.form.noMeeting') },
    ...meetings.map((m) => ({ value: m.id, label: time.day(m.startsAt) })),
  ];
  return (
    <form noValidate className="form" onSubmit={form.handleSubmit(save, validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      {meetings.length > 0 ? (
        <SelectField
          label={t('journal.form.meeting')}
          optional
          options={options}
          {...form.field('meetingId')}
        />
      ) : null}
      {journalPrompts.map((p) => (
        <TextAreaField
          key={p}
          label={t(`journal.prompt.${p}`)}
          hint={t(`journal.hint.${p}`)}
          rows={3}
          {...form.field(p)}
        />
      ))}
      <CheckboxField
        label={t('journal.form.share')}
        hint={t('journal.form.shareHint')}
        {...form.checkbox('share')}
      />
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={t('common.saving')}>
          {t('journal.form.submit')}
        </Button>
      </div>
    </form>
  );
}
