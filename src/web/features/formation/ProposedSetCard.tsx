import { useTranslation } from 'react-i18next';
import type { RunPerson, SetReport } from '../../../contract/formation.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import type { MoveOption } from './MoveMenu.tsx';
import { PersonChip } from './PersonChip.tsx';
import { ScoreBar } from './ScoreBar.tsx';
import { useDropZone } from './use-drop-zone.ts';
import type { Destination } from './use-formation-run.ts';

interface Props {
  index: number;
  report: SetReport;
  best: number;
  people: Map<string, RunPerson>;
  options(personId: string): () => MoveOption[];
  onMove(personId: string, to: Destination): void;
  onLock(locked: boolean): void;
  onDragState(personId: string | null): void;
  dragging: boolean;
}

/** One proposed set: its people, score, what it meets and misses, its warnings; a drop target. */
export function ProposedSetCard({
  index,
  report,
  best,
  people,
  options,
  onMove,
  onLock,
  onDragState,
  dragging,
}: Props) {
  const { t } = useTranslation();
  const name = t('formation.set.name', { number: index + 1 });
  const drop = useDropZone(!report.locked, (id) => onMove(id, index));
  const everyone = [...report.facilitators, ...report.members];
  const className = [
    'card proposed-set',
    report.locked ? 'proposed-set--locked' : null,
    dragging && !report.locked ? 'proposed-set--target' : null,
    drop.over ? 'proposed-set--over' : null,
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li className={className} {...drop.props}>
      <div className="proposed-set__head">
        <h3 id={`proposed-${index}`} className="card__title">
          {name}
        </h3>
        <p className="badges">
          <Badge>{t('formation.set.members', { count: report.members.length })}</Badge>
          {report.locked ? <Badge tone="info">{t('formation.set.locked')}</Badge> : null}
          {report.issues.some((i) => i.severity === 'hard') ? (
            <Badge tone="danger">{t('formation.set.broken')}</Badge>
          ) : null}
        </p>
      </div>
      <ScoreBar report={report} best={best} />
      <ul className="person-list" aria-label={t('formation.set.people', { name })}>
        {everyone.map((id) => {
          const person = people.get(id);
          return person ? (
            <PersonChip
              key={id}
              person={person}
              movable={!report.locked}
              options={options(id)}
              onMove={(to) => onMove(id, to)}
              onDragState={onDragState}
            />
          ) : null;
        })}
      </ul>
      {report.met.length > 0 ? (
        <>
          <h4 className="proposed-set__subhead">{t('formation.set.met')}</h4>
          <ul className="check-list check-list--met">
            {report.met.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.missed.length > 0 ? (
        <>
          <h4 className="proposed-set__subhead">{t('formation.set.preferencesNotMet')}</h4>
          <ul className="check-list check-list--missed">
            {report.missed.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      ) : null}
      {report.issues.filter((i) => i.severity === 'hard' || i.severity === 'strong').length > 0 ? (
        <ul className="callout callout--warning callout--compact issue-list">
          {report.issues
            .filter((i) => i.severity === 'hard' || i.severity === 'strong')
            .map((i) => (
              <li key={i.message}>
                <strong>{t(`formation.severity.${i.severity}`)}</strong> {i.message}
              </li>
            ))}
        </ul>
      ) : null}
      <details className="disclosure">
        <summary>{t('formation.set.why')}</summary>
        <p>{report.explanation}</p>
      </details>
      <div className="form-actions">
        <Button small variant="secondary" onClick={() => onLock(!report.locked)}>
          {report.locked ? t('formation.set.unlock', { name }) : t('formation.set.lock', { name })}
        </Button>
      </div>
    </li>
  );
}
