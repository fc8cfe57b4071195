import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AuditFilters,
  auditActions,
  exportAudit,
  getAuditSettings,
  listAudit,
  updateAuditSettings,
} from '../../../contract/audit.ts';
import { pathOf } from '../../../contract/route.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { LoadError } from '../../app/Failure.tsx';
import { NotFoundPage } from '../../app/NotFoundPage.tsx';
import { useMe } from '../../app/session.tsx';
import { useTimeFormat } from '../../app/time.ts';
import { Button } from '../../ui/Button.tsx';
import { DataTable } from '../../ui/DataTable.tsx';
import { EmptyState } from '../../ui/EmptyState.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';

const empty = { action: '', actor: '', target: '', from: '', to: '' };
type Draft = typeof empty;

/** Only the filters that are set, as the contract's query takes them. */
function applied(draft: Draft): AuditFilters {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(draft)) if (value.trim()) out[key] = value.trim();
  return out as AuditFilters;
}

/** For host admins: who did what to whom and when (never set content), filtered, paged and exported. */
export function AuditTrailPage() {
  const { t } = useTranslation();
  const time = useTimeFormat();
  const me = useMe();
  const allowed = me.abilities['audit.read'];
  const hostId = me.host.id;
  const [draft, setDraft] = useState<Draft>(empty);
  const [filters, setFilters] = useState<AuditFilters>({});
  const [pages, setPages] = useState<string[]>([]);
  const before = pages.at(-1);
  const trail = useRoute(
    listAudit,
    allowed ? { params: { hostId }, query: { ...filters, limit: 50, ...(before ? { before } : {}) } } : null,
  );
  useTitle(t('audit.title'));
  if (!allowed) return <NotFoundPage />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters(applied(draft));
    setPages([]);
  };
  const clear = () => {
    setDraft(empty);
    setFilters({});
    setPages([]);
  };
  const filter = (key: keyof Draft) => ({
    id: `audit-${key}`,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });
  const actionLabel = (action: string) => t(`audit.actions.${action}`, { defaultValue: action });
  // Ids stay in the CSV; the table names things in words.
  const describe = (details: Record<string, string | number | boolean | null>) =>
    Object.entries(details)
      .filter(([key, value]) => !key.endsWith('Id') && value !== null && value !== '')
      .map(([key, value]) => `${t(`audit.details.${key}`, { defaultValue: key })}: ${String(value)}`)
      .join('; ');

  return (
    <section className="page">
      <PageHeader
        title={t('audit.title')}
        lead={t('audit.lead')}
        actions={
          me.abilities['audit.export'] ? (
            <a
              className="button button--secondary"
              href={pathOf(exportAudit, { params: { hostId }, query: filters })}
              download
            >
              {t('audit.download')}
            </a>
          ) : null
        }
      />
      <form className="filters" onSubmit={submit} aria-label={t('audit.filters')}>
        <SelectField
          label={t('audit.filter.action')}
          options={[
            { value: '', label: t('audit.filter.anyAction') },
            ...auditActions.map((a) => ({ value: a, label: actionLabel(a) })),
          ]}
          {...filter('action')}
        />
        <TextField label={t('audit.filter.actor')} hint={t('audit.filter.wordsHint')} {...filter('actor')} />
        <TextField
          label={t('audit.filter.target')}
          hint={t('audit.filter.wordsHint')}
          {...filter('target')}
        />
        <TextField type="date" label={t('audit.filter.from')} {...filter('from')} />
        <TextField type="date" label={t('audit.filter.to')} {...filter('to')} />
        <div className="form-actions">
          <Button type="submit">{t('audit.filter.apply')}</Button>
          <Button type="button" variant="secondary" onClick={clear}>
            {t('audit.filter.clear')}
          </Button>
        </div>
      </form>
      {trail.error ? <LoadError error={trail.error} retry={trail.reload} /> : null}
      {!trail.data && !trail.error ? <Loading /> : null}
      {trail.data && trail.data.events.length === 0 ? (
        <EmptyState title={t('audit.emptyTitle')}>{t('audit.empty')}</EmptyState>
      ) : null}
      {trail.data && trail.data.events.length > 0 ? (
        <DataTable
          caption={t('audit.caption')}
          busy={trail.loading}
          columns={[
            { label: t('audit.columns.at') },
            { label: t('audit.columns.actor') },
            { label: t('audit.columns.action') },
            { label: t('audit.columns.target') },
            { label: t('audit.columns.outcome') },
            { label: t('audit.columns.details') },
          ]}
        >
          {trail.data.events.map((e) => (
            <tr key={e.id}>
              <td>{time.dateTime(e.at)}</td>
              <th scope="row">
                {e.actorLabel}
                {e.ip ? <span className="cell-sub">{t('audit.from', { ip: e.ip })}</span> : null}
              </th>
              <td>{actionLabel(e.action)}</td>
              <td>{e.targetLabel ?? e.targetId ?? '—'}</td>
              <td>{t(`audit.outcomes.${e.outcome}`)}</td>
              <td className="cell-sub">{describe(e.details) || '—'}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      <div className="form-actions">
        {pages.length > 0 ? (
          <Button type="button" variant="secondary" onClick={() => setPages([])}>
            {t('audit.newest')}
          </Button>
        ) : null}
        {trail.data?.next ? (
          <Button
            type="button"
            variant="secondary"
            onClick={() => setPages((p) => [...p, trail.data!.next!])}
          >
            {t('audit.older')}
          </Button>
        ) : null}
      </div>
      {me.abilities['audit.configure'] ? <RetentionForm hostId={hostId} /> : null}
    </section>
  );
}

function RetentionForm({ hostId }: { hostId: string }) {
  const { t } = useTranslation();
  const settings = useRoute(getAuditSettings, { params: { hostId } });
  const [days, setDays] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const value = days ?? (settings.data ? String(settings.data.retentionDays) : '');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const retentionDays = Number(value);
    if (!Number.isInteger(retentionDays) || retentionDays < 1 || retentionDays > 3650) {
      setMessage({ ok: false, text: t('audit.retention.invalid') });
      return;
    }
    setBusy(true);
    try {
      const saved = await call(updateAuditSettings, { params: { hostId }, body: { retentionDays } });
      setDays(String(saved.retentionDays));
      setMessage({ ok: true, text: t('audit.retention.saved', { count: saved.retentionDays }) });
    } catch (error) {
      setMessage({ ok: false, text: problemText(t, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="audit-retention-title">
      <h2 id="audit-retention-title">{t('audit.retention.title')}</h2>
      <p className="muted">{t('audit.retention.lead')}</p>
      <form onSubmit={save} noValidate>
        <TextField
          id="audit-retention"
          type="number"
          min={1}
          max={3650}
          inputMode="numeric"
          label={t('audit.retention.label')}
          hint={t('audit.retention.hint')}
          value={value}
          error={message && !message.ok ? message.text : undefined}
          onChange={(e) => {
            setDays(e.target.value);
            setMessage(null);
          }}
        />
        <Button type="submit" busy={busy} busyLabel={t('common.saving')}>
          {t('common.saveChanges')}
        </Button>
        {message?.ok ? (
          <p role="status" className="muted">
            {message.text}
          </p>
        ) : null}
      </form>
    </section>
  );
}
