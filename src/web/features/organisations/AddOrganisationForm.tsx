import { useTranslation } from 'react-i18next';
import { createOrganisation, type Organisation } from '../../../contract/organisations.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';

export function AddOrganisationForm({ hostId, onAdded }: { hostId: string; onAdded(o: Organisation): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const form = useForm('add-organisation', { name: '' });
  const validate = (v: typeof form.values) =>
    checkAgainst(createOrganisation.body, v, t, { name: t('organisations.form.name') });
  const add = async (v: typeof form.values) => {
    const created = await call(createOrganisation, { params: { hostId }, body: v });
    onAdded(created);
    announce(t('organisations.added', { name: created.name }));
    form.reset({ name: '' });
    document.getElementById(form.idFor('name'))?.focus();
  };
  return (
    <form noValidate className="inline-form" onSubmit={form.handleSubmit(add, validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <div className="inline-form__row">
        <TextField
          label={t('organisations.form.name')}
          hint={t('organisations.form.nameHint')}
          autoComplete="off"
          {...form.field('name')}
        />
        <Button type="submit" busy={form.submitting} busyLabel={t('common.saving')}>
          {t('organisations.form.add')}
        </Button>
      </div>
    </form>
  );
}
