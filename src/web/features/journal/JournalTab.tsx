import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import * as contract from '../../../contract/journal.ts';
import { type JournalEntry, journalPrompts } from '../../../contract/journal.ts';
import { listMeetings } from '../../../contract/meetings.ts';
import { call, useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useAnnounce } from '../../app/flash.tsx';
import { useMe } from '../../app/session.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { useSetSection } from '../meetings/SetSection.tsx';
import { JournalForm } from './JournalForm.tsx';
import '../meetings/meetings.css';
import { problemText } from '../../api/problem-text.ts';
import { useTimeFormat } from '../../app/time.ts';

/** The learning journal: private by default; an entry can be shared with the set, and taken back. */
export function JournalTab() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const me = useMe();
  const { set } = useSetSection();
  const [params] = useSearchParams();
  const journal = useRoute(contract.listJournal, { params: { id: set.id } });
  const meetings = useRoute(listMeetings, { params: { id: set.id } });
  useTitle(t('journal.pageTitle', { set: set.name }));
  if (!journal.data)
    return journal.error ? <LoadError error={journal.error} retry={journal.reload} /> : <Loading />;
  const all = journal.data;
  const replace = (e: JournalEntry) =>
    journal.setData(all.some((x) => x.id === e.id) ? all.map((x) => (x.id === e.id ? e : x)) : [e, ...all]);
  const remove = (id: string) => journal.setData(all.filter((x) => x.id !== id));
  const held = (meetings.data ?? []).filter((m) => m.status === 'ended' || m.status === 'live').reverse();
  const mine = all.filter((e) => e.author.id === me.person.id);
  const shared = all.filter((e) => e.author.id !== me.person.id);
  const meetingName = (id: string | null) => {
    const m = id ? meetings.data?.find((x) => x.id === id) : undefined;
    return m ? time.day(m.startsAt) : null;
  };
  const preselected = params.get('meeting') ?? '';
  const entryList = (entries: JournalEntry[]) => (
    <ul className="journal-list">
      {entries.map((e) => (
        <Entry key={e.id} entry={e} meeting={meetingName(e.meetingId)} onChange={replace} onDelete={remove} />
      ))}
    </ul>
  );

  return (
    <>
      <section className="section" aria-labelledby="journal-new">
        <h2 id="journal-new">{t('journal.new')}</h2>
        <p className="muted">{t('journal.lead')}</p>
        <JournalForm
          setId={set.id}
          meetings={held}
          meetingId={held.some((m) => m.id === preselected) ? preselected : ''}
          onSaved={replace}
        />
      </section>
      <section className="section" aria-labelledby="journal-mine">
        <h2 id="journal-mine">{t('journal.mine')}</h2>
        {mine.length === 0 ? (
          <EmptyState title={t('journal.noneMineTitle')}>{t('journal.noneMine')}</EmptyState>
        ) : (
          entryList(mine)
        )}
      </section>
      <section className="section" aria-labelledby="journal-shared">
        <h2 id="journal-shared">{t('journal.shared')}</h2>
        {shared.length === 0 ? <p className="muted">{t('journal.noneShared')}</p> : entryList(shared)}
      </section>
    </>
  );
}

function Entry({
  entry,
  meeting,
  onChange,
  onDelete,
}: {
  entry: JournalEntry;
  meeting: string | null;
  onChange(e: JournalEntry): void;
  onDelete(id: string): void;
}) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const announce = useAnnounce();
  const me = useMe();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = entry.author.id === me.person.id;
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = entry.visibility === 'set' ? 'private' : 'set';
      onChange(
        await call(contract.updateJournalEntry, { params: { id: entry.id }, body: { visibility: next } }),
      );
      announce(next === 'set' ? t('journal.entry.nowShared') : t('journal.entry.nowPrivate'));
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };
  const when = time.dateTime(entry.createdAt);
  return (
    <li className="card journal-entry">
      <div className="journal-entry__head">
        <h3 className="card__title">
          {mine ? when : t('journal.entry.by', { name: entry.author.name, when })}
        </h3>
        <Badge tone={entry.visibility === 'set' ? 'accent' : 'neutral'}>
          {entry.visibility === 'set' ? t('journal.entry.shared') : t('journal.entry.private')}
        </Badge>
      </div>
      {meeting ? <p className="card__meta">{t('journal.entry.afterMeeting', { day: meeting })}</p> : null}
      <dl className="journal-entry__answers">
        {journalPrompts
          .filter((p) => entry.answers[p])
          .map((p) => (
            <div key={p}>
              <dt>{t(`journal.prompt.${p}`)}</dt>
              <dd>{entry.answers[p]}</dd>
            </div>
          ))}
      </dl>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {entry.abilities['journal.update'] ? (
        <div className="button-row">
          <Button variant="secondary" small busy={busy} onClick={toggle}>
            {entry.visibility === 'set' ? t('journal.entry.makePrivate') : t('journal.entry.share')}
          </Button>
          <ConfirmButton
            small
            label={t('journal.entry.delete')}
            title={t('journal.entry.deleteTitle')}
            message={t('journal.entry.deleteBody')}
            confirmLabel={t('journal.entry.deleteConfirm')}
            onConfirm={async () => {
              await call(contract.deleteJournalEntry, { params: { id: entry.id } });
              onDelete(entry.id);
              announce(t('journal.entry.deleted'));
            }}
          />
        </div>
      ) : null}
    </li>
  );
}
