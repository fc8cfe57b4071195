import { useTranslation } from 'react-i18next';
import { getSetTurns, type SetTurns } from '../../../contract/meetings.ts';
import type { LearningSet } from '../../../contract/sets.ts';
import { useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { formatDate } from '../../ui/format.ts';
import { Loading } from '../../ui/Spinner.tsx';
import { minutesText } from './time.ts';

/** Who presented when, for how long, and who might go next so that everyone gets their turn. */
export function FairTurnsPanel({ set }: { set: LearningSet }) {
  const { t, i18n } = useTranslation();
  const turns = useRoute(getSetTurns, { params: { id: set.id } });
  return (
    <section className="section" aria-labelledby="fair-turns-heading">
      <h2 id="fair-turns-heading">{t('meeting.fair.title')}</h2>
      <p className="muted">{t('meeting.fair.lead')}</p>
      {turns.data ? (
        <FairTurnsTable turns={turns.data} language={i18n.language} />
      ) : turns.error ? (
        <LoadError error={turns.error} retry={turns.reload} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

function FairTurnsTable({ turns, language }: { turns: SetTurns; language: string }) {
  const { t } = useTranslation();
  if (turns.members.length === 0) return <p>{t('meeting.fair.noMembers')}</p>;
  const nameOf = (id: string) => turns.members.find((m) => m.personId === id)?.name ?? '';
  const next = turns.suggestedNext.slice(0, 3).map(nameOf);
  const list = new Intl.ListFormat(language, { type: 'conjunction' }).format(next);
  return (
    <>
      <p className="callout callout--info callout--compact">
        {t('meeting.fair.suggested', { names: list })} {t('meeting.fair.rule')}
      </p>
      <DataTable
        caption={t('meeting.fair.caption')}
        columns={[
          { label: t('meeting.fair.member') },
          { label: t('meeting.fair.presentations'), className: 'num' },
          { label: t('meeting.fair.last') },
          { label: t('meeting.fair.airtime'), className: 'num' },
          { label: t('meeting.fair.actions'), className: 'num' },
        ]}
      >
        {turns.suggestedNext.map((id) => {
          const m = turns.perMember.find((p) => p.personId === id);
          const actions = turns.actionCounts.find((a) => a.personId === id);
          if (!m) return null;
          return (
            <tr key={id}>
              <th scope="row">{nameOf(id)}</th>
              <td className="num">{m.presentations}</td>
              <td>
                {m.lastPresentedOn
                  ? formatDate(m.lastPresentedOn.slice(0, 10), language)
                  : t('meeting.fair.never')}
              </td>
              <td className="num">
                {minutesText(t, m.airtimeMs, {
                  minutes: 'meeting.minutes',
                  under: 'meeting.underMinute',
                })}
              </td>
              <td className="num">
                {t('meeting.fair.actionCount', {
                  done: actions?.completed ?? 0,
                  count: actions?.committed ?? 0,
                })}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}
