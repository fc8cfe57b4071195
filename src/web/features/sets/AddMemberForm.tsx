import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../../contract/people.ts';
import { addMember, type LearningSet } from '../../../contract/sets.ts';
import type { SetRole } from '../../../domain/access.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';

interface Props {
  set: LearningSet;
  people: Person[];
  onChange(set: LearningSet): void;
}

/** Adds someone from the host's people to the set, as member or facilitator. */
export function AddMemberForm({ set, people, onChange }: Props) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const form = useForm<{ personId: string; role: SetRole }>('add-member', { personId: '', role: 'member' });
  const inSet = new Set(set.roster.map((r) => r.personId));
  const candidates = people.filter((p) => !p.archived && !inSet.has(p.id));
  const roles =
    set.mode === 'self_facilitated' ? (['member'] as const) : (['member', 'facilitator'] as const);

  if (candidates.length === 0) {
    return (
      <p className="muted">
        {t('set.add.nobody')} <Link to="/people/new">{t('set.add.addPerson')}</Link>
      </p>
    );
  }

  const validate = (v: typeof form.values) =>
    checkAgainst(
      addMember.body,
      v,
      t,
      { personId: t('set.add.person'), role: t('set.roster.role') },
      { personId: t('set.add.chooseError') },
    );

  const add = async (v: typeof form.values) => {
    const updated = await call(addMember, { params: { id: set.id }, body: v });
    onChange(updated);
    const name = people.find((p) => p.id === v.personId)?.name ?? '';
    announce(t('set.add.added', { name, count: updated.memberCount }));
    form.reset({ personId: '', role: v.role });
  };

  const label = (p: Person) => [p.name, p.organisation?.name, p.jobRole].filter(Boolean).join(' · ');

  return (
    <form noValidate className="inline-form" onSubmit={form.handleSubmit(add, validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <div className="inline-form__row">
        <SelectField
          label={t('set.add.person')}
          options={[
            { value: '', label: t('set.add.choose') },
            ...candidates.map((p) => ({ value: p.id, label: label(p) })),
          ]}
          {...form.field('personId')}
        />
        <SelectField
          label={t('set.roster.role')}
          options={roles.map((r) => ({ value: r, label: t(`set.role.${r}`) }))}
          {...form.field('role')}
        />
        <Button type="submit" busy={form.submitting} busyLabel={t('set.add.adding')}>
          {t('set.add.submit')}
        </Button>
      </div>
    </form>
  );
}
