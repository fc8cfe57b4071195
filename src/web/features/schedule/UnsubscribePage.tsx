import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import * as notifications from '../../../contract/notifications.ts';
import { call, useRoute } from '../../api/call.ts';
import { isProblem } from '../../api/client.ts';
import { Failure } from '../../app/Failure.tsx';
import { Button } from '../../ui/Button.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';

/** /unsubscribe/:token: the link in every notification; works without signing in. */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const { token } = useParams();
  const info = useRoute(notifications.getUnsubscribe, token ? { params: { token } } : null);
  const [busy, setBusy] = useState(false);
  useTitle(t('schedule.unsubscribe.title'));
  if (!info.data) {
    if (!info.error) return <Loading />;
    // A mangled, unknown or expired link: say so plainly, and what to do instead (never the validator's words).
    const status = isProblem(info.error) ? info.error.status : 0;
    if (status >= 400 && status < 500) {
      return (
        <section className="page page--narrow notice-page">
          <PageHeader title={t('schedule.unsubscribe.invalidTitle')} />
          <p className="lead" role="alert">
            {t('schedule.unsubscribe.invalid')}
          </p>
          <p>{t('schedule.unsubscribe.invalidWhatToDo')}</p>
          <p>
            <Link to="/sign-in">{t('schedule.unsubscribe.signIn')}</Link>
          </p>
        </section>
      );
    }
    return <Failure error={info.error} retry={info.reload} />;
  }
  const what = t(`schedule.notifications.kinds.${info.data.kind}`);
  return (
    <section className="page page--narrow">
      <PageHeader title={t('schedule.unsubscribe.title')} />
      {info.data.unsubscribed ? (
        <p role="status">{t('schedule.unsubscribe.done', { what })}</p>
      ) : (
        <Button
          busy={busy}
          onClick={async () => {
            setBusy(true);
            try {
              info.setData(await call(notifications.unsubscribe, { params: { token: token ?? '' } }));
            } finally {
              setBusy(false);
            }
          }}
        >
          {t('schedule.unsubscribe.confirm', { what })}
        </Button>
      )}
    </section>
  );
}
