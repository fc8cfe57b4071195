import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptGroundRules, getGroundRules } from '../../../contract/ground-rules.ts';
import { call, useRoute } from '../../api/call.ts';
import { LoadError } from '../../app/Failure.tsx';
import { useAnnounce } from '../../app/flash.tsx';
import { Button } from '../../ui/Button.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { GroundRulesEditor } from './GroundRulesEditor.tsx';
import '../enrolment/enrolment.css';
import { problemText } from '../../api/problem-text.ts';
import { useTimeFormat } from '../../app/time.ts';

/** The set's ground rules: the current version, who has accepted it, accepting it, editing it. */
export function GroundRulesSection({ setId, viewerId }: { setId: string; viewerId: string }) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const announce = useAnnounce();
  const rules = useRoute(getGroundRules, { params: { id: setId } });
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const accept = async (version: number) => {
    setBusy(true);
    setError(null);
    try {
      await call(acceptGroundRules, { params: { id: setId }, body: { version } });
      await rules.reload();
      announce(t('groundRules.accepted', { version }));
    } catch (e) {
      setError(problemText(t, e));
      await rules.reload();
    } finally {
      setBusy(false);
    }
  };

  const r = rules.data;
  const mine = r?.members.find((m) => m.personId === viewerId);
  return (
    <section className="section" aria-labelledby="ground-rules-heading">
      <div className="section__header">
        <h2 id="ground-rules-heading">{t('groundRules.title')}</h2>
        {r?.abilities['groundRules.update'] && !editing ? (
          <div className="section__tools">
            <Button variant="secondary" small onClick={() => setEditing(true)}>
              {t('groundRules.edit.open')}
            </Button>
          </div>
        ) : null}
      </div>
      {rules.error ? <LoadError error={rules.error} retry={rules.reload} /> : null}
      {!r ? (
        rules.error ? null : (
          <Loading />
        )
      ) : editing ? (
        <GroundRulesEditor
          rules={r}
          onCancel={() => setEditing(false)}
          onSaved={(next) => {
            rules.setData(next);
            setEditing(false);
            announce(t('groundRules.edit.saved', { version: next.version }));
          }}
        />
      ) : (
        <>
          <p className="muted">
            {r.version === null
              ? t('groundRules.proposal')
              : t('groundRules.version', {
                  version: r.version,
                  when: r.adoptedAt ? time.dateTime(r.adoptedAt) : '',
                })}
          </p>
          <ol className="rule-list">
            {r.rules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ol>
          {r.needsMyAcceptance && r.version !== null ? (
            <div className="callout callout--warning">
              <p>
                {r.history.length > 1
                  ? t('groundRules.askAgain', { version: r.version })
                  : t('groundRules.ask', { version: r.version })}
              </p>
              <Button busy={busy} busyLabel={t('common.saving')} onClick={() => void accept(r.version!)}>
                {t('groundRules.accept', { version: r.version })}
              </Button>
            </div>
          ) : mine?.acceptedAt ? (
            <p className="callout callout--success">
              {t('groundRules.youAccepted', {
                version: r.version,
                when: time.dateTime(mine.acceptedAt),
              })}
            </p>
          ) : null}
          {error ? (
            <p className="callout callout--danger" role="alert">
              {error}
            </p>
          ) : null}
          {r.version !== null && r.members.length > 0 ? (
            <details className="disclosure">
              <summary>
                {t('groundRules.acceptedCount', { accepted: r.acceptedCount, count: r.members.length })}
              </summary>
              <ul>
                {r.members.map((m) => (
                  <li key={m.personId}>
                    {m.acceptedCurrent
                      ? t('groundRules.memberAccepted', { name: m.name })
                      : t('groundRules.memberPending', { name: m.name })}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
    </section>
  );
}
