// A plan's indicator table (指标表): the row shape shared by the API, the editor and the frozen
// edition table; input validation; the changes between two tables; the words a cell is quoted with.
// Pure: no database, no request, no React.
import { z } from "zod";
import {
  type IndicatorDirection,
  type IndicatorKind,
  type IndicatorRollup,
  indicatorDirections,
  indicatorKinds,
  indicatorRollups,
  type TargetYear,
  targetYears,
} from "~db/schema/enums";

export interface IndicatorRow {
  code: string;
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  rollup: IndicatorRollup;
  /** 基期年（2020年）; null: not counted (e.g. cumulative indicators) */
  baseline: number | null;
  targets: Record<TargetYear, number | null>;
}

export const MAX_INDICATORS = 200;
const MAX_VALUE = 1e12;

/** Full-width digits and points (typed through a Chinese IME) → ASCII. */
function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．。]/g, ".");
}

/**
 * One number cell: empty → null; otherwise a finite number ≥ 0. Strings are read as plain decimals
 * ("20.9", "15,286", full-width "２０．９"); anything else is refused with an i18n key.
 */
export function readNumberCell(
  value: unknown,
): { value: number | null } | { problem: "indicators.error.number" | "indicators.error.negative" | "indicators.error.tooLarge" } {
  if (value === null || value === undefined) return { value: null };
  let n: number;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { problem: "indicators.error.number" };
    n = value;
  } else if (typeof value === "string") {
    let s = asciiDigits(value.trim()).replace(/\s/g, "");
    if (s === "") return { value: null };
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s)) return { problem: "indicators.error.number" };
    n = Number(s);
    if (!Number.isFinite(n)) return { problem: "indicators.error.number" };
  } else {
    return { problem: "indicators.error.number" };
  }
  if (n < 0) return { problem: "indicators.error.negative" };
  if (n > MAX_VALUE) return { problem: "indicators.error.tooLarge" };
  return { value: n === 0 ? 0 : n }; // no -0
}

const numberCell = z.unknown().transform((v, c) => {
  const read = readNumberCell(v);
  if ("problem" in read) {
    c.addIssue({ code: "custom", message: read.problem });
    return z.NEVER;
  }
  return read.value;
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const CONTROL = /[\u0000-\u001F\u007F]/;
const line = (max: number, required: boolean) => {
  const base = z.string({ required_error: "validation.required", invalid_type_error: "validation.required" }).trim();
  return (required ? base.min(1, "validation.required") : base)
    .max(max, `validation.tooLong|${max}`)
    .refine((s) => !CONTROL.test(s), "indicators.error.control");
};
const choice = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { errorMap: () => ({ message: "validation.choice" }) });

export const indicatorRowInput = z.object({
  code: line(40, true),
  name: line(100, true),
  unit: z.preprocess((v) => v ?? "", line(20, false)),
  kind: choice(indicatorKinds),
  direction: choice(indicatorDirections),
  rollup: choice(indicatorRollups),
  baseline: numberCell,
  targets: z.preprocess((v) => v ?? {}, z.object({ "2025": numberCell, "2030": numberCell, "2035": numberCell })),
});

/**
 * The whole table as the editor and `PUT /api/v1/plans/:id/indicators` send it. Issue paths name the
 * cell, e.g. `indicators.3.targets.2030`; codes must be unique in the plan.
 */
export const indicatorTableInput = z
  .object({
    indicators: z
      .array(indicatorRowInput, { required_error: "validation.required", invalid_type_error: "validation.required" })
      .max(MAX_INDICATORS, `indicators.error.tooMany|${MAX_INDICATORS}`),
  })
  .superRefine(({ indicators }, c) => {
    const seen = new Map<string, number>();
    indicators.forEach((row, i) => {
      if (seen.has(row.code)) c.addIssue({ code: "custom", path: ["indicators", i, "code"], message: "indicators.error.duplicateCode" });
      else seen.set(row.code, i);
    });
  });

/** A bare array (scripts) or `{indicators: [...]}` → the object the schema reads. */
export function asTableInput(body: unknown): unknown {
  return Array.isArray(body) ? { indicators: body } : body;
}

export const ROW_FIELDS = ["code", "name", "unit", "kind", "direction", "rollup", "baseline"] as const;

/**
 * The editor's plain form fields (`indicators.3.name`, `indicators.3.targets.2030` …) → the table
 * input, rows in index order (gaps left by removed rows close up).
 */
export function indicatorFormToInput(entries: Iterable<[string, unknown]>): { indicators: Record<string, unknown>[] } {
  const rows = new Map<number, Record<string, unknown> & { targets: Record<string, unknown> }>();
  for (const [key, value] of entries) {
    const m = /^indicators\.(\d{1,4})\.(code|name|unit|kind|direction|rollup|baseline|targets\.(2025|2030|2035))$/.exec(key);
    if (!m) continue;
    const index = Number(m[1]);
    if (!rows.has(index)) rows.set(index, { targets: {} });
    const row = rows.get(index)!;
    const text = typeof value === "string" ? value : "";
    if (m[3]) row.targets[m[3]] = text;
    else row[m[2]] = text;
  }
  return { indicators: [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row) };
}

export type IndicatorField = "name" | "unit" | "kind" | "direction" | "rollup" | "baseline" | TargetYear;
export interface FieldChange {
  field: IndicatorField;
  from: string | number | null;
  to: string | number | null;
}
export interface IndicatorRowChange {
  code: string;
  name: string;
  unit: string;
  status: "added" | "removed" | "changed";
  changes: FieldChange[];
}

const cellValue = (row: IndicatorRow, field: IndicatorField) =>
  (targetYears as readonly string[]).includes(field) ? row.targets[field as TargetYear] : row[field as Exclude<IndicatorField, TargetYear>];
const FIELDS: IndicatorField[] = ["name", "unit", "kind", "direction", "rollup", "baseline", ...targetYears];

/**
 * What changed from one table to another, row by row (matched by code): added and removed rows with
 * their values, changed rows with each changed cell from → to. Unchanged rows are left out.
 */
export function indicatorChanges(before: IndicatorRow[], after: IndicatorRow[]): IndicatorRowChange[] {
  const old = new Map(before.map((r) => [r.code, r]));
  const now = new Map(after.map((r) => [r.code, r]));
  const out: IndicatorRowChange[] = [];
  for (const row of after) {
    const was = old.get(row.code);
    if (!was) {
      out.push({
        code: row.code,
        name: row.name,
        unit: row.unit,
        status: "added",
        changes: FIELDS.filter((f) => cellValue(row, f) !== null && cellValue(row, f) !== "").map((f) => ({
          field: f,
          from: null,
          to: cellValue(row, f),
        })),
      });
      continue;
    }
    const changes = FIELDS.filter((f) => cellValue(was, f) !== cellValue(row, f)).map((f) => ({
      field: f,
      from: cellValue(was, f),
      to: cellValue(row, f),
    }));
    if (changes.length) out.push({ code: row.code, name: row.name, unit: row.unit, status: "changed", changes });
  }
  for (const row of before) {
    if (!now.has(row.code))
      out.push({
        code: row.code,
        name: row.name,
        unit: row.unit,
        status: "removed",
        changes: FIELDS.filter((f) => cellValue(row, f) !== null && cellValue(row, f) !== "").map((f) => ({
          field: f,
          from: cellValue(row, f),
          to: null,
        })),
      });
  }
  return out;
}

/** Has the order of the rows changed (same codes, another order)? */
export function orderChanged(before: IndicatorRow[], after: IndicatorRow[]): boolean {
  const a = before.map((r) => r.code).filter((c) => after.some((r) => r.code === c));
  const b = after.map((r) => r.code).filter((c) => before.some((r) => r.code === c));
  return a.join("\u0000") !== b.join("\u0000");
}

/** A number as the table shows it: as entered, without binary noise (0.1 + 0.2 → "0.3"); empty → "—". */
export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return String(Math.round(n * 1e6) / 1e6);
}

/** "20.9%", "15286平方千米", "—" for an empty cell. */
export function valueWithUnit(n: number | null | undefined, unit: string): string {
  return n === null || n === undefined ? "—" : `${formatNumber(n)}${unit}`;
}

/** The comment form's opening words for a cell: “森林覆盖率 2030 年目标值：20.9%”. */
export function cellPrompt(row: Pick<IndicatorRow, "name" | "unit">, year: TargetYear, value: number | null): string {
  return `${row.name} ${year} 年目标值：${valueWithUnit(value, row.unit)}`;
}

/** The adoption table's 原文 of a cell comment: “森林覆盖率（2030年）：20.9%”. */
export function cellQuote(row: Pick<IndicatorRow, "name" | "unit">, year: TargetYear, value: number | null): string {
  return `${row.name}（${year}年）：${valueWithUnit(value, row.unit)}`;
}

export type CellState = "intact" | "changed" | "orphaned";

/** A cell comment's value on another table: the same, changed (old → new), or gone with its row. */
export function cellStateOn(
  original: IndicatorRow[],
  other: IndicatorRow[],
  code: string,
  year: TargetYear,
): { state: CellState; old: number | null; new: number | null } {
  const was = original.find((r) => r.code === code)?.targets[year] ?? null;
  const row = other.find((r) => r.code === code);
  if (!row) return { state: "orphaned", old: was, new: null };
  const now = row.targets[year];
  return { state: now === was ? "intact" : "changed", old: was, new: now };
}

export const isTargetYear = (v: unknown): v is TargetYear => typeof v === "string" && (targetYears as readonly string[]).includes(v);
