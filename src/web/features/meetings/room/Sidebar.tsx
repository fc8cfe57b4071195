import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { airtimeMs } from '../../../../domain/meeting/timer.ts';
import { Badge } from '../../../ui/Badge.tsx';
import { Button } from '../../../ui/Button.tsx';
import { ConfirmButton } from '../../../ui/ConfirmButton.tsx';
import { minutesText } from '../time.ts';
import { HandIcon } from './icons.tsx';
import { questionCounts, type Room } from './model.ts';
import { presenterAirtime } from './Presentations.tsx';

/** The agenda, with the stage the meeting is at; whoever runs the meeting can go to any stage. */
export function Agenda({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { state } = room;
  return (
    <section className="room-panel" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" className="room-panel__title">
        {t('meeting.agenda.title')}
      </h2>
      <ol className="agenda">
        {state.setup.agenda.map((stage, index) => {
          const current = state.stageIndex === index;
          const visited = state.stagesVisited.some((v) => v.index === index);
          const command = { type: 'stage.goto', index } as const;
          const cls = ['agenda__item', current ? 'is-current' : '', visited && !current ? 'is-done' : '']
            .filter(Boolean)
            .join(' ');
          const body = (
            <>
              <span className="agenda__title">{stage.title}</span>
              <span className="agenda__minutes">{t('meeting.minutesShort', { count: stage.minutes })}</span>
            </>
          );
          return (
            <li key={stage.key} className={cls} aria-current={current ? 'step' : undefined}>
              {room.controls && !current && room.can(command) ? (
                <button type="button" className="agenda__go" onClick={() => room.send(command)}>
                  {body}
                  <span className="visually-hidden"> {t('meeting.agenda.goHint')}</span>
                </button>
              ) : (
                <span className="agenda__row">
                  {body}
                  {current ? <span className="visually-hidden"> {t('meeting.agenda.now')}</span> : null}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Who is here, their roles, and the speaking queue. */
export function People({ room, serverNow }: { room: Room; serverNow: number }) {
  const { t } = useTranslation();
  const { state } = room;
  const here = state.present;
  const away = state.setup.participants.filter((p) => !here.includes(p.personId)).map((p) => p.personId);
  const asked = questionCounts(state);
  const showCounts = room.controls && room.presenterId !== null;
  const roles = (id: string) => (
    <>
      {state.setup.facilitatorIds.includes(id) ? (
        <Badge tone="accent">{t('set.role.facilitator')}</Badge>
      ) : null}
      {state.chairId === id ? <Badge tone="info">{t('meeting.people.chair')}</Badge> : null}
      {state.scribeId === id ? <Badge>{t('meeting.people.scribe')}</Badge> : null}
      {room.presenterId === id ? <Badge tone="success">{t('meeting.people.presenting')}</Badge> : null}
    </>
  );
  const turnOf = (id: string) => state.turns.find((x) => x.presenterId === id);
  return (
    <section className="room-panel" aria-labelledby="people-heading">
      <h2 id="people-heading" className="room-panel__title">
        {t('meeting.people.title', { count: here.length })}
      </h2>
      <ul className="people" aria-label={t('meeting.people.here')}>
        {here.map((id) => (
          <li key={id} className="people__item">
            <span className="people__dot is-here" aria-hidden="true" />
            <span className="people__name">
              {room.name(id)}
              {id === room.me ? <span className="muted"> {t('meeting.people.you')}</span> : null}
              {state.hands.includes(id) ? (
                <span className="people__hand">
                  <HandIcon />
                  <span className="visually-hidden"> {t('meeting.people.handUp')}</span>
                </span>
              ) : null}
            </span>
            <span className="people__roles">{roles(id)}</span>
            {showCounts && id !== room.presenterId ? (
              <span className="people__stat">
                {t('meeting.people.questions', { count: asked.get(id) ?? 0 })}
              </span>
            ) : null}
            {room.controls && turnOf(id) ? (
              <span className="people__stat">
                {minutesText(t, airtimeMs(turnOf(id)!, serverNow), presenterAirtime)}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {away.length > 0 ? (
        <>
          <h3 className="room-panel__subtitle">{t('meeting.people.notHere', { count: away.length })}</h3>
          <ul className="people people--away">
            {away.map((id) => (
              <li key={id} className="people__item">
                <span className="people__dot" aria-hidden="true" />
                <span className="people__name">{room.name(id)}</span>
                <span className="people__roles">{roles(id)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 className="room-panel__subtitle">{t('meeting.hands.title')}</h3>
      {state.hands.length === 0 ? (
        <p className="muted small">{t('meeting.hands.none')}</p>
      ) : (
        <ol className="queue" aria-label={t('meeting.hands.queue')}>
          {state.hands.map((id) => {
            const clear = { type: 'hand.clear', personId: id } as const;
            return (
              <li key={id} className="queue__item">
                <span>{id === room.me ? t('meeting.hands.you') : room.name(id)}</span>
                {id !== room.me && room.can(clear) ? (
                  <Button variant="quiet" small onClick={() => room.send(clear)}>
                    {t('meeting.hands.lower')}
                    <span className="visually-hidden">
                      {' '}
                      {t('meeting.hands.handOf', { name: room.name(id) })}
                    </span>
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Raise or lower one's hand: the speaking queue, so people do not talk over each other online. */
export function HandButton({ room }: { room: Room }) {
  const { t } = useTranslation();
  const raised = room.state.hands.includes(room.me);
  const position = room.state.hands.indexOf(room.me) + 1;
  const command = raised ? ({ type: 'hand.lower' } as const) : ({ type: 'hand.raise' } as const);
  if (room.state.status === 'ended') return null;
  return (
    <Button
      variant={raised ? 'primary' : 'secondary'}
      className="hand-button"
      disabled={!room.can(command)}
      onClick={() => room.send(command)}
    >
      <HandIcon />
      {raised ? t('meeting.hands.lowerMine', { position }) : t('meeting.hands.raise')}
    </Button>
  );
}

/** The chair's and facilitator's room controls beyond the agenda: chair, scribe, ground rules, the end. */
export function ChairPanel({ room }: { room: Room }) {
  const { t } = useTranslation();
  const id = useId();
  const { state } = room;
  const candidates = state.present.filter((p) => room.can({ type: 'chair.handover', toPersonId: p }));
  const scribes = state.present.filter((p) => room.can({ type: 'scribe.assign', personId: p }));
  const [chairTo, setChairTo] = useState('');
  const [scribe, setScribe] = useState('');
  const mayClaim = room.can({ type: 'chair.claim' });
  const chairName = state.chairId ? room.name(state.chairId) : null;

  if (!room.controls && !mayClaim) return null;
  return (
    <section className="room-panel" aria-labelledby="chair-heading">
      <h2 id="chair-heading" className="room-panel__title">
        {t('meeting.chair.title')}
      </h2>
      <p className="small">
        {chairName
          ? state.chairId === room.me
            ? t('meeting.chair.youChair')
            : t('meeting.chair.chairedBy', { name: chairName })
          : t('meeting.chair.nobody')}
      </p>
      {mayClaim ? (
        <Button variant="secondary" small onClick={() => room.send({ type: 'chair.claim' })}>
          {t('meeting.chair.claim')}
        </Button>
      ) : null}
      {room.controls && candidates.length > 0 ? (
        <form
          className="mini-form"
          onSubmit={(e) => {
            e.preventDefault();
            const to = chairTo || candidates[0]!;
            room.send({ type: 'chair.handover', toPersonId: to });
            setChairTo('');
          }}
        >
          <label className="field__label" htmlFor={`${id}-chair`}>
            {t('meeting.chair.handTo')}
          </label>
          <div className="mini-form__row">
            <select
              id={`${id}-chair`}
              className="input input--select"
              value={chairTo || candidates[0]}
              onChange={(e) => setChairTo(e.target.value)}
            >
              {candidates.map((p) => (
                <option key={p} value={p}>
                  {room.name(p)}
                </option>
              ))}
            </select>
            <Button type="submit" variant="secondary" small>
              {t('meeting.chair.handover')}
            </Button>
          </div>
        </form>
      ) : null}
      {room.controls ? (
        <form
          className="mini-form"
          onSubmit={(e) => {
            e.preventDefault();
            const to = scribe || scribes[0];
            if (to) room.send({ type: 'scribe.assign', personId: to });
            setScribe('');
          }}
        >
          <label className="field__label" htmlFor={`${id}-scribe`}>
            {state.scribeId
              ? t('meeting.chair.scribeIs', { name: room.name(state.scribeId) })
              : t('meeting.chair.scribe')}
          </label>
          <p className="field__hint">{t('meeting.chair.scribeHint')}</p>
          <div className="mini-form__row">
            {scribes.length > 0 ? (
              <>
                <select
                  id={`${id}-scribe`}
                  className="input input--select"
                  value={scribe || scribes[0]}
                  onChange={(e) => setScribe(e.target.value)}
                >
                  {scribes.map((p) => (
                    <option key={p} value={p}>
                      {room.name(p)}
                    </option>
                  ))}
                </select>
                <Button type="submit" variant="secondary" small>
                  {t('meeting.chair.appoint')}
                </Button>
              </>
            ) : null}
            {state.scribeId && room.can({ type: 'scribe.assign', personId: null }) ? (
              <Button
                variant="quiet"
                small
                onClick={() => room.send({ type: 'scribe.assign', personId: null })}
              >
                {t('meeting.chair.standDown')}
              </Button>
            ) : null}
          </div>
        </form>
      ) : null}
      {room.controls && state.status === 'live' ? (
        <div className="chair-panel__row">
          {room.can({ type: 'rules.show', shown: !state.groundRulesShown }) ? (
            <Button
              variant="secondary"
              small
              onClick={() => room.send({ type: 'rules.show', shown: !state.groundRulesShown })}
            >
              {state.groundRulesShown ? t('meeting.chair.hideRules') : t('meeting.chair.showRules')}
            </Button>
          ) : null}
          {room.can({ type: 'meeting.end' }) ? (
            <ConfirmButton
              small
              label={t('meeting.chair.end')}
              title={t('meeting.chair.endTitle')}
              message={t('meeting.chair.endBody')}
              confirmLabel={t('meeting.chair.endConfirm')}
              onConfirm={async () => room.send({ type: 'meeting.end' })}
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
