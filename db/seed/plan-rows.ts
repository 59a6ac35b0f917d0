// Rows every demo plan has, the city's and each county's: its five stages laid out around today, its
// indicator table and its key projects.
import { newId } from "../../app/lib/id";
import { addDays } from "../../app/lib/time";
import { indicatorColumns } from "../../app/models/plan-tables.server";
import type { Tx } from "../client";
import * as s from "../schema";
import type { StageKey } from "../schema";
import type { DemoIndicator, DemoProject } from "./plan-data";

const STAGE_DAYS: Record<StageKey, number> = { launch: 61, drafting: 92, consultation: 30, approval: 50, filing: 10 };
const STAGE_NOTES: Record<StageKey, string> = {
  launch: "工作方案安排：2021年5月—6月",
  drafting: "工作方案安排：2021年7月—9月",
  consultation: "工作方案安排：2021年10月",
  approval: "工作方案安排：12月20日前报县（区）人民政府审批",
  filing: "工作方案安排：12月30日前报市自然资源局备案",
};
const ORDER: StageKey[] = ["launch", "drafting", "consultation", "approval", "filing"];

/** The five stages laid out around today: the current stage is due in `dueInDays` (negative: overdue). */
export function scheduleAround(today: string, current: StageKey, dueInDays: number) {
  const due = new Map<StageKey, string>();
  const start = new Map<StageKey, string>();
  const i = ORDER.indexOf(current);
  due.set(current, addDays(today, dueInDays));
  start.set(current, addDays(due.get(current)!, -(STAGE_DAYS[current] - 1)));
  for (let k = i - 1; k >= 0; k--) {
    due.set(ORDER[k], addDays(start.get(ORDER[k + 1])!, -1));
    start.set(ORDER[k], addDays(due.get(ORDER[k])!, -(STAGE_DAYS[ORDER[k]] - 1)));
  }
  for (let k = i + 1; k < ORDER.length; k++) {
    start.set(ORDER[k], addDays(due.get(ORDER[k - 1])!, 1));
    due.set(ORDER[k], addDays(start.get(ORDER[k])!, STAGE_DAYS[ORDER[k]] - 1));
  }
  return ORDER.map((stage) => ({ stage, startsOn: start.get(stage)!, dueOn: due.get(stage)!, note: STAGE_NOTES[stage] }));
}

export function seedIndicators(tx: Tx, planId: string, rows: DemoIndicator[]) {
  rows.forEach((r, i) => {
    tx.insert(s.indicators)
      .values(indicatorColumns(planId, r, i))
      .run();
  });
}

export function seedProjects(tx: Tx, planId: string, rows: DemoProject[], createdById: string, createdAt: Date) {
  for (const p of rows) {
    tx.insert(s.projects)
      .values({
        id: newId("prj"),
        planId,
        name: p.name,
        type: p.type,
        county: p.county,
        township: p.township,
        areaHa: p.areaHa,
        investmentWan: p.investmentWan,
        investCentral: p.investment?.central ?? null,
        investProvincial: p.investment?.provincial ?? null,
        investLocal: p.investment?.local ?? null,
        investSocial: p.investment?.social ?? null,
        period: p.period,
        keyArea: p.keyArea,
        status: p.status,
        reason: p.reason ?? "",
        createdById,
        createdAt,
      })
      .run();
  }
}
