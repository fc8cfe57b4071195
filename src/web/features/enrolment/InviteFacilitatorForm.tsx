import { useTranslation } from 'react-i18next';
import { inviteFacilitator } from '../../../contract/enrolment.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';

/**
 * Issue 13, item 15: enrols a facilitator directly, without the participants' application form; they
 * are accepted at once (formation places them) and invited to create their account.
 */
export function InviteFacilitatorForm({
  programmeId,
  onInvited,
}: {
  programmeId: string;
  onInvited(): void;
}) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const initial = { name: '', email: '', organisation: '' };
  const form = useForm('invite-facilitator', initial);
  const bodyOf = (v: typeof initial) => ({
    name: v.name.trim(),
    email: v.email.trim(),
    organisation: v.organisation.trim(),
  });
  const validate = (v: typeof initial) =>
    checkAgainst(inviteFacilitator.body, bodyOf(v), t, {
      name: t('enrolment.inviteFacilitator.name'),
      email: t('enrolment.inviteFacilitator.email'),
      organisation: t('enrolment.inviteFacilitator.organisation'),
    });

  const send = async (v: typeof initial) => {
    await call(inviteFacilitator, { params: { id: programmeId }, body: bodyOf(v) });
    announce(t('enrolment.inviteFacilitator.sent', { name: v.name.trim() }));
    form.reset();
    onInvited();
  };

  return (
    <section className="section" aria-labelledby="invite-facilitator-heading">
      <h2 id="invite-facilitator-heading">{t('enrolment.inviteFacilitator.title')}</h2>
      <p className="muted">{t('enrolment.inviteFacilitator.lead')}</p>
      <form noValidate className="form card" onSubmit={form.handleSubmit(send, validate)}>
        <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
        <div className="field-row">
          <TextField
            label={t('enrolment.inviteFacilitator.name')}
            autoComplete="off"
            {...form.field('name')}
          />
          <TextField
            label={t('enrolment.inviteFacilitator.email')}
            type="email"
            autoComplete="off"
            {...form.field('email')}
          />
        </div>
        <TextField
          label={t('enrolment.inviteFacilitator.organisation')}
          optional
          autoComplete="off"
          {...form.field('organisation')}
        />
        <div className="form-actions">
          <Button type="submit" busy={form.submitting} busyLabel={t('enrolment.invite.sending')}>
            {t('enrolment.inviteFacilitator.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
