import { useTranslation } from 'react-i18next';
import { airtimeMs } from '../../../../domain/meeting/timer.ts';
import { Badge } from '../../../ui/Badge.tsx';
import { Button } from '../../../ui/Button.tsx';
import { minutesText } from '../time.ts';

export const presenterAirtime = {
  minutes: 'meeting.presenters.airtime',
  under: 'meeting.presenters.airtimeUnder',
};

import { AgreedOrder } from './Bidding.tsx';
import type { Room } from './model.ts';
import { refusalText } from './refusal.ts';
import { TurnPanel } from './turn/TurnPanel.tsx';

/** The presentations: who presents in what order, who has had their turn, and the turn on the floor. */
export function Presentations({ room, serverNow }: { room: Room; serverNow: number }) {
  const { t } = useTranslation();
  const { state } = room;
  const first = state.setup.presenterCycle[0]?.key ?? 'presenting';
  const presenting = room.presenterId;
  return (
    <>
      {presenting ? <TurnPanel room={room} /> : null}
      <section className="room-block" aria-labelledby="presenters-heading">
        <h3 id="presenters-heading">{t('meeting.presenters.title')}</h3>
        {state.presenterOrder.length === 0 ? (
          <>
            <AgreedOrder room={room} />
            {room.controls ? <p className="muted">{t('meeting.presenters.goBack')}</p> : null}
          </>
        ) : (
          <ol className="presenter-list">
            {state.presenterOrder.map((id, index) => {
              const turn = state.turns.find((x) => x.presenterId === id);
              const onFloor = id === presenting;
              const start = { type: 'presenter.goto', index, step: first } as const;
              const verdict = room.controls && !onFloor ? room.verdict(start) : null;
              return (
                <li key={id} className={onFloor ? 'presenter-list__item is-current' : 'presenter-list__item'}>
                  <span className="presenter-list__name">{room.name(id)}</span>
                  <span className="presenter-list__state">
                    {onFloor ? (
                      <Badge tone="success">{t('meeting.presenters.onFloor')}</Badge>
                    ) : turn ? (
                      <Badge>{t('meeting.presenters.done')}</Badge>
                    ) : (
                      <Badge tone="info">{t('meeting.presenters.waiting')}</Badge>
                    )}
                    {turn ? (
                      <span className="muted">
                        {minutesText(t, airtimeMs(turn, serverNow), presenterAirtime)}
                      </span>
                    ) : null}
                  </span>
                  {verdict ? (
                    verdict.ok ? (
                      <Button variant="secondary" small onClick={() => room.send(start)}>
                        {turn
                          ? t('meeting.presenters.resume', { name: room.name(id) })
                          : t('meeting.presenters.start', { name: room.name(id) })}
                      </Button>
                    ) : (
                      <span className="presenter-list__why">{refusalText(t, verdict.refusal)}</span>
                    )
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
        {presenting && room.controls && room.can({ type: 'presenter.end' }) ? (
          <Button variant="quiet" small onClick={() => room.send({ type: 'presenter.end' })}>
            {t('meeting.presenters.end', { name: room.name(presenting) })}
          </Button>
        ) : null}
      </section>
    </>
  );
}
