import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { languages as contractLanguages } from '../../../contract/enums.ts';
import { updatePerson } from '../../../contract/people.ts';
import { languages } from '../../../i18n/languages.ts';
import { call } from '../../api/call.ts';
import { isProblem } from '../../api/client.ts';
import { problemText } from '../../api/problem-text.ts';
import { useMe, useSession } from '../../app/session.tsx';
import { Button } from '../../ui/Button.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { MyDataSection } from '../closing/MyDataSection.tsx';
import { CalendarFeed, NotificationSettings } from '../schedule/Settings.tsx';
import { TimeZonePicker } from './TimeZonePicker.tsx';
import './settings.css';

/** The languages a person may choose: those the server takes, each in its own name. */
const choosable = languages.filter((l) => (contractLanguages as readonly string[]).includes(l.code));

function Profile() {
  const { t } = useTranslation();
  const me = useMe();
  const { refresh } = useSession();
  const [name, setName] = useState(me.person.name);
  const [language, setLanguage] = useState<string>(me.person.language);
  const [timeZone, setTimeZone] = useState(me.person.timeZone);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setErrors({ name: t('settings.profile.nameRequired') });
      return;
    }
    setBusy(true);
    setErrors({});
    setStatus('');
    try {
      const saved = await call(updatePerson, {
        params: { id: me.person.id },
        body: { name, language: language as (typeof contractLanguages)[number], timeZone },
      });
      setTimeZone(saved.timeZone);
      await refresh();
      setStatus(t('settings.profile.saved'));
    } catch (error) {
      if (isProblem(error) && error.errors.length)
        setErrors(Object.fromEntries(error.errors.map((f) => [f.field, f.message])));
      else setStatus(problemText(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="section" aria-labelledby="settings-profile">
      <h2 id="settings-profile">{t('settings.profile.title')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          id="settings-name"
          label={t('settings.profile.name')}
          value={name}
          autoComplete="name"
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <SelectField
          id="settings-language"
          label={t('settings.profile.language')}
          hint={t('settings.profile.languageHint')}
          value={language}
          error={errors.language}
          onChange={(e) => setLanguage(e.target.value)}
          options={choosable.map((l) => ({ value: l.code, label: l.nativeName }))}
        />
        <TimeZonePicker
          id="settings-zone"
          label={t('settings.zone.title')}
          value={timeZone}
          onChange={setTimeZone}
        />
        {errors.timeZone ? <p className="field__error">{errors.timeZone}</p> : null}
        <Button type="submit" busy={busy}>
          {t('settings.profile.save')}
        </Button>
        <p role="status" className="form-status">
          {status}
        </p>
      </form>
    </section>
  );
}

/** /settings: one place for one's own profile, language, time zone, mails, calendar feed, devices and data. */
export function SettingsPage() {
  const { t } = useTranslation();
  useTitle(t('settings.title'));
  return (
    <section className="page page--narrow settings-page">
      <PageHeader title={t('settings.title')} lead={t('settings.lead')} />
      <nav aria-label={t('settings.contents')} className="settings-contents">
        <ul>
          <li>
            <a href="#settings-profile">{t('settings.profile.title')}</a>
          </li>
          <li>
            <a href="#notification-settings">{t('schedule.notifications.title')}</a>
          </li>
          <li>
            <a href="#calendar-feed">{t('schedule.feed.title')}</a>
          </li>
          <li>
            <a href="#settings-security">{t('settings.security.title')}</a>
          </li>
          <li>
            <a href="#my-data-heading">{t('closing.myData.title')}</a>
          </li>
        </ul>
      </nav>
      <Profile />
      <NotificationSettings />
      <CalendarFeed />
      <section className="section" aria-labelledby="settings-security">
        <h2 id="settings-security">{t('settings.security.title')}</h2>
        <p>{t('settings.security.lead')}</p>
        <p>
          <Link to="/settings/security">{t('settings.security.link')}</Link>
        </p>
      </section>
      <MyDataSection />
    </section>
  );
}
