// Indicator tables against a temporary database: who edits (403 / 409), 400 naming the cell, the
// audit of changed cells, tables frozen into editions and hashed, cell comments, the roll-up check.
import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { Db } from "~db/client";
import { approvalRequests, approvals, auditEvents, documents, editionTables, editions, indicators, plans, rounds } from "~db/schema";
import { canonicalJson } from "../../app/lib/hash/canonical-json";
import { adoptionTableRows } from "../../app/lib/adoption-table/rows";
import { adoptionInput } from "../../app/models/adoption.server";
import { cellAt, currentWording } from "../../app/models/anchor-view.server";
import { verifyAuditChain } from "../../app/models/audit.server";
import { commentJson, getComment, listComments } from "../../app/models/comment.server";
import { createComment } from "../../app/models/comment-create.server";
import { diffEditions, editionJson, getEdition, publishEdition } from "../../app/models/edition.server";
import {
  indicatorCheck,
  indicatorCheckJson,
  indicatorPage,
  indicatorsJson,
  indicatorSummary,
  saveIndicators,
} from "../../app/models/indicator.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor, userId } from "./helpers";

let db: Db;
let cleanup: () => void;
const as: Record<string, Ctx> = {};
const plan = (region: string) => db.select().from(plans).where(eq(plans.region, region)).get()!;
const textDoc = (planId: string) =>
  db
    .select()
    .from(documents)
    .where(and(eq(documents.planId, planId), eq(documents.kind, "text")))
    .get()!;
let city = "";

function status(fn: () => unknown): number | string {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return e.status;
    if (e instanceof ZodError) return 400;
    throw e;
  }
}
function zodIssues(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZodError) return e.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    if (e instanceof DomainError) return e.extra.issues ?? [];
    throw e;
  }
  return [];
}
/** The working table as the API shows it, with one target changed. */
function withTarget(planId: string, code: string, year: "2025" | "2030" | "2035", value: unknown) {
  return indicatorsJson(as.drafter, planId).map((r) => (r.code === code ? { ...r, targets: { ...r.targets, [year]: value } } : r));
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  for (const u of ["drafter", "admin", "zrj", "minle", "ganzhou", "ganzhou-drafter", "gaotai-drafter", "shandan-drafter", "linze-drafter"])
    as[u] = await ctxFor(db, u);
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

describe("tables frozen into editions", () => {
  let first: ReturnType<typeof publishEdition>;
  let second: ReturnType<typeof publishEdition>;

  it("publish, edit, publish again: the first edition's table is unchanged, the hashes differ, the diff shows old → new", () => {
    const docId = textDoc(city).id;
    const before = indicatorsJson(as.drafter, city).find((r) => r.code === "ZB04")!.targets["2030"];
    first = publishEdition(as.drafter, docId, { label: "送审稿" });
    expect(first.tables?.map((t) => t.kind)).toEqual(["indicators", "projects"]);
    saveIndicators(as.drafter, city, withTarget(city, "ZB04", "2030", 68.5));
    second = publishEdition(as.drafter, docId, { label: "送审稿" }); // same label, same text: the table changed, so it is a new edition
    expect(second.manifestHash).not.toBe(first.manifestHash);

    const a = getEdition(as.minle, first.id);
    const b = getEdition(as.minle, second.id);
    const value = (e: typeof a) => {
      const t = e.tables.find((x) => x.kind === "indicators");
      return t?.kind === "indicators" ? t.content.indicators.find((r) => r.code === "ZB04")!.targets["2030"] : undefined;
    };
    expect(value(a)).toBe(before);
    expect(value(b)).toBe(68.5);
    expect(a.tables.find((t) => t.kind === "projects")?.hash).toBe(b.tables.find((t) => t.kind === "projects")?.hash);

    const diff = diffEditions(as.minle, first.id, second.id);
    expect(diff.sections.every((s) => s.status === "unchanged")).toBe(true);
    const ind = diff.tables.find((t) => t.kind === "indicators");
    expect(ind).toMatchObject({
      status: "changed",
      rows: [{ code: "ZB04", status: "changed", changes: [{ field: "2030", from: before, to: 68.5 }] }],
    });
    expect(diff.tables.find((t) => t.kind === "projects")).toMatchObject({ status: "unchanged", added: [], removed: [] });

    // publishing the very same thing again is refused
    expect(status(() => publishEdition(as.drafter, docId, { label: "送审稿" }))).toBe(409);
  });

  it("hashes the tables into the manifest: anyone can recompute it from the edition's JSON", () => {
    const json = editionJson(as.minle, second.id);
    const sha = (x: unknown) => createHash("sha256").update(canonicalJson(x)).digest("hex");
    expect(json.tables?.map((t) => t.hash)).toEqual(json.tables?.map((t) => sha(t.content)));
    const recomputed = sha({
      documentId: json.documentId,
      label: json.label,
      sections: json.sections.map(({ sectionId, revisionId, hash }) => ({ sectionId, revisionId, hash })),
      tables: json.tables!.map(({ kind, hash }) => ({ kind, hash })),
    });
    expect(json.manifestHash).toBe(recomputed);
    // the stored tables are the ones the hash names
    const stored = db.select().from(editionTables).where(eq(editionTables.editionId, second.id)).all();
    expect(stored.map((t) => sha(t.content)).sort()).toEqual(stored.map((t) => t.hash).sort());
  });

  it("places the indicator table at the section marked for it, and the projects at theirs", () => {
    const e = getEdition(as.minle, second.id);
    const at = (kind: string) => e.sections.find((s) => s.sectionId === e.tables.find((t) => t.kind === kind)?.sectionId)?.title;
    expect(at("indicators")).toBe("规划指标");
    expect(at("projects")).toBe("重点工程");
  });

  it("freezes nothing for documents other than the plan text, and keeps the old recipe for them", () => {
    const other = db
      .select()
      .from(documents)
      .where(and(eq(documents.planId, city), eq(documents.kind, "explanation")))
      .get()!;
    const e = publishEdition(as.drafter, other.id, { label: "征求意见稿" });
    expect(e.tables).toBeUndefined();
    const json = editionJson(as.drafter, e.id);
    const recomputed = createHash("sha256")
      .update(
        canonicalJson({
          documentId: json.documentId,
          label: json.label,
          sections: json.sections.map(({ sectionId, revisionId, hash }) => ({ sectionId, revisionId, hash })),
        }),
      )
      .digest("hex");
    expect(json.manifestHash).toBe(recomputed);
  });

  it("the seeded editions' hashes cover their frozen tables too", () => {
    for (const e of db.select().from(editions).all()) {
      const json = editionJson(as.admin, e.id);
      const body: Record<string, unknown> = {
        documentId: json.documentId,
        label: json.label,
        sections: json.sections.map(({ sectionId, revisionId, hash }) => ({ sectionId, revisionId, hash })),
      };
      if (json.tables) body.tables = json.tables.map(({ kind, hash }) => ({ kind, hash }));
      expect(json.manifestHash).toBe(createHash("sha256").update(canonicalJson(body)).digest("hex"));
    }
  });
});

describe("comments on a cell of the indicator table", () => {
  let roundId = "";
  let commentId = "";
  beforeAll(() => {
    // the city's open round of the 征求意见稿 (the six counties are invited)
    const first = db
      .select()
      .from(editions)
      .where(and(eq(editions.documentId, textDoc(city).id), eq(editions.label, "征求意见稿")))
      .get()!;
    roundId = db.select().from(rounds).where(eq(rounds.editionId, first.id)).get()!.id;
  });

  it("stores the cell, in the section holding the table, with the value as frozen", () => {
    commentId = createComment(as.minle, roundId, {
      cell: { indicator: "ZB02", year: "2030" },
      body: "森林覆盖率 2030 年目标值：20.9%。建议结合民乐县浅山区造林潜力复核。",
      category: "question",
    }).id;
    const c = getComment(as.minle, commentId);
    expect(c.cell).toMatchObject({
      indicator: "ZB02",
      year: "2030",
      name: "森林覆盖率",
      unit: "%",
      value: 20.9,
      quote: "森林覆盖率（2030年）：20.9%",
    });
    expect(c.anchor).toBeNull();
    expect(c.sectionTitle).toBe("规划指标");
    expect(commentJson(c).cell).toEqual({ indicator: "ZB02", year: "2030", name: "森林覆盖率", unit: "%", value: 20.9 });
    expect(listComments(as.drafter, roundId).find((x) => x.id === commentId)?.cell?.value).toBe(20.9);
  });

  it("refuses an unknown code or year, a cell with an anchor, a cell in another section (400)", () => {
    expect(
      zodIssues(() => createComment(as.minle, roundId, { cell: { indicator: "ZB77", year: "2030" }, body: "x", category: "other" })),
    ).toEqual([{ path: "cell.indicator", message: "indicators.comment.unknownIndicator" }]);
    expect(
      zodIssues(() => createComment(as.minle, roundId, { cell: { indicator: "ZB02", year: "2040" }, body: "x", category: "other" })),
    ).toEqual([{ path: "cell.year", message: "indicators.comment.unknownYear" }]);
    const anchor = { exact: "x", prefix: "", suffix: "", start: 0, end: 1 };
    expect(
      status(() => createComment(as.minle, roundId, { cell: { indicator: "ZB02", year: "2030" }, anchor, body: "x", category: "other" })),
    ).toBe(400);
    const elsewhere = getEdition(as.minle, db.select().from(rounds).where(eq(rounds.id, roundId)).get()!.editionId).sections[0].sectionId;
    expect(
      status(() =>
        createComment(as.minle, roundId, { sectionId: elsewhere, cell: { indicator: "ZB02", year: "2030" }, body: "x", category: "other" }),
      ),
    ).toBe(400);
  });

  it("appears in the adoption table as “<指标名称>（<年>年）：<值><单位>”", () => {
    const rows = adoptionTableRows(adoptionInput(as.drafter, roundId));
    const row = rows.find((r) => r.comment.includes("民乐县浅山区"))!;
    expect(row).toMatchObject({
      organization: "民乐县",
      section: "第二节 规划指标",
      original: "森林覆盖率（2030年）：20.9%",
      decision: "待答复",
    });
  });

  it("shows as changed with old → new on a later edition and in the working table", () => {
    // 20.9 → 21 in the working table (saved above) and in the later editions
    const later = db
      .select()
      .from(editions)
      .where(eq(editions.documentId, textDoc(city).id))
      .orderBy(desc(editions.publishedAt))
      .get()!;
    const c = getComment(as.drafter, commentId);
    expect(cellAt(as.drafter, c, later.id)).toEqual({ indicator: "ZB02", year: "2030", state: "changed", old: 20.9, new: 21 });
    const own = db.select().from(rounds).where(eq(rounds.id, roundId)).get()!.editionId;
    expect(cellAt(as.minle, c, own)).toMatchObject({ state: "intact", old: 20.9, new: 20.9 });
    // a revision of the section: the newest edition holding it (the text did not change, the table did)
    expect(cellAt(as.minle, c, c.revisionId)).toMatchObject({ state: "changed", old: 20.9, new: 21 });
    expect(currentWording(as.drafter, c)).toMatchObject({
      state: "changed",
      exact: "森林覆盖率（2030年）：21%",
      cell: { old: "20.9%", new: "21%" },
    });
    // an edition of another document is not a place for this comment
    const other = db
      .select()
      .from(editions)
      .innerJoin(documents, eq(editions.documentId, documents.id))
      .where(and(eq(documents.planId, city), eq(documents.kind, "explanation")))
      .get()!;
    expect(status(() => cellAt(as.drafter, c, other.editions.id))).toBe(404);
  });
});

describe("上下衔接校核", () => {
  it("sums the counties' targets against the city's, with hand-computed sums (≥ for up, ≤ for down)", () => {
    const ids = ["甘州区", "临泽县", "高台县", "山丹县", "民乐县", "肃南裕固族自治县"].map((r) => plan(r).id);
    // build the tables directly (some county plans are approved and frozen to the domain)
    db.delete(indicators).run();
    const put = (
      planId: string,
      code: string,
      direction: "up" | "down",
      rollup: "sum" | "none",
      t: [number | null, number | null, number | null],
    ) =>
      db
        .insert(indicators)
        .values({
          planId,
          code,
          name: code === "A" ? "湿地面积" : code === "B" ? "水土流失面积" : "森林覆盖率",
          unit: code === "C" ? "%" : "公顷",
          kind: "binding",
          direction,
          rollup,
          baseline: null,
          target2025: t[0],
          target2030: t[1],
          target2035: t[2],
          sortOrder: 0,
        })
        .run();
    put(city, "A", "up", "sum", [100, 200, 300.3]);
    put(city, "B", "down", "sum", [50, 40, null]);
    put(city, "C", "up", "none", [20, 21, 22]);
    const a: [number | null, number | null, number | null][] = [
      [10, 30, 50],
      [20, 30, 50.1],
      [15, 40, 50.1],
      [25, 50, 50],
      [20, 25, 50],
      [10, 20, 50.1],
    ];
    const b: [number | null, number | null, number | null][] = [
      [10, 5, 1],
      [10, 5, 1],
      [10, 10, 1],
      [5, 20, 1],
      [10, 5, 1],
      [6, 6, null],
    ];
    ids.forEach((id, i) => {
      put(id, "A", "up", "sum", a[i]);
      if (i !== 2) put(id, "B", "down", "sum", b[i]); // 高台县 has no B: counted as 0
    });
    const rows = indicatorCheck(as.zrj, city);
    const row = (code: string, year: string) => rows.find((r) => r.code === code && r.year === year)!;
    expect(rows.map((r) => `${r.code}${r.year}`)).toEqual(["A2025", "A2030", "A2035", "B2025", "B2030"]); // C is not summed; B has no 2035 target
    expect(row("A", "2025")).toMatchObject({ city: 100, countySum: 100, ok: true, shortfall: 0 });
    expect(row("A", "2030")).toMatchObject({ city: 200, countySum: 195, ok: false, shortfall: 5 });
    expect(row("A", "2035")).toMatchObject({ city: 300.3, countySum: 300.3, ok: true }); // 50 + 50.1 × 3 + 50 + 50 in decimal, not binary
    expect(row("B", "2025")).toMatchObject({ city: 50, countySum: 41, ok: true });
    expect(row("B", "2030")).toMatchObject({ city: 40, countySum: 41, ok: false, shortfall: 1 });
    expect(row("A", "2030").counties.map((c) => c.value)).toEqual([30, 30, 40, 50, 25, 20]);
    expect(row("B", "2030").counties[2]).toMatchObject({ region: "高台县", value: null });
    expect(indicatorCheckJson(as.admin, city)[0]).toEqual({
      code: "A",
      year: "2025",
      city: 100,
      countySum: 100,
      ok: true,
      name: "湿地面积",
      unit: "公顷",
      direction: "up",
      shortfall: 0,
      counties: expect.any(Array),
    });
    expect(indicatorSummary(as.zrj, city)).toEqual({ mismatches: 2 });
    expect(indicatorSummary(as.minle, city)).toEqual({ mismatches: null });
    expect(indicatorSummary(as.zrj, ids[0])).toEqual({ mismatches: null });
  });

  it("is for city plans (404 on a county plan) and for the coordinator, admins and the city's team (403 others)", () => {
    expect(status(() => indicatorCheck(as.zrj, plan("甘州区").id))).toBe(404);
    expect(status(() => indicatorCheck(as.drafter, city))).toBe("ok");
    expect(status(() => indicatorCheck(as.minle, city))).toBe(403);
    expect(status(() => indicatorCheck(as["ganzhou-drafter"], city))).toBe(403);
    expect(indicatorPage(as.minle, city).check).toBeNull();
    expect(indicatorPage(as.zrj, city).check?.length).toBe(5);
  });
});
