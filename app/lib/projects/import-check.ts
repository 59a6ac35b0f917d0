// Checks the rows of an uploaded workbook against the rules and against the plan's library: every bad row
// and field is named (an i18n key and its parameters), good rows are counted as new, changed or unchanged.
// Pure: the domain gives it the rows and the plan's projects, at preview and again at confirmation.
import type { ColumnKey } from "./columns";
import type { ProjectStatus } from "./fields";
import type { RawRow } from "./parse.server";
import { importRowInput, type ProjectValues, sameValues } from "./schema";

export interface ExistingProject {
  id: string;
  values: ProjectValues;
  status: ProjectStatus;
  reason: string;
}

export interface RowProblem {
  field: ColumnKey;
  /** An i18n key; `params` fill it. */
  key: string;
  params?: Record<string, string | number>;
}

export type RowAction = "create" | "update" | "unchanged";

export interface CheckedRow {
  row: number;
  /** What the file says, as text, for the preview. */
  display: Partial<Record<ColumnKey, string>>;
  problems: RowProblem[];
  action: RowAction | null;
  projectId?: string;
  values?: ProjectValues;
  status?: ProjectStatus;
  reason?: string;
}

export interface ImportSummary {
  rows: number;
  good: number;
  bad: number;
  create: number;
  update: number;
  unchanged: number;
}

export interface ImportCheck {
  rows: CheckedRow[];
  summary: ImportSummary;
}

function display(row: RawRow): CheckedRow["display"] {
  const out: CheckedRow["display"] = {};
  for (const [k, v] of Object.entries(row.cells)) out[k as ColumnKey] = String(v);
  return out;
}

/** "validation.tooLong|100" → key and {max}. */
function problemOf(field: ColumnKey, message: string): RowProblem {
  const [key, param] = message.split("|");
  return param ? { field, key, params: { max: param } } : { field, key: key.includes(".") ? key : "error.invalid" };
}

const nameKey = (name: string) => name.trim();

/** A row checked on its own and against the other rows of the file (no library needed). */
export interface ValidatedRow {
  row: number;
  display: CheckedRow["display"];
  problems: RowProblem[];
  parsed?: { values: ProjectValues; status?: ProjectStatus; reason: string; id?: string };
}

/** The rules, row by row, and duplicates inside the file: the slow part (zod), done once at upload. */
export function validateRows(rows: RawRow[]): ValidatedRow[] {
  const rowsByName = new Map<string, number[]>();
  const rowsById = new Map<string, number[]>();
  for (const r of rows) {
    const name = typeof r.cells.name === "string" || typeof r.cells.name === "number" ? nameKey(String(r.cells.name)) : "";
    if (name) rowsByName.set(name, [...(rowsByName.get(name) ?? []), r.row]);
    const id = r.cells.id === undefined ? "" : String(r.cells.id).trim();
    if (id) rowsById.set(id, [...(rowsById.get(id) ?? []), r.row]);
  }
  return rows.map((raw) => {
    const out: ValidatedRow = { row: raw.row, display: display(raw), problems: [] };
    const broken = new Set(raw.cellProblems.map((p) => p.field));
    for (const p of raw.cellProblems) out.problems.push({ field: p.field, key: p.key });
    const parsed = importRowInput.safeParse(raw.cells);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = (issue.path[0] ?? "name") as ColumnKey;
        if (!broken.has(field)) out.problems.push(problemOf(field, issue.message));
      }
    }
    const name = out.display.name ? nameKey(out.display.name) : "";
    const sameName = name ? (rowsByName.get(name) ?? []).filter((n) => n !== raw.row) : [];
    if (sameName.length)
      out.problems.push({ field: "name", key: "library.problem.duplicateInFile", params: { rows: sameName.join("、") } });
    const id = out.display.id?.trim() ?? "";
    const sameId = id ? (rowsById.get(id) ?? []).filter((n) => n !== raw.row) : [];
    if (sameId.length) out.problems.push({ field: "id", key: "library.problem.duplicateId", params: { rows: sameId.join("、") } });
    if (parsed.success && !out.problems.length) out.parsed = parsed.data;
    return out;
  });
}

/** Validated rows against the plan's library as it is now: names held by other projects, ids, and what each row does. Cheap. */
export function matchRows(rows: ValidatedRow[], existing: ExistingProject[]): ImportCheck {
  const byId = new Map(existing.map((p) => [p.id, p]));
  const byName = new Map(existing.map((p) => [nameKey(p.values.name), p]));
  const checked = rows.map((v): CheckedRow => {
    const out: CheckedRow = { row: v.row, display: v.display, problems: [...v.problems], action: null };
    const id = v.display.id?.trim() ?? "";
    const target = id ? byId.get(id) : undefined;
    if (id && !target) out.problems.push({ field: "id", key: "library.problem.unknownId", params: { id } });
    const name = v.display.name ? nameKey(v.display.name) : "";
    const holder = name ? byName.get(name) : undefined;
    if (holder && holder.id !== target?.id && !(id && !target))
      out.problems.push({ field: "name", key: "library.problem.duplicateInPlan" });
    if (out.problems.length || !v.parsed) return out;

    const { values, status, reason } = v.parsed;
    if (!target) return { ...out, action: "create", values, status: status ?? "candidate", reason };
    // A blank status keeps the project's status (and its reason, unless a new one is given).
    const nextStatus = status ?? target.status;
    const nextReason = status === undefined && !reason ? target.reason : reason;
    const unchanged = sameValues(values, target.values) && nextStatus === target.status && nextReason === target.reason;
    return { ...out, action: unchanged ? "unchanged" : "update", projectId: target.id, values, status: nextStatus, reason: nextReason };
  });
  const good = checked.filter((r) => r.action !== null);
  return {
    rows: checked,
    summary: {
      rows: checked.length,
      good: good.length,
      bad: checked.length - good.length,
      create: good.filter((r) => r.action === "create").length,
      update: good.filter((r) => r.action === "update").length,
      unchanged: good.filter((r) => r.action === "unchanged").length,
    },
  };
}

export function checkImportRows(rows: RawRow[], existing: ExistingProject[]): ImportCheck {
  return matchRows(validateRows(rows), existing);
}
