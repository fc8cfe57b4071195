import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type FormationRun, publishRun } from '../../../contract/formation.ts';
import { call } from '../../api/call.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { useProgramme } from '../programmes/context.ts';
import type { MoveOption } from './MoveMenu.tsx';
import { ProposedSetCard } from './ProposedSetCard.tsx';
import { RunIssues } from './RunIssues.tsx';
import { formatScore, ScoreLegend } from './ScoreBar.tsx';
import { UnplacedZone } from './UnplacedZone.tsx';
import { type Destination, rescoredLocally, useFormationRun } from './use-formation-run.ts';

const setOf = (run: FormationRun, personId: string): Destination => {
  const i = run.sets.findIndex((s) => s.members.includes(personId) || s.facilitators.includes(personId));
  return i === -1 ? null : i;
};

/** A proposal a coordinator can adjust: move people, lock sets, re-run the rest, publish. */
export function FormationBoard({ initial }: { initial: FormationRun }) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const navigate = useNavigate();
  const { programme, reloadProgramme, reloadSets } = useProgramme();
  const { run, pending, error, move, lock, rerun } = useFormationRun(initial);
  const [dragging, setDragging] = useState<string | null>(null);
  const people = useMemo(() => new Map(run.people.map((p) => [p.id, p])), [run.people]);
  const best = Math.max(0, ...run.sets.map((s) => s.score));
  const setName = (i: number) => t('formation.set.name', { number: i + 1 });
  const score = (n: number) => formatScore(n, i18n.language);

  const options = (personId: string) => (): MoveOption[] => {
    const from = setOf(run, personId);
    const preview = (to: Destination): MoveOption => {
      const label =
        to === null
          ? t('formation.move.unplace')
          : to === run.sets.length
            ? t('formation.move.toNew')
            : t('formation.move.to', { name: setName(to) });
      const after = rescoredLocally(run, personId, to);
      const delta = new Intl.NumberFormat(i18n.language, {
        maximumFractionDigits: 1,
        minimumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(after.score - run.score);
      const detail = [
        t('formation.move.preview', { score: score(after.score), delta }),
        after.hardViolations > run.hardViolations ? t('formation.move.breaksRule') : null,
      ]
        .filter(Boolean)
        .join(' · ');
      return { to, label, detail };
    };
    return [
      ...run.sets.flatMap((s, i) => (i !== from && !s.locked ? [preview(i)] : [])),
      preview(run.sets.length),
      ...(from === null ? [] : [preview(null)]),
    ];
  };

  const onMove = async (personId: string, to: Destination) => {
    if (setOf(run, personId) === to) return;
    setDragging(null);
    const result = await move(personId, to);
    // Focus follows the person to their new place (their "Move" button), so the keyboard is not lost.
    requestAnimationFrame(() =>
      document.querySelector<HTMLButtonElement>(`[data-person="${personId}"] .move-menu > button`)?.focus(),
    );
    if (!result) return;
    const name = people.get(personId)?.name ?? '';
    const where = to === null ? t('formation.move.nowhere') : setName(to);
    announce(
      t('formation.move.done', {
        name,
        where,
        score: score(result.after.score),
        before: score(result.before.score),
      }),
    );
  };

  const onLock = async (index: number, locked: boolean) => {
    const result = await lock(index, locked);
    if (result)
      announce(t(locked ? 'formation.set.lockedNow' : 'formation.set.unlockedNow', { name: setName(index) }));
  };

  const onRerun = async () => {
    const result = await rerun();
    if (result) announce(t('formation.rerun.done', { score: score(result.after.score) }));
  };

  const publish = async () => {
    await call(publishRun, {
      params: { id: run.id },
      body: { acceptHardViolations: run.hardViolations > 0 },
    });
    announce(t('formation.publish.done', { count: run.sets.length }), {
      path: `/programmes/${programme.id}`,
    });
    await Promise.all([reloadProgramme(), reloadSets()]);
    navigate(`/programmes/${programme.id}`);
  };
  const placed = run.sets.reduce((n, s) => n + s.members.length + s.facilitators.length, 0);

  return (
    <>
      <section className="section" aria-labelledby="proposal-heading">
        <div className="section__header">
          <h2 id="proposal-heading">{t('formation.proposal.title')}</h2>
          <div className="section__tools">
            <Button
              variant="secondary"
              busy={pending}
              busyLabel={t('formation.rerun.busy')}
              onClick={() => void onRerun()}
            >
              {t('formation.rerun.action')}
            </Button>
            <ConfirmButton
              variant="primary"
              label={t('formation.publish.action')}
              title={t('formation.publish.confirmTitle')}
              message={
                <>
                  {t('formation.publish.confirmBody', { sets: run.sets.length, people: placed })}
                  {run.hardViolations > 0 ? (
                    <strong> {t('formation.publish.hardWarning', { count: run.hardViolations })}</strong>
                  ) : null}
                </>
              }
              confirmLabel={t('formation.publish.confirm')}
              onConfirm={publish}
            />
          </div>
        </div>
        <dl className="run-summary">
          <div>
            <dt>{t('formation.proposal.score')}</dt>
            <dd data-testid="total-score">{score(run.score)}</dd>
          </div>
          <div>
            <dt>{t('formation.proposal.sets')}</dt>
            <dd>{run.sets.length}</dd>
          </div>
          <div>
            <dt>{t('formation.proposal.hard')}</dt>
            <dd className={run.hardViolations > 0 ? 'run-summary__bad' : undefined}>{run.hardViolations}</dd>
          </div>
          <div>
            <dt>{t('formation.proposal.strong')}</dt>
            <dd className={run.strongViolations > 0 ? 'run-summary__warn' : undefined}>
              {run.strongViolations}
            </dd>
          </div>
        </dl>
        <p className="muted">{t('formation.proposal.help')}</p>
        <p className="visually-hidden" role="status">
          {pending ? t('formation.rescoring') : ''}
        </p>
        {error ? (
          <p className="callout callout--danger" role="alert">
            {error}
          </p>
        ) : null}
        <ScoreLegend />
      </section>
      <ul className="proposed-sets" aria-label={t('formation.proposal.list')}>
        {run.sets.map((report, index) => (
          <ProposedSetCard
            // biome-ignore lint/suspicious/noArrayIndexKey: a proposed set is its position
            key={index}
            index={index}
            report={report}
            best={best}
            people={people}
            options={options}
            onMove={(id, to) => void onMove(id, to)}
            onLock={(locked) => void onLock(index, locked)}
            onDragState={setDragging}
            dragging={dragging !== null}
          />
        ))}
      </ul>
      <UnplacedZone
        unassigned={run.unassigned}
        people={people}
        setCount={run.sets.length}
        options={options}
        onMove={(id, to) => void onMove(id, to)}
        onDragState={setDragging}
        dragging={dragging !== null}
      />
      <RunIssues run={run} />
    </>
  );
}
