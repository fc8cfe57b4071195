import { useTranslation } from 'react-i18next';
import { getProblem } from '../../../../../contract/problems.ts';
import { currentStatement, problemsOf } from '../../../../../domain/meeting/selectors.ts';
import type { PresenterTurn } from '../../../../../domain/meeting/types.ts';
import { useRoute } from '../../../../api/call.ts';
import { useTimeFormat } from '../../../../app/time.ts';
import type { Room } from '../model.ts';
import { ChooseProblem } from './ChooseProblem.tsx';

interface HistoryEntry {
  id: string;
  statement: string;
  at: string;
  here: boolean;
}

/** The problem on the floor, as it stands now, with the history of how it has been stated. */
export function ProblemOnFloor({ room, turn }: { room: Room; turn: PresenterTurn }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const { state } = room;
  const problemId = turn.problemId;
  const problems = problemsOf(state, turn.presenterId);
  const problem = problems.find((p) => p.problemId === problemId);
  const stored = useRoute(getProblem, problemId ? { params: { id: problemId } } : null);
  const statement = problemId ? currentStatement(state, problemId) : null;

  if (!problem || !problemId) {
    return (
      <div className="problem-card problem-card--none">
        <p>{room.isPresenter ? t('meeting.problem.chooseLead') : t('meeting.problem.noneYet')}</p>
        {room.isPresenter ? <ChooseProblem room={room} /> : null}
      </div>
    );
  }
  const known = new Set<string>();
  const history: HistoryEntry[] = [];
  for (const v of stored.data?.history ?? []) {
    known.add(v.id);
    history.push({ id: v.id, statement: v.statement, at: v.at, here: v.meetingId === state.setup.meetingId });
  }
  if (!stored.data) history.push({ id: 'setup', statement: problem.statement, at: '', here: false });
  for (const r of state.turns.flatMap((x) => x.reframes).filter((r) => r.problemId === problemId)) {
    if (!known.has(r.reframeId))
      history.push({ id: r.reframeId, statement: r.statement, at: r.at, here: true });
  }
  const earlier = history.slice(0, -1);
  return (
    <article className="problem-card" aria-labelledby="problem-title">
      <p className="problem-card__kicker">{t('meeting.problem.onFloor')}</p>
      <h4 id="problem-title" className="problem-card__title">
        {problem.title}
      </h4>
      <blockquote className="problem-card__statement">{statement ?? problem.statement}</blockquote>
      {earlier.length > 0 ? (
        <details className="problem-card__history">
          <summary>{t('meeting.problem.history', { count: earlier.length })}</summary>
          <ol>
            {history.map((h, i) => (
              <li key={h.id}>
                <span className="problem-card__when">
                  {i === 0
                    ? t('meeting.problem.asBrought')
                    : h.here
                      ? t('meeting.problem.reframedHere', {
                          time: h.at ? time.time(h.at) : '',
                        })
                      : t('meeting.problem.reframedOn', {
                          date: time.date(h.at),
                        })}
                </span>
                {h.statement}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {room.isPresenter &&
      problems.length > 1 &&
      room.can({
        type: 'problem.choose',
        problemId: problems.find((p) => p.problemId !== problemId)!.problemId,
      }) ? (
        <ChooseProblem room={room} />
      ) : null}
    </article>
  );
}
