import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  approveConcern,
  objectToConcern,
  type Proposal,
  withdrawConcern,
  withdrawObjection,
} from '../../../contract/concerns.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { listOf } from '../../ui/lists.ts';
import { EditProposal } from './EditProposal.tsx';
import { inZone, shortStatement } from './text.ts';

const names = (people: { name: string }[], language: string) =>
  listOf(
    people.map((p) => p.name),
    language,
  );

/** Where a proposal stands, in words: its deadline in the reader's zone, who objects, when it was shared. */
export function ProposalState({ proposal: p }: { proposal: Proposal }) {
  const { t, i18n } = useTranslation();
  const time = useTimeFormat();
  const when = (iso: string) => inZone(iso, time);
  switch (p.state) {
    case 'waiting':
      return (
        <p className="concern-card__state">
          <Badge tone="info">{t('concerns.state.waiting')}</Badge>{' '}
          {t('concerns.stateLine.waiting', { deadline: when(p.consentBy) })}
        </p>
      );
    case 'held':
      return (
        <p className="concern-card__state">
          <Badge tone="warning">{t('concerns.state.held')}</Badge>{' '}
          {t('concerns.stateLine.held', {
            count: p.objections.length,
            names: names(p.objections, i18n.language),
          })}
        </p>
      );
    case 'shared':
      return (
        <p className="concern-card__state">
          <Badge tone="success">{t('concerns.state.shared')}</Badge>{' '}
          {p.sharedAt
            ? t(
                p.sharedHow === 'room' ? 'concerns.stateLine.sharedRoom' : 'concerns.stateLine.sharedPeriod',
                {
                  when: when(p.sharedAt),
                },
              )
            : null}
        </p>
      );
    default:
      return null;
  }
}

/**
 * One proposal as its set sees it, with what the viewer may do: object or withdraw their objection, and
 * for its proposer edit or withdraw it; in the live room, approve it.
 */
export function ProposalCard({
  proposal: p,
  onChange,
  meetingId,
  headingLevel = 3,
  extra,
}: {
  proposal: Proposal;
  onChange(): void;
  /** In the live room: approving is offered, for this meeting. */
  meetingId?: string | undefined;
  headingLevel?: 3 | 4;
  extra?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const announce = useAnnounce();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const named = t('concerns.named', { text: shortStatement(p.statement) });
  const open = p.status === 'proposed';
  const Heading = headingLevel === 3 ? 'h3' : 'h4';

  const act = (what: string, work: () => Promise<unknown>, done: string) => async () => {
    setBusy(what);
    setError(null);
    try {
      await work();
      announce(done);
      onChange();
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <article className="card concern-card" aria-labelledby={`concern-${p.id}`}>
      <Heading id={`concern-${p.id}`} className="concern-card__statement">
        {p.statement}
      </Heading>
      <p className="concern-card__meta">
        {p.themeTag ? <Badge tone="accent">{p.themeTag}</Badge> : null}
        <span>{p.showSetName ? t('concerns.withSetName') : t('concerns.withoutSetName')}</span>
        <span>
          {p.mine ? t('concerns.proposedByYou') : t('concerns.proposedBy', { name: p.proposer.name })}
        </span>
      </p>
      <ProposalState proposal={p} />
      {open && p.state !== 'held' && p.objections.length === 0 && p.approvals.length > 0 ? (
        <p className="concern-card__approvals">
          {t('concerns.approvedBy', { names: names(p.approvals, i18n.language) })}
        </p>
      ) : null}
      {extra}
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {open ? (
        <div className="button-row concern-card__actions">
          {meetingId && p.abilities['concern.approve'] && !p.iObject && !p.iApproved && !p.mine ? (
            <Button
              small
              busy={busy === 'approve'}
              onClick={act(
                'approve',
                () => call(approveConcern, { params: { id: p.id }, body: { meetingId } }),
                t('concerns.approved'),
              )}
            >
              {t('concerns.approve')}
              <span className="visually-hidden"> {named}</span>
            </Button>
          ) : null}
          {p.abilities['concern.object'] ? (
            p.iObject ? (
              <Button
                variant="secondary"
                small
                busy={busy === 'unobject'}
                onClick={act(
                  'unobject',
                  () => call(withdrawObjection, { params: { id: p.id } }),
                  t('concerns.objectionWithdrawn'),
                )}
              >
                {t('concerns.withdrawObjection')}
                <span className="visually-hidden"> {named}</span>
              </Button>
            ) : (
              <Button
                variant="secondary"
                small
                busy={busy === 'object'}
                onClick={act(
                  'object',
                  () => call(objectToConcern, { params: { id: p.id } }),
                  t('concerns.objected'),
                )}
              >
                {t('concerns.object')}
                <span className="visually-hidden"> {named}</span>
              </Button>
            )
          ) : null}
          {p.abilities['concern.update'] ? <EditProposal proposal={p} onSaved={onChange} /> : null}
          {p.abilities['concern.withdraw'] ? (
            <ConfirmButton
              small
              label={
                <>
                  {t('concerns.withdraw')}
                  <span className="visually-hidden"> {named}</span>
                </>
              }
              title={t('concerns.withdrawTitle')}
              message={t('concerns.withdrawBody')}
              confirmLabel={t('concerns.withdraw')}
              onConfirm={async () => {
                await call(withdrawConcern, { params: { id: p.id } });
                announce(t('concerns.withdrawn'));
                onChange();
              }}
            />
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
