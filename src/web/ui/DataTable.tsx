import type { ReactNode } from 'react';

export interface Column {
  label: string;
  /** e.g. `num` for a column of figures. */
  className?: string;
  /** Heard, not seen: a column of buttons needs a heading for screen readers but shows none. */
  hidden?: boolean;
}

/**
 * A table of rows (its children) under column headings, with a caption for screen readers only;
 * `busy` while a newer set of rows is on its way.
 */
export function DataTable({
  caption,
  columns,
  className,
  busy,
  children,
}: {
  caption: string;
  columns: Column[];
  className?: string;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap" aria-busy={busy || undefined}>
      <table className={['table', className].filter(Boolean).join(' ')}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.className}>
                {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
