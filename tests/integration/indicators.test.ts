// Indicator tables against a temporary database: who reads the working or the published values,
// who edits (403 / 409), 400 naming the cell, the audit of changed cells.
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { approvalRequests, approvals, auditEvents } from "~db/schema";
import { verifyAuditChain } from "../../app/models/audit.server";
import { indicatorPage, indicatorsJson, saveIndicators } from "../../app/models/indicator.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, userId } from "./helpers";
import { indicatorActors, planOf, status, withTarget as withTargetAs, zodIssues } from "./indicator-fixtures";

let db: Db;
let cleanup: () => void;
let as: Record<string, Ctx> = {};
let city = "";
const plan = (region: string) => planOf(db, region);
/** The working table as the API shows it, with one target changed. */
const withTarget = (planId: string, code: string, year: "2025" | "2030" | "2035", value: unknown) =>
  withTargetAs(as.drafter, planId, code, year, value);

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  as = await indicatorActors(db);
  city = plan("张掖市").id;
});
afterAll(() => cleanup());

describe("reading the indicator table", () => {
  it("gives the plan's drafters (and those who see its drafts) the working values, everyone else the published edition's", () => {
    const working = indicatorsJson(as.drafter, city);
    expect(working.length).toBeGreaterThanOrEqual(10);
    expect(working.find((r) => r.code === "ZB02")).toMatchObject({
      name: "森林覆盖率",
      unit: "%",
      kind: "binding",
      targets: { "2030": 20.9 },
    });
    // the published 征求意见稿 froze the same values
    expect(indicatorsJson(as.minle, city)).toEqual(working);
    expect(indicatorsJson(as.admin, city)).toEqual(working);
    // 肃南县 is still drafting: nothing is published, so a reviewer gets [], the city's team the working values
    const sunan = plan("肃南裕固族自治县").id;
    expect(indicatorsJson(as.ganzhou, sunan)).toEqual([]);
    expect(indicatorsJson(as.drafter, sunan).length).toBeGreaterThan(0);
    expect(status(() => indicatorsJson(as.ganzhou, "plan_nope"))).toBe(404);
  });
});

describe("editing the indicator table", () => {
  it("lets only the plan's drafters save (403 others)", () => {
    const table = indicatorsJson(as.drafter, city);
    expect(status(() => saveIndicators(as["ganzhou-drafter"], city, table))).toBe(403);
    expect(status(() => saveIndicators(as.minle, city, table))).toBe(403);
    expect(status(() => saveIndicators(as.zrj, city, table))).toBe(403);
    // the city's drafting team reads every county's drafts but writes only the city plan
    expect(status(() => saveIndicators(as.drafter, plan("甘州区").id, indicatorsJson(as.drafter, plan("甘州区").id)))).toBe(403);
    // an invalid table from someone who may not write is still 403, not 400
    expect(status(() => saveIndicators(as["ganzhou-drafter"], city, [{ code: "" }]))).toBe(403);
  });

  it("answers 400 naming the cell (indicators.3.targets.2030) and writes nothing", () => {
    const before = indicatorsJson(as.drafter, city);
    const bad = before.map((r, i) => (i === 3 ? { ...r, targets: { ...r.targets, "2030": "六十八" } } : r));
    expect(zodIssues(() => saveIndicators(as.drafter, city, bad))).toEqual([
      { path: "indicators.3.targets.2030", message: "indicators.error.number" },
    ]);
    const negative = before.map((r, i) => (i === 0 ? { ...r, baseline: -1 } : r));
    expect(zodIssues(() => saveIndicators(as.drafter, city, { indicators: negative }))).toEqual([
      { path: "indicators.0.baseline", message: "indicators.error.negative" },
    ]);
    const duplicate = [...before, { ...before[1], name: "重复" }];
    expect(zodIssues(() => saveIndicators(as.drafter, city, duplicate))).toEqual([
      { path: `indicators.${before.length}.code`, message: "indicators.error.duplicateCode" },
    ]);
    expect(indicatorsJson(as.drafter, city)).toEqual(before);
  });

  it("saves the whole table in one go, keeps units as entered, and audits every changed cell from → to", () => {
    const table = withTarget(city, "ZB02", "2030", "21.0").map((r) => (r.code === "ZB03" ? { ...r, unit: "% " } : r));
    table.push({
      code: "ZB99",
      name: "测试新增指标",
      unit: "处",
      kind: "expected",
      direction: "down",
      rollup: "none",
      baseline: null,
      targets: { "2025": 3, "2030": null, "2035": 1 },
    });
    const result = saveIndicators(as.drafter, city, table);
    expect(result.changed).toBe(2); // ZB02 changed, ZB99 added (the trailing space of "% " is trimmed: unchanged)
    const after = indicatorsJson(as.drafter, city);
    expect(after.find((r) => r.code === "ZB02")!.targets["2030"]).toBe(21);
    expect(after.at(-1)).toEqual({
      code: "ZB99",
      name: "测试新增指标",
      unit: "处",
      kind: "expected",
      direction: "down",
      rollup: "none",
      baseline: null,
      targets: { "2025": 3, "2030": null, "2035": 1 },
    });
    const event = db.select().from(auditEvents).orderBy(desc(auditEvents.id)).get()!;
    expect(event).toMatchObject({ action: "indicator.update", entityType: "plan", entityId: city, actorId: userId(db, "drafter") });
    const data = JSON.parse(event.data);
    expect(data.rows).toContainEqual({ code: "ZB02", status: "changed", cells: [{ field: "2030", from: 20.9, to: 21 }] });
    expect(data.rows.find((r: { code: string }) => r.code === "ZB99")).toMatchObject({ status: "added" });
    expect(verifyAuditChain(db).ok).toBe(true);
    // saving the same table again changes nothing and writes no event
    expect(saveIndicators(as.drafter, city, after).changed).toBe(0);
    expect(db.select().from(auditEvents).orderBy(desc(auditEvents.id)).get()!.id).toBe(event.id);
    // removing a row is a change too
    saveIndicators(
      as.drafter,
      city,
      after.filter((r) => r.code !== "ZB99"),
    );
    expect(indicatorsJson(as.drafter, city).some((r) => r.code === "ZB99")).toBe(false);
  });

  it("refuses edits once the plan is approved (409)", () => {
    const shandan = plan("山丹县").id; // approved in the demo
    expect(status(() => saveIndicators(as["shandan-drafter"], shandan, indicatorsJson(as.drafter, shandan)))).toBe(409);
    // 高台县 has only requested approval: still editable, until an approval is recorded
    const gaotai = plan("高台县").id;
    const table = indicatorsJson(as.drafter, gaotai);
    expect(status(() => saveIndicators(as["gaotai-drafter"], gaotai, table))).toBe("ok");
    const request = db.select().from(approvalRequests).where(eq(approvalRequests.planId, gaotai)).get()!;
    db.insert(approvals)
      .values({
        id: "apv_test_gaotai",
        planId: gaotai,
        requestId: request.id,
        editionId: request.editionId,
        authority: "高台县人民政府",
        documentNumber: "高政函〔2025〕1号",
        approvedOn: "2025-12-01",
        recordedById: userId(db, "gaotai-drafter"),
        recordedAt: new Date(),
      })
      .run();
    expect(status(() => saveIndicators(as["gaotai-drafter"], gaotai, table))).toBe(409);
    expect(indicatorPage(as["gaotai-drafter"], gaotai).canEdit).toBe(false);
  });
});
