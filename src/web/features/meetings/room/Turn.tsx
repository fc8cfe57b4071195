import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../../domain/meeting/rule-kit.ts';
import { currentStatement, currentTurn, problemsOf } from '../../../../domain/meeting/selectors.ts';
import type {
  MeetingAction,
  PresenterStep,
  PresenterTurn,
  Question,
} from '../../../../domain/meeting/types.ts';
import { useResource } from '../../../api/use-resource.ts';
import { Badge } from '../../../ui/Badge.tsx';
import { Button } from '../../../ui/Button.tsx';
import { formatDate } from '../../../ui/format.ts';
import { clockTime } from '../time.ts';
import type { ProblemItem } from '../types.ts';
import { StarIcon } from './icons.tsx';
import type { Room } from './model.ts';
import { RoomForm } from './RoomForm.tsx';
import { refusalText } from './refusal.ts';

/** Questions that give advice rather than open the problem up ("Have you thought of…?", "Why don't you…?"). */
const disguisedAdvice =
  /^\s*(have you (ever )?(thought|considered|tried)|why (don'?t|do not|not) you|you (should|could|must|need to|ought)|what about|could(n'?t)? you (not|just)|wouldn'?t it be|if i were you|i would|i'd)/i;

export function adviceNudge(text: string): boolean {
  return disguisedAdvice.test(text);
}

/** The presenter on the floor: their problem, the step of the cycle, and what the step asks of each person. */
export function TurnPanel({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { state } = room;
  const turn = currentTurn(state);
  if (!turn || !state.step || room.presenterId === null) return null;
  const step = state.step;
  const name = room.name(turn.presenterId);
  const stepPlan = state.setup.presenterCycle.find((s) => s.key === step);
  return (
    <section className="turn" aria-labelledby="turn-heading">
      <div className="turn__head">
        <h3 id="turn-heading">
          {room.isPresenter ? t('meeting.turn.youHaveFloor') : t('meeting.turn.hasFloor', { name })}
        </h3>
        <StepTrack room={room} />
      </div>
      <ProblemOnFloor room={room} turn={turn} />
      <section className="turn__step" aria-labelledby="step-heading">
        <h4 id="step-heading">{stepPlan?.title ?? step}</h4>
        <p className="step-guide">
          {room.isPresenter ? t(`meeting.guide.presenter.${step}`) : t(`meeting.guide.others.${step}`)}
        </p>
        <StepBody room={room} turn={turn} step={step} />
      </section>
    </section>
  );
}

function StepBody({ room, turn, step }: { room: Room; turn: PresenterTurn; step: PresenterStep }) {
  switch (step) {
    case 'presenting':
      return null;
    case 'clarifying':
    case 'questioning':
      return (
        <>
          <QuestionForm room={room} />
          <QuestionList room={room} turn={turn} />
        </>
      );
    case 'reframing':
      return (
        <>
          <ReframeForm room={room} turn={turn} />
          <QuestionList room={room} turn={turn} struckFirst />
        </>
      );
    case 'actions':
      return (
        <>
          <ActionForm room={room} />
          <ActionList room={room} turn={turn} />
        </>
      );
    case 'feedback':
      return (
        <>
          <ActionList room={room} turn={turn} />
          <Feedback room={room} turn={turn} />
        </>
      );
  }
}

/** The six steps, with the current one marked; the chair moves between them (never the clock). */
function StepTrack({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { state } = room;
  const index = state.presenterIndex ?? 0;
  const visited = currentTurn(state)?.stepsVisited ?? [];
  return (
    <ol className="step-track" aria-label={t('meeting.turn.steps')}>
      {state.setup.presenterCycle.map((s, i) => {
        const current = s.key === state.step;
        const command = { type: 'presenter.goto', index, step: s.key } as const;
        const cls = [
          'step-track__item',
          current ? 'is-current' : '',
          visited.includes(s.key) && !current ? 'is-done' : '',
        ]
          .filter(Boolean)
          .join(' ');
        return (
          <li key={s.key} className={cls} aria-current={current ? 'step' : undefined}>
            {room.controls && !current && room.can(command) ? (
              <button type="button" className="step-track__go" onClick={() => room.send(command)}>
                <span className="step-track__n" aria-hidden="true">
                  {i + 1}
                </span>
                {s.title}
              </button>
            ) : (
              <span className="step-track__label">
                <span className="step-track__n" aria-hidden="true">
                  {i + 1}
                </span>
                {s.title}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

interface HistoryEntry {
  id: string;
  statement: string;
  at: string;
  here: boolean;
}

/** The problem on the floor, as it stands now, with the history of how it has been stated. */
function ProblemOnFloor({ room, turn }: { room: Room; turn: PresenterTurn }) {
  const { t, i18n } = useTranslation();
  const { state } = room;
  const problemId = turn.problemId;
  const problems = problemsOf(state, turn.presenterId);
  const problem = problems.find((p) => p.problemId === problemId);
  const stored = useResource<ProblemItem>(problemId ? `/api/problems/${problemId}` : null);
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
                          time: h.at ? clockTime(h.at, i18n.language) : '',
                        })
                      : t('meeting.problem.reframedOn', {
                          date: formatDate(h.at.slice(0, 10), i18n.language),
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

function ChooseProblem({ room }: { room: Room }) {
  const { t } = useTranslation();
  const id = useId();
  const problems = problemsOf(room.state, room.me);
  const current = currentTurn(room.state)?.problemId ?? '';
  const [choice, setChoice] = useState(problems.find((p) => p.problemId !== current)?.problemId ?? '');
  const [bringing, setBringing] = useState(problems.length === 0);
  const [title, setTitle] = useState('');
  const [statement, setStatement] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mayBring = room.can({ type: 'problem.new', title: 'x', statement: 'x' });

  const bring = (event: FormEvent) => {
    event.preventDefault();
    const command = { type: 'problem.new', title: title.trim(), statement: statement.trim() } as const;
    const verdict = room.verdict(command);
    if (!verdict.ok) return setError(refusalText(t, verdict.refusal));
    setError(null);
    room.send(command);
  };

  return (
    <div className="choose-problem">
      {problems.length > 0 && !bringing ? (
        <form
          className="inline-form__row"
          onSubmit={(e) => {
            e.preventDefault();
            if (choice) room.send({ type: 'problem.choose', problemId: choice });
          }}
        >
          <div className="field">
            <label className="field__label" htmlFor={`${id}-choice`}>
              {t('meeting.problem.choose')}
            </label>
            <select
              id={`${id}-choice`}
              className="input input--select"
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
            >
              {problems.map((p) => (
                <option key={p.problemId} value={p.problemId}>
                  {p.title}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" small variant="secondary" disabled={!choice || choice === current}>
            {t('meeting.problem.present')}
          </Button>
        </form>
      ) : null}
      {mayBring && !bringing ? (
        <Button variant="quiet" small onClick={() => setBringing(true)}>
          {t('meeting.problem.bringNew')}
        </Button>
      ) : null}
      {mayBring && bringing ? (
        <form noValidate className="room-form" onSubmit={bring}>
          {error ? (
            <p className="inline-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="field">
            <label className="field__label" htmlFor={`${id}-title`}>
              {t('meeting.problem.newTitle')}
            </label>
            <input
              id={`${id}-title`}
              className="input"
              maxLength={textLimits.title}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-statement`}>
              {t('meeting.problem.newStatement')}
            </label>
            <textarea
              id={`${id}-statement`}
              className="input input--area"
              rows={3}
              maxLength={textLimits.long}
              value={statement}
              onChange={(e) => setStatement(e.target.value)}
            />
          </div>
          <div className="room-form__actions">
            <Button type="submit" small>
              {t('meeting.problem.bring')}
            </Button>
            {problems.length > 0 ? (
              <Button variant="quiet" small onClick={() => setBringing(false)}>
                {t('common.cancel')}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
    </div>
  );
}

function QuestionForm({ room }: { room: Room }) {
  const { t } = useTranslation();
  const id = useId();
  const { state } = room;
  const [askedBy, setAskedBy] = useState(room.me);
  if (!room.can({ type: 'question.add', text: 'x' })) {
    return room.isPresenter ? <p className="muted">{t('meeting.questions.presenterListens')}</p> : null;
  }
  const askers = state.setup.participants.filter((p) => p.personId !== room.presenterId);
  return (
    <RoomForm
      room={room}
      multiline
      label={
        state.step === 'clarifying'
          ? t('meeting.questions.clarifyingLabel')
          : t('meeting.questions.openLabel')
      }
      hint={
        state.step === 'clarifying' ? t('meeting.questions.clarifyingHint') : t('meeting.questions.openHint')
      }
      submit={t('meeting.questions.submit')}
      maxLength={textLimits.long}
      coach={(text) => (adviceNudge(text) ? t('meeting.questions.coach') : null)}
      command={(text) =>
        askedBy === room.me ? { type: 'question.add', text } : { type: 'question.add', text, askedBy }
      }
    >
      {room.isScribe ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-asker`}>
            {t('meeting.questions.askedBy')}
          </label>
          <select
            id={`${id}-asker`}
            className="input input--select"
            value={askedBy}
            onChange={(e) => setAskedBy(e.target.value)}
          >
            {askers.map((p) => (
              <option key={p.personId} value={p.personId}>
                {p.personId === room.me ? t('meeting.questions.me', { name: p.name }) : p.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </RoomForm>
  );
}

function QuestionList({
  room,
  turn,
  struckFirst,
}: {
  room: Room;
  turn: PresenterTurn;
  struckFirst?: boolean;
}) {
  const { t } = useTranslation();
  const questions = struckFirst
    ? [...turn.questions.filter((q) => q.struckHome), ...turn.questions.filter((q) => !q.struckHome)]
    : [...turn.questions].reverse();
  const struck = turn.questions.filter((q) => q.struckHome).length;
  return (
    <section className="question-block" aria-labelledby="questions-heading">
      <h4 id="questions-heading">
        {t('meeting.questions.title', { count: turn.questions.length })}
        {struck > 0 ? (
          <span className="question-block__struck">
            {' '}
            · {t('meeting.questions.struckCount', { count: struck })}
          </span>
        ) : null}
      </h4>
      {room.isPresenter && turn.questions.length > 0 ? (
        <p className="muted">{t('meeting.questions.markHint')}</p>
      ) : null}
      {turn.questions.length === 0 ? (
        <p className="muted">{t('meeting.questions.none')}</p>
      ) : (
        <ul className="question-list">
          {questions.map((q) => (
            <QuestionItem key={q.questionId} room={room} question={q} />
          ))}
        </ul>
      )}
    </section>
  );
}

function QuestionItem({ room, question: q }: { room: Room; question: Question }) {
  const { t } = useTranslation();
  const mark = { type: 'question.mark', questionId: q.questionId, struckHome: !q.struckHome } as const;
  const remove = { type: 'question.remove', questionId: q.questionId } as const;
  return (
    <li className={q.struckHome ? 'question is-struck' : 'question'}>
      <p className="question__text">{q.text}</p>
      <p className="question__meta">
        <span>
          {q.recordedBy !== q.askedBy
            ? t('meeting.questions.byRecorded', {
                name: room.name(q.askedBy),
                scribe: room.name(q.recordedBy),
              })
            : t('meeting.questions.by', { name: room.name(q.askedBy) })}
        </span>
        <Badge tone={q.step === 'clarifying' ? 'neutral' : 'info'}>
          {t(`meeting.questions.kind.${q.step}`)}
        </Badge>
        {q.struckHome && !room.can(mark) ? (
          <Badge tone="accent">{t('meeting.questions.struck')}</Badge>
        ) : null}
      </p>
      <div className="question__tools">
        {room.can(mark) ? (
          <Button
            variant={q.struckHome ? 'primary' : 'secondary'}
            small
            aria-pressed={q.struckHome}
            onClick={() => room.send(mark)}
          >
            <StarIcon filled={q.struckHome} />
            {t('meeting.questions.struckHome')}
          </Button>
        ) : null}
        {room.can(remove) && !room.isPresenter ? (
          <Button variant="quiet" small onClick={() => room.send(remove)}>
            {t('meeting.questions.remove')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

function ReframeForm({ room, turn }: { room: Room; turn: PresenterTurn }) {
  const { t } = useTranslation();
  const reframes = turn.reframes;
  if (!room.can({ type: 'problem.reframe', statement: 'x' })) {
    return reframes.length ? (
      <div className="callout callout--success">
        <p className="callout__title">
          {t('meeting.reframe.restated', { name: room.name(turn.presenterId) })}
        </p>
        <p>{reframes.at(-1)!.statement}</p>
      </div>
    ) : null;
  }
  return (
    <RoomForm
      key={reframes.length}
      room={room}
      multiline
      label={reframes.length ? t('meeting.reframe.again') : t('meeting.reframe.label')}
      hint={t('meeting.reframe.hint')}
      submit={t('meeting.reframe.submit')}
      maxLength={textLimits.long}
      command={(statement) => ({ type: 'problem.reframe', statement })}
    />
  );
}

function ActionForm({ room }: { room: Room }) {
  const { t } = useTranslation();
  const id = useId();
  const [dueOn, setDueOn] = useState('');
  if (!room.can({ type: 'action.add', text: 'x' })) return null;
  return (
    <RoomForm
      room={room}
      label={
        room.isPresenter
          ? t('meeting.actions.label')
          : t('meeting.actions.labelFor', { name: room.name(room.presenterId!) })
      }
      hint={t('meeting.actions.hint')}
      submit={t('meeting.actions.submit')}
      maxLength={textLimits.long}
      command={(text) => ({ type: 'action.add', text, dueOn: dueOn || null })}
      onSent={() => setDueOn('')}
    >
      <div className="field">
        <label className="field__label" htmlFor={`${id}-due`}>
          {t('meeting.actions.dueLabel')} <span className="field__optional">{t('forms.optional')}</span>
        </label>
        <input
          id={`${id}-due`}
          type="date"
          className="input input--date"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
        />
      </div>
    </RoomForm>
  );
}

function ActionList({ room, turn }: { room: Room; turn: PresenterTurn }) {
  const { t } = useTranslation();
  return (
    <section className="action-block" aria-labelledby="turn-actions-heading">
      <h4 id="turn-actions-heading">{t('meeting.actions.title', { count: turn.actions.length })}</h4>
      {turn.actions.length === 0 ? (
        <p className="muted">{t('meeting.actions.none')}</p>
      ) : (
        <ol className="action-list">
          {turn.actions.map((a) => (
            <ActionItemRow key={a.actionId} room={room} action={a} />
          ))}
        </ol>
      )}
    </section>
  );
}

function ActionItemRow({ room, action }: { room: Room; action: MeetingAction }) {
  const { t, i18n } = useTranslation();
  const remove = { type: 'action.remove', actionId: action.actionId } as const;
  return (
    <li className="action-list__item">
      <span className="action-list__text">{action.text}</span>
      <span className="action-list__due">
        {action.dueOn
          ? t('meeting.actions.due', { date: formatDate(action.dueOn, i18n.language) })
          : t('meeting.actions.noDue')}
      </span>
      {room.can(remove) ? (
        <Button variant="quiet" small onClick={() => room.send(remove)}>
          {t('meeting.actions.remove')}
          <span className="visually-hidden">: {action.text}</span>
        </Button>
      ) : null}
    </li>
  );
}

function Feedback({ room, turn }: { room: Room; turn: PresenterTurn }) {
  const { t } = useTranslation();
  const may = room.can({ type: 'feedback.give', text: 'x' });
  return (
    <section className="feedback-block" aria-labelledby="feedback-heading">
      <h4 id="feedback-heading">{t('meeting.feedback.title')}</h4>
      {turn.feedback ? <blockquote className="feedback-block__text">{turn.feedback}</blockquote> : null}
      {may ? (
        <RoomForm
          key={turn.feedback ?? ''}
          room={room}
          multiline
          label={turn.feedback ? t('meeting.feedback.change') : t('meeting.feedback.label')}
          hint={t('meeting.feedback.hint')}
          submit={t('meeting.feedback.submit')}
          maxLength={textLimits.long}
          command={(text) => ({ type: 'feedback.give', text })}
        />
      ) : turn.feedback ? null : (
        <p className="muted">{t('meeting.feedback.waiting', { name: room.name(turn.presenterId) })}</p>
      )}
    </section>
  );
}
