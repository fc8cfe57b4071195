import { useTranslation } from 'react-i18next';
import { inviteToApply } from '../../../contract/enrolment.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';

/** Emails someone a personal link to apply (a fresh invitation replaces an unused one). */
export function InviteToApplyForm({ programmeId, onInvited }: { programmeId: string; onInvited(): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const initial = { name: '', email: '', asFacilitator: false };
  const form = useForm('invite-apply', initial);
  const bodyOf = (v: typeof initial) => ({
    name: v.name.trim(),
    email: v.email.trim(),
    asFacilitator: v.asFacilitator,
  });
  const validate = (v: typeof initial) =>
    checkAgainst(inviteToApply.body, bodyOf(v), t, {
      name: t('enrolment.invite.name'),
      email: t('enrolment.invite.email'),
    });

  const send = async (v: typeof initial) => {
    await call(inviteToApply, { params: { id: programmeId }, body: bodyOf(v) });
    announce(t('enrolment.invite.sent', { name: v.name.trim() }));
    form.reset();
    onInvited();
  };

  return (
    <section className="section" aria-labelledby="invite-apply-heading">
      <h2 id="invite-apply-heading">{t('enrolment.invite.title')}</h2>
      <p className="muted">{t('enrolment.invite.lead')}</p>
      <form noValidate className="form card" onSubmit={form.handleSubmit(send, validate)}>
        <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
        <div className="field-row">
          <TextField label={t('enrolment.invite.name')} autoComplete="off" {...form.field('name')} />
          <TextField
            label={t('enrolment.invite.email')}
            type="email"
            autoComplete="off"
            {...form.field('email')}
          />
        </div>
        <CheckboxField
          label={t('enrolment.invite.asFacilitator')}
          hint={t('enrolment.invite.asFacilitatorHint')}
          {...form.checkbox('asFacilitator')}
        />
        <div className="form-actions">
          <Button type="submit" busy={form.submitting} busyLabel={t('enrolment.invite.sending')}>
            {t('enrolment.invite.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
