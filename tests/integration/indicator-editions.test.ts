// Indicator tables frozen into editions and hashed into their manifests, and comments on a cell of
// the frozen table (stored, refused, in the adoption table, followed onto later values).
import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { documents, editionTables, editions, rounds } from "~db/schema";
import { canonicalJson } from "../../app/lib/hash/canonical-json";
import { adoptionTableRows } from "../../app/lib/adoption-table/rows";
import { adoptionInput } from "../../app/models/adoption.server";
import { cellAt, currentWording } from "../../app/models/anchor-view.server";
import { commentJson, getComment, listComments } from "../../app/models/comment.server";
import { createComment } from "../../app/models/comment-create.server";
import { diffEditions, editionJson, getEdition, publishEdition } from "../../app/models/edition.server";
import { indicatorsJson, saveIndicators } from "../../app/models/indicator.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb } from "./helpers";
import { indicatorActors, planOf, status, textDocOf, withTarget as withTargetAs, zodIssues } from "./indicator-fixtures";

let db: Db;
let cleanup: () => void;
let as: Record<string, Ctx> = {};
let city = "";
const plan = (region: string) => planOf(db, region);
const textDoc = (planId: string) => textDocOf(db, planId);
/** The working table as the API shows it, with one target changed. */
const withTarget = (planId: string, code: string, year: "2025" | "2030" | "2035", value: unknown) =>
  withTargetAs(as.drafter, planId, code, year, value);

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  as = await indicatorActors(db);
  city = plan("张掖市").id;
  // the working table as the editing tests leave it (indicators.test.ts): ZB02's 2030 target 20.9 → 21
  saveIndicators(as.drafter, city, withTarget(city, "ZB02", "2030", 21));
});
afterAll(() => cleanup());

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
    // 20.9 → 21 in the working table (saved before these tests) and in the later editions
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
