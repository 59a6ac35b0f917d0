// The portal's data table: a scroller (.table-wrap) around table.data with one header row, columns that say how
// to render their cell, figures right-aligned in tabular digits, an optional caption and the message shown instead
// of an empty table. `stack` lays each row out as one block on a phone (≤ 640 px), cells labelled by `label`.
import type { HTMLAttributes, ReactNode } from "react";

export type Column<Row> = {
  /** React key of the column. */
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** A figure: right-aligned, tabular digits, not wrapped. */
  numeric?: boolean;
  /** Classes of the column's cells (e.g. "mono small", "stack-full", "stack-hide"). */
  className?: string;
  /** Classes of the column's header cell. */
  headerClassName?: string;
  /** Names the value in the stacked phone layout (data-label). */
  label?: string;
  /** The first cell of a row as a row header (<th scope="row">). */
  rowHeader?: boolean;
};

type RowAttributes = HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string | number | undefined };

export type DataTableProps<Row> = {
  /** Columns in order; `false`/`null` leave a column out (e.g. actions only editors see). */
  columns: ReadonlyArray<Column<Row> | false | null | undefined>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** Attributes of a row's <tr>: className, data-* for tests and scripts. */
  rowProps?: (row: Row, index: number) => RowAttributes;
  caption?: ReactNode;
  /** The caption for screen readers only. */
  captionHidden?: boolean;
  /** Shown instead of the table when there are no rows; without it an empty table is rendered. */
  empty?: ReactNode;
  /** Extra table classes: data--dense, data--plan … */
  className?: string;
  /** One block per row on a phone instead of scrolling sideways. */
  stack?: boolean;
  /** Rows of a <tfoot> (totals). */
  footer?: ReactNode;
  testId?: string;
};

const join = (...classes: (string | false | null | undefined)[]) => classes.filter(Boolean).join(" ") || undefined;

export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  rowProps,
  caption,
  captionHidden,
  empty,
  className,
  stack,
  footer,
  testId,
}: DataTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) {
    return (
      <p className="muted" data-testid={testId ? `${testId}-empty` : undefined}>
        {empty}
      </p>
    );
  }
  const shown = columns.filter((c): c is Column<Row> => !!c);
  return (
    <div className="table-wrap">
      <table className={join("data", className, stack && "data--stack")} data-testid={testId}>
        {caption ? <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption> : null}
        <thead>
          <tr>
            {shown.map((c) => (
              <th key={c.key} scope="col" className={join(c.numeric && "num", c.headerClassName)}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)} {...rowProps?.(row, i)}>
              {shown.map((c) => {
                const props = { className: join(c.numeric && "num", c.className), "data-label": c.label };
                return c.rowHeader ? (
                  <th key={c.key} scope="row" {...props}>
                    {c.cell(row, i)}
                  </th>
                ) : (
                  <td key={c.key} {...props}>
                    {c.cell(row, i)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}
