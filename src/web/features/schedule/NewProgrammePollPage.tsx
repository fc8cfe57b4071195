import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { createProgrammePoll } from '../../../contract/polls.ts';
import { call } from '../../api/call.ts';
import { useMe } from '../../app/session.tsx';
import { browserTimeZone } from '../../ui/format.ts';
import { useTitle } from '../../ui/use-title.ts';
import { useProgramme } from '../programmes/context.ts';
import { PollForm } from './PollForm.tsx';
import { pollBody, pollValues } from './poll-form.ts';
import './schedule.css';

/**
 * /programmes/:programmeId/calendar/polls/new (under the programme's Calendar tab): ask everyone in the
 * programme's sets which of a few dates suits them for a one-off event, such as a plenary gathering.
 */
export function NewProgrammePollPage() {
  const { t } = useTranslation();
  const { programme } = useProgramme();
  const me = useMe();
  const navigate = useNavigate();
  useTitle(t('programme.tabTitle', { tab: t('schedule.programmePoll.title'), name: programme.name }));
  const calendar = `/programmes/${programme.id}/calendar`;
  if (!programme.abilities['programme.runPoll'])
    return (
      <p>
        {t('schedule.programmePoll.notAllowed')} <Link to={calendar}>{t('schedule.programmePoll.back')}</Link>
      </p>
    );
  return (
    <section aria-labelledby="programme-poll-heading" className="programme-poll">
      <h2 id="programme-poll-heading">{t('schedule.programmePoll.title')}</h2>
      <p className="muted">{t('schedule.programmePoll.lead')}</p>
      <PollForm
        kind="date"
        initial={pollValues({
          title: t('schedule.programmePoll.defaultName'),
          timeZone: me.person.timeZone || browserTimeZone(),
        })}
        submitLabel={t('schedule.programmePoll.submit')}
        onSubmit={async (v) => {
          const poll = await call(createProgrammePoll, {
            params: { id: programme.id },
            body: pollBody('date', v),
          });
          navigate(`/polls/${poll.id}`);
        }}
        extraActions={<Link to={calendar}>{t('common.cancel')}</Link>}
      />
    </section>
  );
}
