import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { createSetPoll } from '../../../contract/polls.ts';
import { call } from '../../api/call.ts';
import { useMe } from '../../app/session.tsx';
import { browserTimeZone } from '../../ui/format.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { PollForm } from './PollForm.tsx';
import { pollBody, pollValues } from './poll-form.ts';
import './schedule.css';

/** /sets/:setId/polls/new: ask the set which regular slot suits them. */
export function NewPollPage() {
  const { t } = useTranslation();
  const { setId } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  useTitle(t('schedule.newPoll.title'));
  return (
    <section className="page page--narrow">
      <PageHeader title={t('schedule.newPoll.title')} lead={t('schedule.newPoll.lead')} />
      <PollForm
        kind="slot"
        initial={pollValues({
          title: t('schedule.newPoll.defaultName'),
          timeZone: me.person.timeZone || browserTimeZone(),
        })}
        submitLabel={t('schedule.newPoll.submit')}
        onSubmit={async (v) => {
          const poll = await call(createSetPoll, { params: { id: setId ?? '' }, body: pollBody('slot', v) });
          navigate(`/polls/${poll.id}`);
        }}
      />
    </section>
  );
}
