import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { listOrganisations } from '../../../contract/organisations.ts';
import { inviteCoordinator } from '../../../contract/people.ts';
import { listProgrammes } from '../../../contract/programmes.ts';
import { call, useRoute } from '../../api/call.ts';
import { Failure } from '../../app/Failure.tsx';
import { useAnnounce } from '../../app/flash.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useMe } from '../../app/session.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useForm } from '../../ui/use-form.ts';
import { useTitle } from '../../ui/use-title.ts';
import { organisationOptions } from './options.ts';
import { PeopleFormPage } from './PeopleFormPage.tsx';

const typedFields = inviteCoordinator.body.pick({ name: true, email: true, organisationName: true });

/** Issue 13, 16b: a host admin brings in a coordinator in one step, and the invitation goes out at once. */
export function InviteCoordinatorPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const allowed = me.abilities['person.inviteCoordinator'];
  const hostParams = allowed ? { params: { hostId: me.host.id } } : null;
  const organisations = useRoute(listOrganisations, hostParams && { ...hostParams, query: {} });
  const programmes = useRoute(listProgrammes, hostParams && { ...hostParams, query: {} });
  const form = useForm('coordinator', {
    name: '',
    email: '',
    organisationId: '',
    organisationName: '',
    programmeId: '',
    mayStartProgrammes: false,
  });
  useTitle(t('people.inviteCoordinator.title'));
  if (!allowed) return <NotFoundPage />;
  if (!organisations.data || !programmes.data) {
    const error = organisations.error ?? programmes.error;
    return error ? <Failure error={error} /> : <Loading />;
  }

  type Values = typeof form.values;
  const validate = (v: Values) =>
    checkAgainst(
      typedFields,
      { name: v.name, email: v.email.trim(), organisationName: v.organisationName },
      t,
      {
        name: t('people.form.name'),
        email: t('people.form.email'),
        organisationName: t('people.inviteCoordinator.newOrganisation'),
      },
    );
  const submit = async (v: Values) => {
    const result = await call(inviteCoordinator, {
      params: { hostId: me.host.id },
      body: {
        name: v.name.trim(),
        email: v.email.trim(),
        organisationId: v.organisationName.trim() ? null : v.organisationId || null,
        organisationName: v.organisationName.trim(),
        programmeId: v.programmeId || null,
        mayStartProgrammes: v.mayStartProgrammes,
      },
    });
    announce(t('people.inviteCoordinator.done', { name: result.person.name, email: result.person.email }), {
      path: '/people',
    });
    navigate('/people');
  };

  return (
    <PeopleFormPage title={t('people.inviteCoordinator.title')} lead={t('people.inviteCoordinator.lead')}>
      <form noValidate className="form" onSubmit={form.handleSubmit(submit, validate)}>
        <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
        <TextField label={t('people.form.name')} autoComplete="off" {...form.field('name')} />
        <TextField
          label={t('people.form.email')}
          hint={t('people.inviteCoordinator.emailHint')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          {...form.field('email')}
        />
        <SelectField
          label={t('people.form.organisation')}
          optional
          options={organisationOptions(t, organisations.data)}
          {...form.field('organisationId')}
        />
        <TextField
          label={t('people.inviteCoordinator.newOrganisation')}
          hint={t('people.inviteCoordinator.newOrganisationHint')}
          optional
          autoComplete="off"
          {...form.field('organisationName')}
        />
        <SelectField
          label={t('people.inviteCoordinator.programme')}
          hint={t('people.inviteCoordinator.programmeHint')}
          optional
          options={[
            { value: '', label: t('people.inviteCoordinator.noProgramme') },
            ...programmes.data.map((p) => ({ value: p.id, label: p.name })),
          ]}
          {...form.field('programmeId')}
        />
        <CheckboxField
          label={t('people.inviteCoordinator.mayStart')}
          hint={t('people.inviteCoordinator.mayStartHint')}
          {...form.checkbox('mayStartProgrammes')}
        />
        <div className="form-actions">
          <Button type="submit" busy={form.submitting} busyLabel={t('common.saving')}>
            {t('people.inviteCoordinator.submit')}
          </Button>
          <Link to="/people">{t('common.cancel')}</Link>
        </div>
      </form>
    </PeopleFormPage>
  );
}
