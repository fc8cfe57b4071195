import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  createTheme,
  deleteTheme,
  mergeTheme,
  moveConcern,
  type ProgrammeConcerns,
  replaceThemes,
  type SharedConcern,
  suggestThemes,
  type Theme,
  type ThemeSuggestion,
  updateTheme,
} from '../../../contract/concerns.ts';
import { call } from '../../api/call.ts';
import { problemText } from '../../api/problem-text.ts';
import { useAnnounce } from '../../app/flash.tsx';
import { Badge } from '../../ui/Badge.tsx';
import { Button } from '../../ui/Button.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { MenuButton } from '../../ui/MenuButton.tsx';
import type { BoardProps } from './board.ts';
import { NameDialog } from './NameDialog.tsx';
import { shortStatement } from './text.ts';
import { usePointerDrag } from './use-pointer-drag.ts';

const noTheme = 'none';
const newTheme = 'new';

type Dialog = { kind: 'add' } | { kind: 'rename'; theme: Theme } | { kind: 'split'; concern: SharedConcern };

/**
 * The coordinator's board: Revans's suggested grouping with why, then themes as columns of concerns.
 * Concerns move by drag and drop (mouse, pen or finger) or by "Move to theme…"; themes are added,
 * renamed, merged and removed with buttons. Themes stay as they are once voting has opened.
 */
export function ThemesBoard({ board, onBoard }: BoardProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const editable = board.voting.status === 'not-open';
  const programmeId = board.programmeId;
  const concernsById = new Map(board.concerns.map((c) => [c.id, c]));
  const themeName = (id: string | null) =>
    id === null ? t('concerns.themes.none') : (board.themes.find((x) => x.id === id)?.name ?? '');

  const run = async (work: () => Promise<ProgrammeConcerns>, done: string) => {
    setError(null);
    try {
      onBoard(await work());
      announce(done);
    } catch (e) {
      setError(problemText(t, e));
    }
  };

  const move = (concernId: string, themeId: string | null) => {
    const concern = concernsById.get(concernId);
    if (!concern || concern.themeId === themeId) return;
    void run(
      () => call(moveConcern, { params: { id: concernId }, body: { themeId } }),
      t('concerns.themes.moved', { text: shortStatement(concern.statement), theme: themeName(themeId) }),
    );
  };

  const { drag, handleProps } = usePointerDrag((concernId, zone) =>
    move(concernId, zone === noTheme ? null : zone),
  );

  const columns: { id: string; theme: Theme | null; concerns: SharedConcern[] }[] = [
    ...board.themes.map((theme) => ({
      id: theme.id,
      theme,
      concerns: theme.concernIds.map((id) => concernsById.get(id)!).filter(Boolean),
    })),
    { id: noTheme, theme: null, concerns: board.concerns.filter((c) => c.themeId === null) },
  ];

  return (
    <section className="section" aria-labelledby="themes-board-heading">
      <div className="section__header">
        <h2 id="themes-board-heading">{t('concerns.themes.boardTitle')}</h2>
        {editable ? (
          <Button variant="secondary" small onClick={() => setDialog({ kind: 'add' })}>
            {t('concerns.themes.add')}
          </Button>
        ) : null}
      </div>
      {editable ? (
        <p className="muted">{t('concerns.themes.boardLead')}</p>
      ) : (
        <p className="callout callout--info callout--compact">{t('concerns.themes.locked')}</p>
      )}
      {editable ? <SuggestionPanel board={board} onBoard={onBoard} /> : null}
      {error ? (
        <p className="callout callout--danger" role="alert">
          {error}
        </p>
      ) : null}
      <ul className="theme-board">
        {columns.map((column) => (
          <li
            key={column.id}
            className={[
              'card theme-column',
              column.theme ? null : 'theme-column--none',
              drag && drag.over === column.id ? 'theme-column--over' : null,
            ]
              .filter(Boolean)
              .join(' ')}
            data-drop-zone={editable ? column.id : undefined}
            aria-labelledby={`theme-${column.id}`}
          >
            <div className="theme-column__head">
              <h3 id={`theme-${column.id}`} className="card__title">
                {column.theme ? column.theme.name : t('concerns.themes.none')}
              </h3>
              <Badge>{t('concerns.themes.count', { count: column.concerns.length })}</Badge>
            </div>
            {column.theme && editable ? (
              <div className="button-row theme-column__actions">
                <Button
                  variant="quiet"
                  small
                  onClick={() => setDialog({ kind: 'rename', theme: column.theme! })}
                >
                  {t('concerns.themes.rename')}
                  <span className="visually-hidden"> {column.theme.name}</span>
                </Button>
                {board.themes.length > 1 ? (
                  <MenuButton
                    className="menu-button"
                    label={t('concerns.themes.merge')}
                    accessibleName={t('concerns.themes.mergeName', { name: column.theme.name })}
                    listLabel={t('concerns.themes.mergeList', { name: column.theme.name })}
                    items={() =>
                      board.themes
                        .filter((x) => x.id !== column.id)
                        .map((x) => ({ value: x.id, label: x.name }))
                    }
                    onChoose={(into) =>
                      void run(
                        () => call(mergeTheme, { params: { id: column.id }, body: { intoThemeId: into } }),
                        t('concerns.themes.merged', { name: column.theme!.name, into: themeName(into) }),
                      )
                    }
                  />
                ) : null}
                <ConfirmButton
                  small
                  label={
                    <>
                      {t('concerns.themes.remove')}
                      <span className="visually-hidden"> {column.theme.name}</span>
                    </>
                  }
                  title={t('concerns.themes.removeTitle', { name: column.theme.name })}
                  message={t('concerns.themes.removeBody')}
                  confirmLabel={t('concerns.themes.remove')}
                  onConfirm={() =>
                    run(
                      () => call(deleteTheme, { params: { id: column.id } }),
                      t('concerns.themes.removed', { name: column.theme!.name }),
                    )
                  }
                />
              </div>
            ) : null}
            {column.concerns.length === 0 ? (
              <p className="muted theme-column__empty">
                {editable ? t('concerns.themes.dropHere') : t('concerns.themes.empty')}
              </p>
            ) : (
              <ul className="theme-column__concerns">
                {column.concerns.map((concern) => (
                  <li
                    key={concern.id}
                    className={
                      drag?.itemId === concern.id ? 'concern-chip concern-chip--dragging' : 'concern-chip'
                    }
                  >
                    {editable ? (
                      <span
                        className="concern-chip__handle"
                        aria-hidden="true"
                        title={t('concerns.themes.dragHint')}
                        {...handleProps(concern.id, concern.statement)}
                      >
                        ⠿
                      </span>
                    ) : null}
                    <span className="concern-chip__text">
                      <span>{concern.statement}</span>
                      {concern.setName || concern.themeTag ? (
                        <span className="concern-chip__sub">
                          {[concern.setName, concern.themeTag].filter(Boolean).join(' · ')}
                        </span>
                      ) : null}
                    </span>
                    {editable ? (
                      <MenuButton
                        className="menu-button"
                        label={t('concerns.themes.move')}
                        accessibleName={t('concerns.themes.moveName', {
                          text: shortStatement(concern.statement),
                        })}
                        listLabel={t('concerns.themes.moveList', { text: shortStatement(concern.statement) })}
                        items={() => [
                          ...board.themes
                            .filter((x) => x.id !== concern.themeId)
                            .map((x) => ({ value: x.id, label: x.name })),
                          ...(concern.themeId ? [{ value: noTheme, label: t('concerns.themes.none') }] : []),
                          { value: newTheme, label: t('concerns.themes.newFromConcern') },
                        ]}
                        onChoose={(key) =>
                          key === newTheme
                            ? setDialog({ kind: 'split', concern })
                            : move(concern.id, key === noTheme ? null : key)
                        }
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {drag ? (
        <div className="drag-ghost" style={{ left: drag.x, top: drag.y }} aria-hidden="true">
          {shortStatement(drag.label)}
        </div>
      ) : null}
      {dialog?.kind === 'add' ? (
        <NameDialog
          title={t('concerns.themes.addTitle')}
          initial=""
          submitLabel={t('concerns.themes.add')}
          onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            onBoard(await call(createTheme, { params: { programmeId }, body: { name, concernIds: [] } }));
            announce(t('concerns.themes.added', { name }));
          }}
        />
      ) : null}
      {dialog?.kind === 'rename' ? (
        <NameDialog
          title={t('concerns.themes.renameTitle', { name: dialog.theme.name })}
          initial={dialog.theme.name}
          submitLabel={t('common.saveChanges')}
          onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            onBoard(await call(updateTheme, { params: { id: dialog.theme.id }, body: { name } }));
            announce(t('concerns.themes.renamed', { name }));
          }}
        />
      ) : null}
      {dialog?.kind === 'split' ? (
        <NameDialog
          title={t('concerns.themes.splitTitle')}
          initial=""
          submitLabel={t('concerns.themes.add')}
          onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            onBoard(
              await call(createTheme, {
                params: { programmeId },
                body: { name, concernIds: [dialog.concern.id] },
              }),
            );
            announce(t('concerns.themes.added', { name }));
          }}
        />
      ) : null}
    </section>
  );
}

/** Revans's suggested grouping, each theme with the words its concerns share; accepting replaces the themes. */
function SuggestionPanel({ board, onBoard }: BoardProps) {
  const { t } = useTranslation();
  const announce = useAnnounce();
  const [suggestion, setSuggestion] = useState<ThemeSuggestion | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const statement = new Map(board.concerns.map((c) => [c.id, c.statement]));

  const suggest = async () => {
    setBusy(true);
    setError(null);
    try {
      setSuggestion(await call(suggestThemes, { params: { programmeId: board.programmeId }, query: {} }));
    } catch (e) {
      setError(problemText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const accept = async () => {
    if (!suggestion) return;
    onBoard(
      await call(replaceThemes, {
        params: { programmeId: board.programmeId },
        body: { themes: suggestion.themes.map((x) => ({ name: x.name, concernIds: x.concernIds })) },
      }),
    );
    announce(t('concerns.suggestion.accepted', { count: suggestion.themes.length }));
    setSuggestion(null);
  };

  if (board.concerns.length < 2) return null;
  return (
    <section className="card suggestion" aria-labelledby="suggestion-heading">
      <h3 id="suggestion-heading" className="card__title">
        {t('concerns.suggestion.title')}
      </h3>
      <p className="muted">{t('concerns.suggestion.lead')}</p>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {!suggestion ? (
        <Button variant="secondary" busy={busy} onClick={suggest}>
          {t('concerns.suggestion.ask')}
        </Button>
      ) : suggestion.themes.length === 0 ? (
        <p role="status">{t('concerns.suggestion.nothing')}</p>
      ) : (
        <>
          <ol className="suggestion__themes" aria-label={t('concerns.suggestion.listLabel')}>
            {suggestion.themes.map((theme) => (
              <li key={theme.concernIds.join()}>
                <p className="suggestion__name">{theme.name}</p>
                <p className="suggestion__why">
                  {t('concerns.suggestion.why', { words: theme.sharedWords.join(', ') })}
                </p>
                <ul>
                  {theme.concernIds.map((id) => (
                    <li key={id}>{statement.get(id)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          {suggestion.alone.length ? (
            <p className="muted">{t('concerns.suggestion.alone', { count: suggestion.alone.length })}</p>
          ) : null}
          <div className="button-row">
            {board.themes.length ? (
              <ConfirmButton
                variant="primary"
                label={t('concerns.suggestion.accept')}
                title={t('concerns.suggestion.replaceTitle')}
                message={t('concerns.suggestion.replaceBody', { count: board.themes.length })}
                confirmLabel={t('concerns.suggestion.accept')}
                onConfirm={accept}
              />
            ) : (
              <Button onClick={() => void accept().catch((e) => setError(problemText(t, e)))}>
                {t('concerns.suggestion.accept')}
              </Button>
            )}
            <Button variant="quiet" onClick={() => setSuggestion(null)}>
              {t('concerns.suggestion.dismiss')}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
