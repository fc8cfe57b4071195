import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSetTurns } from '../../../../contract/meetings.ts';
import { bidMinutes, textLimits } from '../../../../domain/meeting/rule-kit.ts';
import { isMember, own, problemsOf } from '../../../../domain/meeting/selectors.ts';
import { type BidUrgency, bidUrgencies, type MeetingState } from '../../../../domain/meeting/types.ts';
import { useRoute } from '../../../api/call.ts';
import { Badge, type Tone } from '../../../ui/Badge.tsx';
import { Button } from '../../../ui/Button.tsx';
import { DataTable } from '../../../ui/DataTable.tsx';
import { SelectField, TextField } from '../../../ui/Field.tsx';
import { CheckIcon } from './icons.tsx';
import type { Room } from './model.ts';
import { refusalText } from './refusal.ts';

const urgencyTone: Record<BidUrgency, Tone> = { low: 'neutral', medium: 'info', high: 'warning' };
const urgencyRank: Record<BidUrgency, number> = { high: 0, medium: 1, low: 2 };

/** Members who bid, most pressing first, then earliest bid. */
export function biddersInOrder(state: MeetingState): string[] {
  return Object.entries(state.bids)
    .sort(
      ([, a], [, b]) =>
        urgencyRank[a.urgency] - urgencyRank[b.urgency] || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0),
    )
    .map(([id]) => id);
}

/** Bidding for time: each member's bid, and the order of presenters the chair records once agreed. */
export function Bidding({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { state } = room;
  const bidders = biddersInOrder(state);
  const presentations = state.setup.agenda.find((s) => s.key === 'presentations');
  const total = bidders.reduce((sum, id) => sum + (own(state.bids, id)?.minutes ?? 0), 0);
  const maySetOrder = room.can({ type: 'presenter.order', personIds: [] });
  return (
    <>
      <section className="room-block" aria-labelledby="bids-heading">
        <h3 id="bids-heading">{t('meeting.bids.title')}</h3>
        <p className="muted">{t('meeting.bids.lead')}</p>
        {room.isMember && room.can({ type: 'bid.place', minutes: 10, urgency: 'low' }) ? (
          <BidForm room={room} />
        ) : null}
        {bidders.length === 0 ? (
          <p className="muted">{t('meeting.bids.none')}</p>
        ) : (
          <>
            <DataTable
              caption={t('meeting.bids.caption')}
              columns={[
                { label: t('meeting.bids.member') },
                { label: t('meeting.bids.minutes'), className: 'num' },
                { label: t('meeting.bids.urgency') },
                { label: t('meeting.bids.about') },
              ]}
            >
              {bidders.map((id) => {
                const bid = own(state.bids, id)!;
                const problem = bid.problemId
                  ? problemsOf(state, id).find((p) => p.problemId === bid.problemId)
                  : undefined;
                return (
                  <tr key={id}>
                    <th scope="row">{room.name(id)}</th>
                    <td className="num">{bid.minutes}</td>
                    <td>
                      <Badge tone={urgencyTone[bid.urgency]}>{t(`meeting.urgency.${bid.urgency}`)}</Badge>
                    </td>
                    <td>
                      {problem ? <span className="cell-strong">{problem.title}</span> : null}
                      {bid.reason ? <span className="cell-sub">{bid.reason}</span> : null}
                      {!problem && !bid.reason ? <span className="muted">–</span> : null}
                    </td>
                  </tr>
                );
              })}
            </DataTable>
            <p className="room-progress">
              {t('meeting.bids.total', { count: total, budget: presentations?.minutes ?? 0 })}
            </p>
          </>
        )}
      </section>
      <section className="room-block" aria-labelledby="order-heading">
        <h3 id="order-heading">{t('meeting.order.title')}</h3>
        {maySetOrder ? (
          <OrderEditor room={room} key={state.presenterOrder.join(',')} />
        ) : (
          <AgreedOrder room={room} />
        )}
      </section>
    </>
  );
}

export function AgreedOrder({ room }: { room: Room }) {
  const { t } = useTranslation();
  const order = room.state.presenterOrder;
  if (order.length === 0) return <p className="muted">{t('meeting.order.notYet')}</p>;
  return (
    <ol className="order-list" aria-label={t('meeting.order.agreed')}>
      {order.map((id) => (
        <li key={id}>{room.name(id)}</li>
      ))}
    </ol>
  );
}

function BidForm({ room }: { room: Room }) {
  const { t } = useTranslation();
  const id = useId();
  const { state } = room;
  const current = own(state.bids, room.me);
  const problems = problemsOf(state, room.me);
  const [minutes, setMinutes] = useState(String(current?.minutes ?? 30));
  const [urgency, setUrgency] = useState<BidUrgency>(current?.urgency ?? 'medium');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [problemId, setProblemId] = useState(
    current?.problemId ?? (problems.length === 1 ? problems[0]!.problemId : ''),
  );
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const command = {
      type: 'bid.place',
      minutes: Number(minutes),
      urgency,
      reason: reason.trim() || null,
      problemId: problemId || null,
    } as const;
    const verdict = room.verdict(command);
    if (!verdict.ok) {
      setError(refusalText(t, verdict.refusal));
      return;
    }
    setError(null);
    room.send(command);
  };

  return (
    <form noValidate className="bid-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{current ? t('meeting.bids.yourBid') : t('meeting.bids.makeBid')}</h4>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="field-row">
        <TextField
          id={`${id}-minutes`}
          label={t('meeting.bids.minutesLabel')}
          className="input--short"
          type="number"
          inputMode="numeric"
          min={bidMinutes.min}
          max={bidMinutes.max}
          step={5}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <fieldset className="fieldset">
          <legend className="field__label">{t('meeting.bids.urgencyLabel')}</legend>
          <div className="choice-row">
            {bidUrgencies.map((u) => (
              <label key={u} className="choice">
                <input
                  type="radio"
                  name={`${id}-urgency`}
                  value={u}
                  checked={urgency === u}
                  onChange={() => setUrgency(u)}
                />
                <span>{t(`meeting.urgency.${u}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {problems.length > 0 ? (
        <SelectField
          id={`${id}-problem`}
          label={t('meeting.bids.problem')}
          optional
          options={[
            { value: '', label: t('meeting.bids.noProblem') },
            ...problems.map((p) => ({ value: p.problemId, label: p.title })),
          ]}
          value={problemId}
          onChange={(e) => setProblemId(e.target.value)}
        />
      ) : null}
      <TextField
        id={`${id}-reason`}
        label={t('meeting.bids.reason')}
        hint={t('meeting.bids.reasonHint')}
        optional
        autoComplete="off"
        maxLength={textLimits.short}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="room-form__actions">
        <Button type="submit" small>
          {current ? t('meeting.bids.update') : t('meeting.bids.submit')}
        </Button>
        {current && room.can({ type: 'bid.withdraw' }) ? (
          <Button variant="quiet" small onClick={() => room.send({ type: 'bid.withdraw' })}>
            {t('meeting.bids.withdraw')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** What the programme's history suggests, so that everyone gets their turn (counts only, never content). */
function FairTurnsHint({ room }: { room: Room }) {
  const { t, i18n } = useTranslation();
  const turns = useRoute(getSetTurns, { params: { id: room.state.setup.setId } });
  const names = (turns.data?.suggestedNext ?? []).slice(0, 3).map((id) => room.name(id));
  if (names.length === 0) return null;
  return (
    <p className="callout callout--info callout--compact">
      {t('meeting.bids.fairHint', {
        names: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(names),
      })}
    </p>
  );
}

/** The chair lists who presents and in what order: bidders first (most pressing first), then the rest. */
function OrderEditor({ room }: { room: Room }) {
  const { t } = useTranslation();
  const { state } = room;
  const members = state.setup.participants
    .filter((p) => isMember(state.setup, p.personId))
    .map((p) => p.personId);
  const bidders = biddersInOrder(state);
  // Until the chair changes it, the proposal follows the bids as they come in.
  const [draft, setOrder] = useState<string[] | null>(null);
  const order = draft ?? (state.presenterOrder.length ? state.presenterOrder : bidders);
  const [error, setError] = useState<string | null>(null);
  const others = members.filter((m) => !order.includes(m));

  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    setOrder(next);
  };
  const agree = () => {
    const command = { type: 'presenter.order', personIds: order } as const;
    const verdict = room.verdict(command);
    if (!verdict.ok) return setError(refusalText(t, verdict.refusal));
    setError(null);
    room.send(command);
  };
  const agreed = state.presenterOrder.length > 0 && state.presenterOrder.join(',') === order.join(',');

  return (
    <div className="order-editor">
      <p className="muted">{t('meeting.order.lead')}</p>
      <FairTurnsHint room={room} />
      {order.length === 0 ? (
        <p className="muted">{t('meeting.order.empty')}</p>
      ) : (
        <ol className="order-editor__list" aria-label={t('meeting.order.proposed')}>
          {order.map((personId, index) => {
            const bid = own(state.bids, personId);
            const name = room.name(personId);
            return (
              <li key={personId} className="order-editor__item">
                <span className="order-editor__name">
                  {name}
                  {bid ? (
                    <span className="cell-sub">
                      {t('meeting.order.bidSummary', {
                        minutes: bid.minutes,
                        urgency: t(`meeting.urgency.${bid.urgency}`),
                      })}
                    </span>
                  ) : (
                    <span className="cell-sub">{t('meeting.order.noBid')}</span>
                  )}
                </span>
                <span className="order-editor__tools">
                  <Button variant="secondary" small disabled={index === 0} onClick={() => move(index, -1)}>
                    <span aria-hidden="true">↑</span>
                    <span className="visually-hidden">{t('meeting.order.up', { name })}</span>
                  </Button>
                  <Button
                    variant="secondary"
                    small
                    disabled={index === order.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                    <span className="visually-hidden">{t('meeting.order.down', { name })}</span>
                  </Button>
                  <Button variant="quiet" small onClick={() => setOrder(order.filter((x) => x !== personId))}>
                    {t('meeting.order.remove')}
                    <span className="visually-hidden"> {name}</span>
                  </Button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {others.length > 0 ? (
        <fieldset className="order-editor__add">
          <legend className="muted">{t('meeting.order.add')}</legend>
          {others.map((personId) => (
            <Button key={personId} variant="secondary" small onClick={() => setOrder([...order, personId])}>
              <span aria-hidden="true">+ </span>
              {room.name(personId)}
            </Button>
          ))}
        </fieldset>
      ) : null}
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="room-form__actions">
        {agreed ? (
          <p className="order-editor__agreed">
            <CheckIcon />
            {t('meeting.order.isAgreed')}
          </p>
        ) : (
          <Button small disabled={order.length === 0} onClick={agree}>
            {t('meeting.order.agree')}
          </Button>
        )}
      </div>
    </div>
  );
}
