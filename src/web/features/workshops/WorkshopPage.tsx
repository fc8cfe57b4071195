import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  addWorkshopMaterial,
  cancelWorkshop,
  createWorkshopAction,
  getWorkshop,
  listMyWorkshopActions,
  recordWorkshopAttendance,
  removeWorkshopMaterial,
  rsvpWorkshop,
  saveWorkshopNotes,
  type Workshop,
  type WorkshopRsvpAnswer,
  workshopRsvpAnswers,
} from '../../../contract/workshops.ts';
import { call, useRoute } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { Failure } from '../../app/Failure.tsx';
import { Button, ButtonLink } from '../../ui/Button.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../ui/Field.tsx';
import { Breadcrumbs, PageHeader } from '../../ui/PageHeader.tsx';
import { Loading } from '../../ui/Spinner.tsx';
import { useTitle } from '../../ui/use-title.ts';
import { Markdown } from './Markdown.tsx';
import { WorkshopState, WorkshopWhen } from './parts.tsx';
import { WorkshopActionList } from './WorkshopActions.tsx';
import './workshops.css';

/** Runs a change, keeping its problem (a sentence from the server) for an alert next to the control. */
function useChange(onDone: (w: Workshop) => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (change: () => Promise<Workshop>) => {
    setBusy(true);
    setError(null);
    try {
      onDone(await change());
      return true;
    } catch (e) {
      setError(problemText(t, e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function Alert({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="callout callout--danger">
      {error}
    </p>
  ) : null;
}

const answerLabel = (a: WorkshopRsvpAnswer) => `workshops.rsvp.${a}` as const;

function Rsvp({ workshop, onChange }: { workshop: Workshop; onChange: (w: Workshop) => void }) {
  const { t } = useTranslation();
  const { busy, error, run } = useChange(onChange);
  return (
    <section className="section" aria-labelledby="rsvp-heading">
      <h2 id="rsvp-heading">{t('workshops.rsvp.title')}</h2>
      <p>
        {workshop.capacity === null
          ? t('workshops.countsLine', workshop.counts)
          : t('workshops.countsLineCapacity', { ...workshop.counts, capacity: workshop.capacity })}
      </p>
      {workshop.abilities['workshop.rsvp'] ? (
        <>
          <p className="muted">
            {workshop.myRsvp
              ? t('workshops.rsvp.yours', { answer: t(answerLabel(workshop.myRsvp)) })
              : t('workshops.rsvp.none')}
          </p>
          <div className="rsvp-buttons">
            {workshopRsvpAnswers.map((answer) => (
              <Button
                key={answer}
                variant={workshop.myRsvp === answer ? 'primary' : 'secondary'}
                aria-pressed={workshop.myRsvp === answer}
                busy={busy}
                onClick={() =>
                  void run(() => call(rsvpWorkshop, { params: { id: workshop.id }, body: { answer } }))
                }
              >
                {t(answerLabel(answer))}
              </Button>
            ))}
          </div>
          <Alert error={error} />
        </>
      ) : null}
      {workshop.rsvps ? (
        <>
          <h3>{t('workshops.rsvp.names')}</h3>
          {workshop.rsvps.length === 0 ? (
            <p className="muted">{t('workshops.rsvp.noAnswers')}</p>
          ) : (
            <ul>
              {workshop.rsvps.map((r) => (
                <li key={r.person.id}>
                  {t('workshops.rsvp.nameLine', { name: r.person.name, answer: t(answerLabel(r.answer)) })}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

function Attendance({ workshop, onChange }: { workshop: Workshop; onChange: (w: Workshop) => void }) {
  const { t } = useTranslation();
  const list = workshop.attendance ?? [];
  const [present, setPresent] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(list.map((a) => [a.person.id, a.present ?? false])),
  );
  const { busy, error, run } = useChange(onChange);
  const [saved, setSaved] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const done = await run(() =>
      call(recordWorkshopAttendance, {
        params: { id: workshop.id },
        body: {
          attendance: list.map((a) => ({ personId: a.person.id, present: present[a.person.id] ?? false })),
        },
      }),
    );
    setSaved(done);
  };
  return (
    <section className="section" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">{t('workshops.attendance.title')}</h2>
      {workshop.attendedCount !== null ? (
        <p>{t('workshops.attendance.count', { count: workshop.attendedCount })}</p>
      ) : null}
      {workshop.abilities['workshop.attendance'] && list.length ? (
        <form onSubmit={submit} aria-labelledby="attendance-heading">
          <fieldset className="fieldset">
            <legend>{t('workshops.attendance.legend')}</legend>
            {list.map((a) => (
              <CheckboxField
                key={a.person.id}
                id={`attended-${a.person.id}`}
                label={a.person.name}
                checked={present[a.person.id] ?? false}
                onChange={(e) => setPresent((p) => ({ ...p, [a.person.id]: e.target.checked }))}
              />
            ))}
          </fieldset>
          <Button type="submit" busy={busy}>
            {t('workshops.attendance.save')}
          </Button>
          {saved ? (
            <p role="status" className="muted">
              {t('workshops.attendance.saved')}
            </p>
          ) : null}
          <Alert error={error} />
        </form>
      ) : workshop.attendedCount === null ? (
        <p className="muted">{t('workshops.attendance.notYet')}</p>
      ) : null}
    </section>
  );
}

function Notes({ workshop, onChange }: { workshop: Workshop; onChange: (w: Workshop) => void }) {
  const { t } = useTranslation();
  const editable = workshop.abilities['workshop.notes'];
  const [notes, setNotes] = useState(workshop.notes);
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const notesChange = useChange(onChange);
  const materialChange = useChange((w) => {
    setTitle('');
    setUrl('');
    onChange(w);
  });
  return (
    <section className="section" aria-labelledby="notes-heading">
      <h2 id="notes-heading">{t('workshops.notes.title')}</h2>
      <p className="muted">{t('workshops.notes.who')}</p>
      {workshop.notes ? (
        <div className="card workshop-notes">
          <Markdown text={workshop.notes} />
        </div>
      ) : null}
      {!workshop.notes && !editable ? <p className="muted">{t('workshops.notes.none')}</p> : null}
      {editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void notesChange.run(() =>
              call(saveWorkshopNotes, { params: { id: workshop.id }, body: { notes } }),
            );
          }}
        >
          <TextAreaField
            id="workshop-notes"
            label={t('workshops.notes.edit')}
            hint={t('workshops.form.markdownHint')}
            rows={8}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />
          <div className="form-actions">
            <Button type="submit" busy={notesChange.busy}>
              {t('workshops.notes.save')}
            </Button>
          </div>
          <Alert error={notesChange.error} />
        </form>
      ) : null}
      <h3>{t('workshops.materials.title')}</h3>
      {workshop.materials.length === 0 ? (
        <p className="muted">{t('workshops.materials.none')}</p>
      ) : (
        <ul>
          {workshop.materials.map((m) => (
            <li key={m.id}>
              <a href={m.url} rel="noopener noreferrer" target="_blank">
                {m.title}
              </a>
              {editable ? (
                <>
                  {' '}
                  <Button
                    variant="quiet"
                    small
                    onClick={() =>
                      void materialChange.run(() =>
                        call(removeWorkshopMaterial, { params: { id: workshop.id, materialId: m.id } }),
                      )
                    }
                  >
                    {t('workshops.materials.remove', { title: m.title })}
                  </Button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {editable ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            void materialChange.run(() =>
              call(addWorkshopMaterial, { params: { id: workshop.id }, body: { title, url } }),
            );
          }}
        >
          <TextField
            id="material-title"
            label={t('workshops.materials.name')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <TextField
            id="material-url"
            type="url"
            label={t('workshops.materials.url')}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <Button type="submit" variant="secondary" busy={materialChange.busy}>
            {t('workshops.materials.add')}
          </Button>
          <Alert error={materialChange.error} />
        </form>
      ) : null}
    </section>
  );
}

function MyActions({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const mine = useRoute(listMyWorkshopActions, {});
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const here = (mine.data ?? []).filter((a) => a.workshop.id === workshop.id);
  if (!workshop.abilities['workshopAction.create'] && here.length === 0) return null;
  return (
    <section className="section" aria-labelledby="my-workshop-actions">
      <h2 id="my-workshop-actions">{t('workshops.actions.title')}</h2>
      <p className="muted">{t('workshops.actions.private')}</p>
      <WorkshopActionList actions={here} onChange={() => void mine.reload()} />
      {workshop.abilities['workshopAction.create'] ? (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            setBusy(true);
            setError(null);
            try {
              await call(createWorkshopAction, { params: { id: workshop.id }, body: { text } });
              setText('');
              await mine.reload();
            } catch (err) {
              setError(problemText(t, err));
            } finally {
              setBusy(false);
            }
          }}
        >
          <TextAreaField
            id="workshop-action-text"
            label={t('workshops.actions.new')}
            rows={2}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <Button type="submit" busy={busy}>
            {t('workshops.actions.add')}
          </Button>
          <Alert error={error} />
        </form>
      ) : null}
    </section>
  );
}

/** /workshops/:workshopId: a workshop for the whole programme, as this viewer may see it. */
export function WorkshopPage() {
  const { t } = useTranslation();
  const { workshopId = '' } = useParams();
  const workshop = useRoute(getWorkshop, { params: { id: workshopId } });
  useTitle(workshop.data?.title ?? t('workshops.tab'));
  const cancel = useChange((w) => workshop.setData(w));
  if (!workshop.data)
    return workshop.error ? <Failure error={workshop.error} retry={workshop.reload} /> : <Loading />;
  const w = workshop.data;
  const update = (next: Workshop) => workshop.setData(next);
  return (
    <section className="page page--narrow">
      <Breadcrumbs
        fromHome
        trail={[{ to: `/programmes/${w.programmeId}/workshops`, label: w.programmeName }]}
        current={w.title}
      />
      <PageHeader title={w.title} meta={<WorkshopState state={w.state} />} />
      <section className="section" aria-labelledby="about-heading">
        <h2 id="about-heading" className="visually-hidden">
          {t('workshops.about')}
        </h2>
        <WorkshopWhen workshop={w} />
        {w.pollId && !w.event ? (
          <p>
            <Link to={`/polls/${w.pollId}`}>{t('workshops.answerPoll')}</Link>
          </p>
        ) : null}
        {w.place ? <p>{t('schedule.upcoming.place', { place: w.place })}</p> : null}
        {w.videoUrl ? (
          <p>
            <a href={w.videoUrl}>{t('schedule.events.online')}</a>
          </p>
        ) : null}
        {w.event && w.state !== 'cancelled' ? (
          <p>
            <a href={`/api/workshops/${w.id}/calendar.ics`} download>
              {t('schedule.upcoming.download')}
            </a>
          </p>
        ) : null}
        {w.facilitator ? <p>{t('workshops.facilitatedBy', { name: w.facilitator.name })}</p> : null}
        {w.themes.length ? (
          <>
            <h3>{t('workshops.themes')}</h3>
            <ul>
              {w.themes.map((x) => (
                <li key={x.id}>{x.name}</li>
              ))}
            </ul>
          </>
        ) : null}
        {w.agenda ? (
          <>
            <h3>{t('workshops.agenda')}</h3>
            <Markdown text={w.agenda} />
          </>
        ) : null}
        {w.abilities['workshop.manage'] ? (
          <div className="form-actions">
            <ButtonLink variant="secondary" to={`/workshops/${w.id}/edit`}>
              {t('workshops.edit.link')}
            </ButtonLink>
            {w.event ? (
              <Button
                variant="danger"
                busy={cancel.busy}
                onClick={() => {
                  if (window.confirm(t('workshops.cancelConfirm', { title: w.title })))
                    void cancel.run(() => call(cancelWorkshop, { params: { id: w.id } }));
                }}
              >
                {t('workshops.cancel')}
              </Button>
            ) : null}
            <Alert error={cancel.error} />
          </div>
        ) : null}
      </section>
      {w.state !== 'awaitingPoll' && w.state !== 'cancelled' ? <Rsvp workshop={w} onChange={update} /> : null}
      {w.state === 'held' ? <Attendance workshop={w} onChange={update} /> : null}
      <Notes workshop={w} onChange={update} />
      <MyActions workshop={w} />
    </section>
  );
}
