import { useTranslation } from 'react-i18next';
import type { PresenterTurn, Question } from '../../../../../domain/meeting/types.ts';
import { Badge } from '../../../../ui/Badge.tsx';
import { Button } from '../../../../ui/Button.tsx';
import { StarIcon } from '../icons.tsx';
import type { Room } from '../model.ts';
import { EditableItem } from './EditableItem.tsx';

/** The questions the presenter receives, newest first (or those that struck home first, when reframing). */
export function QuestionList({
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
  const mayMark = room.can(mark);
  return (
    <EditableItem
      room={room}
      target={{ kind: 'question', item: q }}
      className={q.struckHome ? 'question is-struck' : 'question'}
      toolsClassName="question__tools"
      editLabel={t('meeting.questions.editLabel')}
      multiline
      offered={!room.isPresenter}
      tools={
        mayMark ? (
          <Button
            variant={q.struckHome ? 'primary' : 'secondary'}
            small
            aria-pressed={q.struckHome}
            onClick={() => room.send(mark)}
          >
            <StarIcon filled={q.struckHome} />
            {t('meeting.questions.struckHome')}
          </Button>
        ) : null
      }
    >
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
        {q.struckHome && !mayMark ? <Badge tone="accent">{t('meeting.questions.struck')}</Badge> : null}
      </p>
    </EditableItem>
  );
}
