import { useTranslation } from 'react-i18next';
import { getSetPulses } from '../../../contract/feedback.ts';
import { useRoute } from '../../api/call.ts';
import { useTimeFormat } from '../../app/time.ts';

/** The viewer's own set's pulse trend (per meeting), K-ruled: for its members and facilitator only. */
export function SetPulseTrend({ setId, name, level }: { setId: string; name: string; level: 2 | 3 }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const pulses = useRoute(getSetPulses, { params: { setId } });
  if (!pulses.data) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={`set-pulses-${setId}`}>
      <Heading id={`set-pulses-${setId}`}>{t('feedback.report.setPulses', { name })}</Heading>
      {pulses.data.meetings.length === 0 ? (
        <p>{t('feedback.report.noMeetings')}</p>
      ) : (
        <table className="report-figures">
          <caption className="visually-hidden">{t('feedback.report.setPulses', { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feedback.report.meeting')}</th>
              <th scope="col">{t('feedback.pulse.usefulShort')}</th>
              <th scope="col">{t('feedback.pulse.safeShort')}</th>
            </tr>
          </thead>
          <tbody>
            {pulses.data.meetings.map((m) => (
              <tr key={m.key}>
                <td>{time.date(m.from)}</td>
                <td>{m.summary.useful.shown ? m.summary.useful.mean : t('feedback.notEnoughShort')}</td>
                <td>{m.summary.safe.shown ? m.summary.safe.mean : t('feedback.notEnoughShort')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
