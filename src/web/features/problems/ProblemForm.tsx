import { useTranslation } from 'react-i18next';
import { createProblem, type ProblemItem } from '../../../contract/problems.ts';
import { type IntakeCheck, intakeChecks, type ProblemKind, problemKinds } from '../../../domain/problems.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { checkAgainst } from '../../ui/check-against.ts';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { useForm } from '../../ui/use-form.ts';

/** Bringing a problem, with the intake checks as questions to ask oneself (nudges, never a refusal). */
export function ProblemForm({ setId, onCreated }: { setId: string; onCreated(p: ProblemItem): void }) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const initial = {
    title: '',
    story: '',
    kind: 'work-project' as ProblemKind,
    real: false,
    current: false,
    openEnded: false,
    mineToActOn: false,
  };
  const form = useForm('new-problem', initial);
  const bodyOf = (v: typeof form.values) => ({
    title: v.title.trim(),
    story: v.story.trim(),
    kind: v.kind,
    intake: Object.fromEntries(intakeChecks.map((c) => [c, Boolean(v[c])])) as Record<IntakeCheck, boolean>,
  });
  const validate = (v: typeof form.values) =>
    checkAgainst(createProblem.body, bodyOf(v), t, {
      title: t('problems.form.title'),
      story: t('problems.form.story'),
    });
  const create = async (v: typeof form.values) => {
    const created = await call(createProblem, { params: { id: setId }, body: bodyOf(v) });
    onCreated(created);
    announce(t('problems.form.created', { title: created.title }));
    form.reset();
  };
  return (
    <form noValidate className="form" onSubmit={form.handleSubmit(create, validate)}>
      <ErrorSummary errors={form.errors} problem={form.problem} attempt={form.attempt} idFor={form.idFor} />
      <TextField
        label={t('problems.form.title')}
        hint={t('problems.form.titleHint')}
        autoComplete="off"
        {...form.field('title')}
      />
      <TextAreaField
        label={t('problems.form.story')}
        hint={t('problems.form.storyHint')}
        rows={5}
        {...form.field('story')}
      />
      <fieldset className="fieldset">
        <legend>{t('problems.form.kind')}</legend>
        {problemKinds.map((kind) => (
          <div key={kind} className="field field--checkbox">
            <input
              type="radio"
              className="checkbox"
              id={form.idFor(`kind-${kind}`)}
              name="kind"
              value={kind}
              checked={form.values.kind === kind}
              onChange={() => form.set('kind', kind)}
            />
            <div>
              <label className="field__label" htmlFor={form.idFor(`kind-${kind}`)}>
                {t(`problems.kind.${kind}`)}
              </label>
              <p className="field__hint">{t(`problems.kindHint.${kind}`)}</p>
            </div>
          </div>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('problems.intake.title')}</legend>
        <p className="field__hint">{t('problems.intake.lead')}</p>
        {intakeChecks.map((check) => (
          <CheckboxField
            key={check}
            label={t(`problems.intake.check.${check}`)}
            hint={t(`problems.intake.hint.${check}`)}
            {...form.checkbox(check)}
          />
        ))}
      </fieldset>
      <div className="form-actions">
        <Button type="submit" busy={form.submitting} busyLabel={t('common.saving')}>
          {t('problems.form.submit')}
        </Button>
      </div>
    </form>
  );
}
