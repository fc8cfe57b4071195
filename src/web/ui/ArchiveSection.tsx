import { ConfirmButton } from './ConfirmButton.tsx';

/** The wording an archive section needs: a catalogue group such as "set.archive" has each of these. */
export type ArchiveText =
  | 'title'
  | 'lead'
  | 'action'
  | 'confirmTitle'
  | 'confirmBody'
  | 'restoreTitle'
  | 'restoreLead'
  | 'restore'
  | 'confirmRestore'
  | 'restoreBody';

/** The danger zone that archives something, or restores it once it is archived. */
export function ArchiveSection({
  headingId,
  archived,
  text,
  onConfirm,
}: {
  headingId: string;
  archived: boolean;
  text(key: ArchiveText): string;
  onConfirm(): Promise<void>;
}) {
  const action = archived ? text('restore') : text('action');
  return (
    <section className="section danger-zone" aria-labelledby={headingId}>
      <h2 id={headingId}>{archived ? text('restoreTitle') : text('title')}</h2>
      <p>{archived ? text('restoreLead') : text('lead')}</p>
      <ConfirmButton
        variant={archived ? 'primary' : 'danger'}
        label={action}
        title={archived ? text('confirmRestore') : text('confirmTitle')}
        message={archived ? text('restoreBody') : text('confirmBody')}
        confirmLabel={action}
        onConfirm={onConfirm}
      />
    </section>
  );
}
