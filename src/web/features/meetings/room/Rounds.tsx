import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textLimits } from '../../../../domain/meeting/rule-kit.ts';
import { own } from '../../../../domain/meeting/selectors.ts';
import { Button } from '../../../ui/Button.tsx';
import { MyQuestionShares, SetQuestionShares } from '../../coach/QuestionShares.tsx';
import type { Room } from './model.ts';
import { RoomForm } from './RoomForm.tsx';

export function GroundRules({ rules, headingLevel = 3 }: { rules: readonly string[]; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="ground-rules" aria-labelledby="ground-rules-heading">
      <Heading id="ground-rules-heading">{t('meeting.rules.title')}</Heading>
      <p className="muted">{t('meeting.rules.lead')}</p>
      <ol>
        {rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ol>
    </section>
  );
}

/** Everyone in the set, in roster order, with what they said in a round (or that they have not yet). */
function RoundList({
  room,
  said,
  label,
}: {
  room: Room;
  said: (id: string) => string | null;
  label: string;
}) {
  const { t } = useTranslation();
  const people = room.state.setup.participants;
  return (
    <ul className="round-list" aria-label={label}>
      {people.map((p) => {
        const words = said(p.personId);
        const here = room.state.present.includes(p.personId);
        return (
          <li
            key={p.personId}
            className={words ? 'round-list__item round-list__item--said' : 'round-list__item'}
          >
            <span className="round-list__name">
              {p.name}
              {p.personId === room.me ? <span className="muted"> {t('meeting.people.you')}</span> : null}
            </span>
            <span className={words ? 'round-list__words' : 'round-list__words muted'}>
              {words ?? (here ? t('meeting.rounds.waiting') : t('meeting.rounds.away'))}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function CheckInRound({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { state } = room;
  const mine = own(state.checkIns, room.me);
  const allowed = room.can({ type: 'checkin.say', text: 'x' });
  return (
    <section className="room-block" aria-labelledby="checkin-heading">
      <h3 id="checkin-heading">{t('meeting.checkin.title')}</h3>
      <p className="muted">{t('meeting.checkin.lead')}</p>
      {allowed ? (
        <RoomForm
          room={room}
          label={mine ? t('meeting.checkin.change') : t('meeting.checkin.label')}
          hint={t('meeting.checkin.hint')}
          submit={mine ? t('meeting.checkin.update') : t('meeting.checkin.submit')}
          maxLength={textLimits.short}
          command={(text) => ({ type: 'checkin.say', text })}
        />
      ) : null}
      <RoundList
        room={room}
        label={t('meeting.checkin.listLabel')}
        said={(id) => own(state.checkIns, id) ?? null}
      />
    </section>
  );
}

export function CheckOutRound({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { state } = room;
  const mine = own(state.checkOuts, room.me);
  const allowed = room.can({ type: 'checkout.say', text: 'x' });
  return (
    <section className="room-block" aria-labelledby="checkout-heading">
      <h3 id="checkout-heading">{t('meeting.checkout.title')}</h3>
      <p className="muted">{t('meeting.checkout.lead')}</p>
      {allowed ? <CheckOutForm room={room} key={mine ? 'again' : 'first'} hasSaid={Boolean(mine)} /> : null}
      <RoundList
        room={room}
        label={t('meeting.checkout.listLabel')}
        said={(id) => {
          const out = own(state.checkOuts, id);
          if (!out) return null;
          return out.usefulness
            ? `${out.text} · ${t('meeting.checkout.score', { score: out.usefulness })}`
            : out.text;
        }}
      />
    </section>
  );
}

function CheckOutForm({ room, hasSaid }: { room: Room; hasSaid: boolean }) {
  const { t } = useTranslation();
  const [score, setScore] = useState<number | null>(null);
  return (
    <RoomForm
      room={room}
      label={hasSaid ? t('meeting.checkout.change') : t('meeting.checkout.label')}
      hint={t('meeting.checkout.hint')}
      submit={hasSaid ? t('meeting.checkout.update') : t('meeting.checkout.submit')}
      maxLength={textLimits.short}
      command={(text) => ({ type: 'checkout.say', text, usefulness: score })}
    >
      <fieldset className="fieldset usefulness">
        <legend>
          {t('meeting.checkout.usefulness')} <span className="field__optional">{t('forms.optional')}</span>
        </legend>
        <div className="usefulness__scale">
          {[1, 2, 3, 4, 5].map((n) => (
            <label key={n} className="usefulness__option">
              <input
                type="radio"
                name="checkout-usefulness"
                value={n}
                checked={score === n}
                onChange={() => setScore(n)}
              />
              <span>{n}</span>
            </label>
          ))}
        </div>
        <p className="field__hint">{t('meeting.checkout.usefulnessHint')}</p>
      </fieldset>
    </RoomForm>
  );
}

export function ProcessReview({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { state } = room;
  const allowed = room.can({ type: 'review.note', text: 'x' });
  return (
    <section className="room-block" aria-labelledby="review-heading">
      <h3 id="review-heading">{t('meeting.review.title')}</h3>
      <ul className="prompt-list">
        <li>{t('meeting.review.prompt1')}</li>
        <li>{t('meeting.review.prompt2')}</li>
        <li>{t('meeting.review.prompt3')}</li>
      </ul>
      {allowed ? (
        <RoomForm
          room={room}
          multiline
          label={t('meeting.review.label')}
          submit={t('meeting.review.submit')}
          maxLength={textLimits.long}
          command={(text) => ({ type: 'review.note', text })}
        />
      ) : null}
      {state.reviewNotes.length === 0 ? (
        <p className="muted">{t('meeting.review.none')}</p>
      ) : (
        <ul className="note-list" aria-label={t('meeting.review.listLabel')}>
          {state.reviewNotes.map((n) => (
            <li key={n.noteId} className="note-list__item">
              <p>{n.text}</p>
              <p className="note-list__meta">
                {room.name(n.authorId)}
                {room.can({ type: 'review.remove', noteId: n.noteId }) ? (
                  <Button
                    variant="quiet"
                    small
                    onClick={() => room.send({ type: 'review.remove', noteId: n.noteId })}
                  >
                    {t('meeting.review.remove')}
                    <span className="visually-hidden">: {n.text}</span>
                  </Button>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
      {/* How open the set's questions were, meeting by meeting (never per person), and the viewer's own. */}
      <SetQuestionShares setId={state.setup.setId} headingLevel={4} />
      <MyQuestionShares setId={state.setup.setId} headingLevel={4} />
    </section>
  );
}
