// The table of a plan's INCLUDED key projects (重点项目表) as an edition freezes it: projects grouped by
// type (in the seed's order, Chinese names) and, inside a type, by period; subtotals per type and per
// period and a total of area (公顷) and investment (万元). Pure.
import { type ProjectPeriod, type ProjectType, projectPeriods, projectTypes } from "~db/schema/enums";

// The ten kinds' Chinese names live with the library's fields (one list for tables, workbooks and pages).
import { PROJECT_TYPE_NAMES } from "../projects/fields";

export { PROJECT_TYPE_NAMES };

/** "2021-2025" → "2021—2025年" (the plan text's way of writing a period). */
export const periodName = (p: ProjectPeriod) => `${p.replace("-", "—")}年`;

export interface ProjectLine {
  id: string;
  name: string;
  type: ProjectType;
  county: string;
  township: string;
  areaHa: number;
  investmentWan: number;
  period: ProjectPeriod;
}

export interface Totals {
  count: number;
  areaHa: number;
  investmentWan: number;
}

export interface ProjectTableContent {
  /** included projects in table order: by type, then period, then name */
  projects: ProjectLine[];
  groups: ({ type: ProjectType; typeName: string } & Totals)[];
  periods: ({ period: ProjectPeriod; periodName: string } & Totals)[];
  total: Totals;
}

// sums of decimal areas and amounts at a fixed precision, not binary floating point noise
const round4 = (n: number) => Math.round(n * 1e4) / 1e4;

function totals(lines: ProjectLine[]): Totals {
  return {
    count: lines.length,
    areaHa: round4(lines.reduce((s, p) => s + p.areaHa, 0)),
    investmentWan: round4(lines.reduce((s, p) => s + p.investmentWan, 0)),
  };
}

const collator = new Intl.Collator("zh-CN");

/** Builds the frozen content from the included projects (any order in, a stable order out). */
export function projectTable(included: ProjectLine[]): ProjectTableContent {
  const projects = included
    .map(({ id, name, type, county, township, areaHa, investmentWan, period }) => ({
      id,
      name,
      type,
      county,
      township,
      areaHa,
      investmentWan,
      period,
    }))
    .sort(
      (a, b) =>
        projectTypes.indexOf(a.type) - projectTypes.indexOf(b.type) ||
        projectPeriods.indexOf(a.period) - projectPeriods.indexOf(b.period) ||
        collator.compare(a.name, b.name) ||
        (a.id < b.id ? -1 : 1),
    );
  return {
    projects,
    groups: projectTypes
      .filter((t) => projects.some((p) => p.type === t))
      .map((type) => ({ type, typeName: PROJECT_TYPE_NAMES[type], ...totals(projects.filter((p) => p.type === type)) })),
    periods: projectPeriods
      .filter((p) => projects.some((x) => x.period === p))
      .map((period) => ({ period, periodName: periodName(period), ...totals(projects.filter((p) => p.period === period)) })),
    total: totals(projects),
  };
}

export type ProjectTableRow =
  | { kind: "group"; index: string; typeName: string }
  | { kind: "project"; number: number; project: ProjectLine }
  | { kind: "subtotal"; totals: Totals }
  | { kind: "total"; totals: Totals }
  | { kind: "period"; periodName: string; totals: Totals };

const CHINESE_INDEX = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/**
 * The rows a reader sees (web page and Word alike): 一、<type>, its projects, 小计 … then 合计 and
 * 其中 one line per period. The renderer words the labels.
 */
export function projectTableRows(content: ProjectTableContent): ProjectTableRow[] {
  const rows: ProjectTableRow[] = [];
  let number = 0;
  content.groups.forEach((g, i) => {
    rows.push({ kind: "group", index: `${CHINESE_INDEX[i] ?? i + 1}、`, typeName: g.typeName });
    for (const project of content.projects.filter((p) => p.type === g.type)) rows.push({ kind: "project", number: ++number, project });
    rows.push({ kind: "subtotal", totals: g });
  });
  rows.push({ kind: "total", totals: content.total });
  for (const p of content.periods) rows.push({ kind: "period", periodName: p.periodName, totals: p });
  return rows;
}

/** Area and investment as the table shows them: at most two decimals, no binary noise. */
export function formatAmount(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export interface ProjectTableDiff {
  added: ProjectLine[];
  removed: ProjectLine[];
  changed: { id: string; name: string; changes: { field: keyof ProjectLine; from: string | number; to: string | number }[] }[];
  total: { from: Totals; to: Totals };
}

/** Projects added to or dropped from the table between two editions (matched by id), and changed ones. */
export function projectTableDiff(before: ProjectTableContent | null, after: ProjectTableContent | null): ProjectTableDiff {
  const a = before?.projects ?? [];
  const b = after?.projects ?? [];
  const fields: (keyof ProjectLine)[] = ["name", "type", "county", "township", "areaHa", "investmentWan", "period"];
  const changed = b
    .map((p) => {
      const was = a.find((x) => x.id === p.id);
      if (!was) return null;
      const changes = fields.filter((f) => was[f] !== p[f]).map((f) => ({ field: f, from: was[f], to: p[f] }));
      return changes.length ? { id: p.id, name: p.name, changes } : null;
    })
    .filter((x) => x !== null);
  return {
    added: b.filter((p) => !a.some((x) => x.id === p.id)),
    removed: a.filter((p) => !b.some((x) => x.id === p.id)),
    changed,
    total: { from: before?.total ?? totals([]), to: after?.total ?? totals([]) },
  };
}
