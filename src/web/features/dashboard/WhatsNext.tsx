import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { getHome, Home, HomeMeeting } from '../../../contract/home.ts';
import type { sendApologies } from '../../../contract/meetings.ts';
import { call, routeRef, useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Badge } from '../../ui/Badge.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loading } from '../../ui/Spinner.tsx';
import './home.css';

// Home is part of a member's first download: its routes are named, not imported (see routeRef).
const homeRoute = routeRef<typeof getHome>('GET', '/api/home');
const apologiesRoute = routeRef<typeof sendApologies>('PUT', '/api/meetings/:id/attendance/me');

function MeetingCard({ meeting, onChange }: { meeting: HomeMeeting; onChange(): void }) {
  const { t } = useTranslation();
  const when = useTimeFormat().dateTime;
  const [busy, setBusy] = useState(false);
  const away = meeting.myStatus === 'apologies';
  const answer = async (status: 'apologies' | 'expected') => {
    setBusy(true);
    try {
      await call(apologiesRoute, { params: { id: meeting.id }, body: { status, note: '' } });
      onChange();
    } finally {
      setBusy(false);
    }
  };
  const headingId = `home-meeting-${meeting.id}`;
  return (
    <li className={meeting.live ? 'card next-card next-card--live' : 'card next-card'}>
      <h3 id={headingId} className="card__title">
        {t('home.meeting.title', { set: meeting.setName })}
      </h3>
      <p className="badges">
        {meeting.live ? <Badge tone="success">{t('home.meeting.live')}</Badge> : null}
        {away ? <Badge tone="warning">{t('home.meeting.apologiesSent')}</Badge> : null}
      </p>
      <p className="next-card__when">{when(meeting.startsAt)}</p>
      {meeting.place ? <p>{t('home.meeting.place', { place: meeting.place })}</p> : null}
      <div className="button-row">
        {meeting.live ? (
          <ButtonLink to={`/meetings/${meeting.id}/room`} aria-describedby={headingId}>
            {t('home.meeting.join')}
          </ButtonLink>
        ) : (
          <Link to={`/sets/${meeting.setId}/meetings`} aria-describedby={headingId}>
            {t('home.meeting.details')}
          </Link>
        )}
        {meeting.status === 'scheduled' ? (
          away ? (
            <Button variant="quiet" small busy={busy} onClick={() => void answer('expected')}>
              {t('home.meeting.comeAfterAll')}
            </Button>
          ) : (
            <Button variant="secondary" small busy={busy} onClick={() => void answer('apologies')}>
              {t('home.meeting.sendApologies')}
            </Button>
          )
        ) : null}
      </div>
    </li>
  );
}

interface Item {
  key: string;
  to: string;
  text: string;
  badge?: { tone: 'warning' | 'danger' | 'info'; text: string } | undefined;
}

function ItemList({ id, title, items }: { id: string; title: string; items: Item[] }) {
  if (items.length === 0) return null;
  return (
    <section className="next-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul className="next-list">
        {items.map((item) => (
          <li key={item.key}>
            <Link to={item.to}>{item.text}</Link>
            {item.badge ? (
              <>
                {' '}
                <Badge tone={item.badge.tone}>{item.badge.text}</Badge>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function forYou(home: Home, t: ReturnType<typeof useTranslation>['t'], language: string): Item[] {
  return [
    ...home.groundRules.map((g) => ({
      key: `rules-${g.setId}`,
      to: `/sets/${g.setId}#ground-rules-heading`,
      text: t('home.forYou.groundRules', { set: g.setName }),
    })),
    ...home.pollsToAnswer.map((p) => ({
      key: `poll-${p.id}`,
      to: `/polls/${p.id}`,
      text: p.setName
        ? t('home.forYou.pollInSet', { title: p.title, set: p.setName })
        : t('home.forYou.poll', { title: p.title }),
    })),
    ...(home.journalPrompt
      ? [
          {
            key: 'journal',
            to: `/sets/${home.journalPrompt.setId}/journal`,
            text: t('home.forYou.journal', { set: home.journalPrompt.setName }),
          },
        ]
      : []),
    ...home.actions.map((a) => ({
      key: `action-${a.id}`,
      to: `/sets/${a.setId}/actions`,
      text: t('home.forYou.action', { text: a.text, set: a.setName }),
      badge: a.dueOn
        ? {
            tone: a.overdue ? ('danger' as const) : ('info' as const),
            text: a.overdue
              ? t('home.forYou.overdue', { date: formatDate(a.dueOn, language) })
              : t('home.forYou.due', { date: formatDate(a.dueOn, language) }),
          }
        : undefined,
    })),
  ];
}

function setSteps(home: Home, t: ReturnType<typeof useTranslation>['t']): Item[] {
  return home.setSteps.map((s) => ({
    key: `${s.step}-${s.setId}`,
    to: s.step === 'scheduleMeeting' ? `/sets/${s.setId}/schedule` : `/sets/${s.setId}#ground-rules-heading`,
    text: t(`home.steps.${s.step}`, { set: s.setName, count: s.count }),
  }));
}

function needsYou(home: Home, t: ReturnType<typeof useTranslation>['t']): Item[] {
  return [
    ...home.applicationsWaiting.map((a) => ({
      key: `applications-${a.programmeId}`,
      to: `/programmes/${a.programmeId}/enrolment`,
      text: t('home.needsYou.applications', { count: a.count, programme: a.programmeName }),
    })),
    ...home.setsToForm.map((p) => ({
      key: `form-${p.programmeId}`,
      to: `/programmes/${p.programmeId}/formation`,
      text: t('home.needsYou.formSets', { programme: p.programmeName }),
    })),
    ...home.pollsToConfirm.map((p) => ({
      key: `confirm-${p.id}`,
      to: `/polls/${p.id}`,
      text: t('home.needsYou.confirmPoll', { title: p.title, count: p.answers }),
    })),
    ...(home.failingMails
      ? [{ key: 'mail', to: '/mail', text: t('home.needsYou.failingMails', { count: home.failingMails }) }]
      : []),
  ];
}

/** "What's next": the person's next meetings and what waits for them, each linking to the thing itself. */
export function WhatsNext() {
  const { t, i18n } = useTranslation();
  const home = useRoute(homeRoute, {}, { keepPrevious: true });
  if (!home.data) return home.error ? <LoadError error={home.error} retry={home.reload} /> : <Loading />;
  const data = home.data;
  const mine = forYou(data, t, i18n.language);
  const steps = setSteps(data, t);
  const needs = needsYou(data, t);
  const nothing = data.nextMeetings.length + mine.length + steps.length + needs.length === 0;
  return (
    <section className="section whats-next" aria-labelledby="whats-next">
      <h2 id="whats-next">{t('home.title')}</h2>
      {data.nextMeetings.length ? (
        <section className="next-section" aria-labelledby="next-meetings">
          <h3 id="next-meetings">{t('home.meetings')}</h3>
          <ul className="next-cards">
            {data.nextMeetings.map((m) => (
              <MeetingCard key={m.id} meeting={m} onChange={() => void home.reload()} />
            ))}
          </ul>
          <p>
            <Link to="/upcoming">{t('home.allUpcoming')}</Link>
          </p>
        </section>
      ) : null}
      <ItemList id="for-you" title={t('home.forYou.title')} items={mine} />
      <ItemList id="set-steps" title={t('home.steps.title')} items={steps} />
      <ItemList id="needs-you" title={t('home.needsYou.title')} items={needs} />
      {nothing ? <p>{t('home.nothing')}</p> : null}
    </section>
  );
}
