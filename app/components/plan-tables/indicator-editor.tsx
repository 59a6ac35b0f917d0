import { Form } from "@remix-run/react";
import { Fragment, type MouseEvent, useState } from "react";
import { indicatorDirections, indicatorKinds, indicatorRollups, targetYears } from "~db/schema/enums";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";

/** One row as the form holds it: every cell as typed. */
export interface DraftRow {
  code: string;
  name: string;
  unit: string;
  kind: string;
  direction: string;
  rollup: string;
  baseline: string;
  targets: Record<string, string>;
}

type Keyed = DraftRow & { uid: string };

const blank = (uid: string): Keyed => ({
  uid,
  code: "",
  name: "",
  unit: "",
  kind: "binding",
  direction: "up",
  rollup: "none",
  baseline: "",
  targets: { "2025": "", "2030": "", "2035": "" },
});

const COLUMN_KEYS: Record<string, MessageKey> = {
  code: "indicators.col.code",
  name: "indicators.col.name",
  unit: "indicators.col.unit",
  kind: "indicators.col.kind",
  direction: "indicators.col.direction",
  rollup: "indicators.col.rollup",
  baseline: "indicators.col.baseline",
};

/** "indicators.3.targets.2030" → {row: 3, field: "targets.2030"} */
function splitPath(path: string) {
  const m = /^indicators\.(\d+)\.(.+)$/.exec(path);
  return m ? { row: Number(m[1]), field: m[2] } : null;
}

/**
 * The whole indicator table as one plain form: add and remove rows, one save. Without JavaScript the
 * add and remove buttons post the form and the server answers with the table one row longer or shorter.
 */
export function IndicatorEditor({
  initial,
  fieldErrors,
  busy,
}: {
  initial: DraftRow[];
  fieldErrors: Record<string, string>;
  busy: boolean;
}) {
  const t = useT();
  const [rows, setRows] = useState<Keyed[]>(() => initial.map((r, i) => ({ ...r, uid: `r${i}` })));
  const [next, setNext] = useState(0);
  // rows added or removed since these errors were found: their row numbers no longer fit
  const [shiftedFor, setShiftedFor] = useState<Record<string, string> | null>(null);
  const errors = shiftedFor === fieldErrors ? {} : fieldErrors;
  const columnLabel = (field: string) =>
    field.startsWith("targets.") ? t("indicators.col.year", { year: field.slice(8) }) : COLUMN_KEYS[field] ? t(COLUMN_KEYS[field]) : field;
  const cellId = (i: number, field: string) => `ind-${i}-${field.replace(".", "-")}`;
  const listed = Object.entries(errors)
    .map(([path, message]) => ({ path, message, at: splitPath(path) }))
    .filter((e) => e.at);

  const add = (e: MouseEvent) => {
    e.preventDefault();
    setRows((rs) => [...rs, blank(`n${next}`)]);
    setNext((n) => n + 1);
    setShiftedFor(fieldErrors);
  };
  const remove = (e: MouseEvent, uid: string) => {
    e.preventDefault();
    setRows((rs) => rs.filter((r) => r.uid !== uid));
    setShiftedFor(fieldErrors);
  };

  const cell = (i: number, field: string, defaultValue: string, className = "") => {
    const error = errors[`indicators.${i}.${field}`];
    const id = cellId(i, field);
    return (
      <td className={`${className}${error ? " has-error" : ""}`}>
        <input
          id={id}
          name={`indicators.${i}.${field}`}
          defaultValue={defaultValue}
          className="input cell-input"
          aria-label={`${t("indicators.rowLabel", { row: i + 1 })} ${columnLabel(field)}`}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          inputMode={field === "baseline" || field.startsWith("targets.") ? "decimal" : undefined}
          autoComplete="off"
        />
        {error ? (
          <span id={`${id}-error`} className="field-error cell-error" data-testid="cell-error">
            {error}
          </span>
        ) : null}
      </td>
    );
  };
  const select = (i: number, field: "kind" | "direction" | "rollup", value: string, options: readonly string[]) => {
    const error = errors[`indicators.${i}.${field}`];
    return (
      <td className={error ? "has-error" : undefined}>
        <select
          name={`indicators.${i}.${field}`}
          defaultValue={value}
          className="input cell-input"
          aria-label={`${t("indicators.rowLabel", { row: i + 1 })} ${columnLabel(field)}`}
          aria-invalid={error ? true : undefined}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {t(`indicators.${field}.${o}` as MessageKey)}
            </option>
          ))}
        </select>
        {error ? <span className="field-error cell-error">{error}</span> : null}
      </td>
    );
  };

  return (
    <Form method="post" preventScrollReset className="indicator-editor" data-testid="indicator-editor" noValidate>
      <div className="row-actions editor-toolbar">
        {/* first in the form: Enter in any cell saves */}
        <button type="submit" name="intent" value="save" className="button" disabled={busy} data-testid="save-indicators">
          {t("indicators.save")}
        </button>
        <button type="submit" name="intent" value="add" className="button button--ghost" onClick={add} data-testid="add-row">
          {t("indicators.addRow")}
        </button>
        <span className="small muted">{t("indicators.rowCount", { count: rows.length })}</span>
      </div>
      {listed.length ? (
        <div className="alert alert--error" role="alert" data-testid="indicator-errors">
          <strong>{t("indicators.errorsTitle")}</strong>
          <ul className="error-list">
            {listed.map((e) => (
              <li key={e.path}>
                <a href={`#${cellId(e.at!.row, e.at!.field)}`}>
                  {t("indicators.errorAt", { row: e.at!.row + 1, column: columnLabel(e.at!.field), message: e.message })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="data data--dense editor-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t("indicators.col.code")}</th>
              <th scope="col">{t("indicators.col.name")}</th>
              <th scope="col">{t("indicators.col.unit")}</th>
              <th scope="col">{t("indicators.col.kind")}</th>
              <th scope="col">{t("indicators.col.direction")}</th>
              <th scope="col">{t("indicators.col.rollup")}</th>
              <th scope="col" className="num">
                {t("indicators.col.baseline")}
              </th>
              {targetYears.map((y) => (
                <th key={y} scope="col" className="num">
                  {t("indicators.col.year", { year: y })}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t("indicators.col.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.uid} data-row={i}>
                <td className="num muted">{i + 1}</td>
                {cell(i, "code", r.code, "col-code")}
                {cell(i, "name", r.name, "col-name")}
                {cell(i, "unit", r.unit, "col-unit")}
                {select(i, "kind", r.kind, indicatorKinds)}
                {select(i, "direction", r.direction, indicatorDirections)}
                {select(i, "rollup", r.rollup, indicatorRollups)}
                {cell(i, "baseline", r.baseline, "col-num")}
                {targetYears.map((y) => (
                  <Fragment key={y}>{cell(i, `targets.${y}`, r.targets[y] ?? "", "col-num")}</Fragment>
                ))}
                <td>
                  <button
                    type="submit"
                    name="intent"
                    value={`remove:${i}`}
                    className="button button--small button--danger"
                    onClick={(e) => remove(e, r.uid)}
                    aria-label={t("indicators.removeRowLabel", { row: i + 1 })}
                  >
                    {t("indicators.removeRow")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p className="muted small">{t("indicators.empty")}</p> : null}
    </Form>
  );
}
