import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { listRoomConcerns } from '../../../contract/concerns.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { ProposalCard } from './ProposalCard.tsx';
import { ProposeForm } from './ProposeForm.tsx';
import './concerns.css';
import { listOf } from '../../ui/lists.ts';

/** How often the panel asks again while it is open: others approve and object from their own screens. */
const refreshMs = 10_000;

/**
 * In the live room's process review: the set's open proposals, who is present and who still has to
 * approve. Everyone present approving shares a proposal at once. Uses the concerns routes, not the
 * live protocol, and refreshes after each action and every few seconds.
 */
export function RoomConcernsPanel({ meetingId }: { meetingId: string }) {
  const { t, i18n } = useTranslation();
  const room = useRoute(listRoomConcerns, { params: { meetingId } }, { keepPrevious: true });
  const { reload } = room;
  useEffect(() => {
    const timer = setInterval(() => void reload(), refreshMs);
    return () => clearInterval(timer);
  }, [reload]);

  const data = room.data;
  return (
    <section className="room-block room-concerns" aria-labelledby="room-concerns-heading">
      <h3 id="room-concerns-heading">{t('concerns.room.title')}</h3>
      {room.error ? <LoadError error={room.error} retry={room.reload} /> : null}
      {!data && !room.error ? <Loading /> : null}
      {data ? (
        <>
          <p className="muted">{t('concerns.room.lead', { count: data.minimumPresent })}</p>
          <p className="room-concerns__present">
            {t('concerns.room.present', {
              count: data.present.length,
              size: data.setSize,
              names: listOf(
                data.present.map((p) => p.name),
                i18n.language,
              ),
            })}
          </p>
          {data.proposals.length === 0 ? (
            <p className="muted">{t('concerns.room.none')}</p>
          ) : (
            <ul className="concern-list">
              {data.proposals.map((p) => (
                <li key={p.id}>
                  <ProposalCard
                    proposal={p}
                    meetingId={data.live ? meetingId : undefined}
                    onChange={() => void room.reload()}
                    headingLevel={4}
                    extra={
                      p.blockedBy === 'waiting-for-approvals' ? (
                        <p className="concern-card__waiting">
                          {t('concerns.room.waitingFor', {
                            names: listOf(
                              p.waitingFor.map((w) => w.name),
                              i18n.language,
                            ),
                          })}
                        </p>
                      ) : p.blockedBy ? (
                        <p className="concern-card__waiting">{t(`concerns.room.blocked.${p.blockedBy}`)}</p>
                      ) : null
                    }
                  />
                </li>
              ))}
            </ul>
          )}
          {data.abilities['concern.propose'] ? (
            <details className="concern-propose">
              <summary>{t('concerns.room.proposeTitle')}</summary>
              <p className="callout callout--info callout--compact">{t('concerns.set.guidance')}</p>
              <ProposeForm
                setId={data.setId}
                idPrefix={`room-propose-${meetingId}`}
                onProposed={() => void room.reload()}
              />
            </details>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
