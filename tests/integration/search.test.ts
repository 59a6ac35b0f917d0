// Search: the same visibility as everywhere (published text for readers, drafts for those who see a
// plan's drafts, comments by round visibility), queries of one character and up, and an index that
// follows every write (triggers of migration 0004).
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { comments, documents as documentsTable, editionSections as es, editions as editionsTable, plans, sections } from "~db/schema";
import { editComment, withdrawComment } from "../../app/models/comment-change.server";
import { createComment } from "../../app/models/comment-create.server";
import { openRound } from "../../app/models/round.server";
import { createRevision } from "../../app/models/revision.server";
import { search } from "../../app/models/search.server";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor } from "./helpers";

let db: Db;
let cleanup: () => void;
const as: Record<string, Ctx> = {};
const find = (user: string, q: string, extra: Record<string, unknown> = {}) => search(as[user], { q, limit: 50, ...extra });
const kinds = (user: string, q: string) => find(user, q).results.map((r) => r.kind);

// 高台县's comment in the city plan's private round, and the drafting team's reply to it.
const GAOTAI_COMMENT = "南华镇、巷道镇";
const GAOTAI_REPLY = "核实乡镇范围";
// Only in the working draft of 肃南县's plan (never published).
const SUNAN_DRAFT = "全国唯一的裕固族自治县";

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  for (const u of ["admin", "drafter", "gaotai", "shandan", "expert1", "zrj", "sunan-drafter", "ganzhou-drafter", "ganzhou"])
    as[u] = await ctxFor(db, u);
});
afterAll(() => cleanup());

describe("what the seed holds is findable", () => {
  it("a comment by a three-character phrase, with the match highlighted in the snippet and a link to it", () => {
    const r = find("gaotai", GAOTAI_COMMENT).results.find((x) => x.kind === "comment")!;
    expect(r).toBeDefined();
    expect(r.organization).toBe("高台县");
    expect(r.url).toBe(`/rounds/${r.roundId}/comments/${r.id}`);
    const m = r.snippet.matches[0];
    expect(r.snippet.text.slice(m.start, m.end)).toBe(GAOTAI_COMMENT);
  });
  it("the published section text for a reviewer, linked into the newest edition holding it", () => {
    const { results } = find("shandan", "水源涵养");
    const section = results.find((x) => x.kind === "section")!;
    expect(section.edition).not.toBeNull();
    expect(section.url).toBe(`/editions/${section.edition!.id}#${section.sectionId}`);
    expect(section.number).not.toBe("");
  });
  it("one- and two-character queries use the indexed fallback and find the same things", () => {
    const two = find("gaotai", "巷道").results;
    expect(two.some((x) => x.kind === "comment" && x.organization === "高台县")).toBe(true);
    const one = find("gaotai", "巷").results;
    expect(one.some((x) => x.kind === "comment" && x.organization === "高台县")).toBe(true);
    for (const r of two) expect(r.snippet.matches.length).toBeGreaterThan(0);
    // every hit of a two-character query really contains it
    for (const r of find("drafter", "湿地").results) expect(r.snippet.text).toContain("湿地");
  });
  it("the last one or two characters of a text are found too", () => {
    const c = db.select().from(comments).where(eq(comments.organizationId, as.gaotai.user.organization.id)).get()!;
    const tail = Array.from(c.body).slice(-2).join("");
    expect(find("gaotai", tail).results.some((x) => x.id === c.id)).toBe(true);
  });
  it("Latin letters match whatever their case", () => {
    const lower = find("drafter", "gdp").results.length;
    expect(find("drafter", "GDP").results.length).toBe(lower);
  });
});

describe("visibility", () => {
  it("a reviewer does not find another organisation's comment or its reply in a private round", () => {
    expect(find("shandan", GAOTAI_COMMENT).results).toEqual([]);
    expect(find("shandan", "巷道").results.filter((x) => x.kind !== "section")).toEqual([]);
    expect(find("shandan", GAOTAI_REPLY).results).toEqual([]);
    expect(kinds("gaotai", GAOTAI_REPLY)).toContain("reply");
  });
  it("those who run the plan and the experts find every comment", () => {
    for (const u of ["drafter", "admin", "expert1"]) expect(kinds(u, GAOTAI_COMMENT)).toContain("comment");
  });
  it("the coordinator finds only its own organisation's comments in the county rounds it is invited to", () => {
    const own = find("zrj", "约束性指标").results.filter((x) => x.kind === "comment");
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((x) => x.organization === "张掖市自然资源局")).toBe(true);
    expect(find("zrj", GAOTAI_COMMENT).results).toEqual([]);
  });
  it("an unpublished draft: found by its plan's drafters, the city team and admins; not by readers nor other counties' drafters", () => {
    for (const u of ["sunan-drafter", "drafter", "admin"]) {
      const r = find(u, SUNAN_DRAFT).results;
      expect(r.map((x) => x.kind)).toEqual(["section"]);
      expect(r[0].edition).toBeNull();
      expect(r[0].draft).toBe(true);
      expect(r[0].url).toBe(`/sections/${r[0].sectionId}`);
    }
    for (const u of ["ganzhou-drafter", "shandan", "expert1", "zrj"]) expect(find(u, SUNAN_DRAFT).results).toEqual([]);
    expect(
      find("ganzhou-drafter", "裕固")
        .results.filter((x) => x.planTitle.startsWith("肃南"))
        .every((x) => x.edition !== null),
    ).toBe(true);
  });
  it("narrows to one plan", () => {
    const city = db.select().from(plans).where(eq(plans.level, "city")).get()!;
    const all = find("drafter", "湿地").results;
    const only = find("drafter", "湿地", { planId: city.id }).results;
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((x) => x.planId === city.id)).toBe(true);
    expect(new Set(all.map((x) => x.planId)).size).toBeGreaterThan(1);
  });
});

describe("the index follows every write", () => {
  it("a new working revision is found by the plan's drafters and the city team, hidden from readers and other counties", () => {
    const ganzhou = db.select().from(plans).where(eq(plans.region, "甘州区")).get()!;
    const hit = find("ganzhou-drafter", "水", { planId: ganzhou.id }).results.find((r) => r.kind === "section")!;
    const s = db.select({ id: sections.id, rev: sections.currentRevisionId }).from(sections).where(eq(sections.id, hit.sectionId)).get()!;
    createRevision(as["ganzhou-drafter"], s.id, {
      baseRevisionId: s.rev,
      content: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "新增琥珀蜻蜓栖息地监测措施。" }] }] },
      note: "检索测试",
    });
    expect(find("ganzhou-drafter", "琥珀蜻蜓").results.map((r) => r.sectionId)).toEqual([s.id]);
    expect(find("drafter", "蜻蜓").results.map((r) => r.sectionId)).toEqual([s.id]);
    expect(find("ganzhou", "琥珀蜻蜓").results).toEqual([]);
    expect(find("sunan-drafter", "蜓").results.filter((r) => r.sectionId === s.id)).toEqual([]);
  });
  it("an edited comment is found by its new words, not its old ones", () => {
    const mine = find("gaotai", GAOTAI_COMMENT).results.find((x) => x.kind === "comment")!;
    const c = db.select().from(comments).where(eq(comments.id, mine.id)).get()!;
    try {
      editComment(as.gaotai, c.id, { body: "改写：请补充橄榄蜗牛调查，见附表鼋", category: c.category });
    } catch {
      // the round may be closed for edits; change the row as another write path would
      db.update(comments).set({ body: "改写：请补充橄榄蜗牛调查，见附表鼋" }).where(eq(comments.id, c.id)).run();
    }
    expect(find("gaotai", "橄榄蜗牛").results.map((r) => r.id)).toEqual([c.id]);
    expect(find("gaotai", GAOTAI_COMMENT).results.filter((r) => r.id === c.id)).toEqual([]);
    // the last character of a text, alone
    expect(find("gaotai", "鼋").results.map((r) => r.id)).toEqual([c.id]);
  });
});

describe("queries", () => {
  it("FTS5 syntax typed by a user is only characters to find", () => {
    for (const q of [
      '"',
      "*",
      "OR",
      "(",
      ")",
      '"生态',
      "生态 OR 修复",
      "NEAR(生态 修复)",
      "a*b",
      "-",
      "^湿地",
      "湿地:",
      "AND NOT",
      "'",
      "\\",
      "%",
      "_",
    ]) {
      expect(() => find("drafter", q), q).not.toThrow();
    }
    expect(find("drafter", "(").results.every((r) => r.snippet.text.includes("("))).toBe(true);
    // and text holding those characters is found by them
    const c = db.select().from(comments).where(eq(comments.organizationId, as.shandan.user.organization.id)).get()!;
    db.update(comments).set({ body: '核对口径："草原综合植被盖度" OR (灌木林*)' }).where(eq(comments.id, c.id)).run();
    expect(find("drafter", '"草原综合植被盖度" OR (灌').results.map((r) => r.id)).toEqual([c.id]);
    expect(find("drafter", "(灌").results.map((r) => r.id)).toContain(c.id);
  });
  it("empty and blank queries find nothing; the limit is kept and says when there is more", () => {
    expect(find("drafter", "").results).toEqual([]);
    expect(find("drafter", "   ").results).toEqual([]);
    const few = search(as.drafter, { q: "的", limit: 3 });
    expect(few.results).toHaveLength(3);
    expect(few.more).toBe(true);
    expect(kinds("drafter", "的")[0]).toBe("section");
  });
  it("a query that is too long is refused with a validation message", () => {
    expect(() => find("drafter", "湿".repeat(1001))).toThrow();
  });
});

describe("one hit per section", () => {
  it("a reader finds a section once, in the newest edition holding text that matches", () => {
    const { results } = find("gaotai", "重点工程");
    const sectionIds = results.filter((r) => r.kind === "section").map((r) => r.sectionId);
    expect(sectionIds.length).toBeGreaterThan(0);
    expect(new Set(sectionIds).size).toBe(sectionIds.length);
  });
});

describe("a shared round", () => {
  it("an invited reviewer finds the other invitees' comments, but not one they withdrew", () => {
    const city = db.select().from(plans).where(eq(plans.level, "city")).get()!;
    const doc = db
      .select()
      .from(documentsTable)
      .where(eq(documentsTable.planId, city.id))
      .all()
      .find((d) => d.kind === "text")!;
    const edition = db.select().from(editionsTable).where(eq(editionsTable.documentId, doc.id)).all().at(-1)!;
    const sectionId = db.select().from(es).where(eq(es.editionId, edition.id)).get()!.sectionId;
    const orgs = [as.gaotai, as.shandan].map((c) => c.user.organization.id);
    const { id: roundId } = openRound(as.drafter, edition.id, {
      title: "共享轮次",
      closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      invitedOrganizationIds: orgs,
      visibility: "shared",
    });
    const kept = createComment(as.gaotai, roundId, {
      sectionId,
      anchor: null,
      body: "共享轮次中的意见：建议补充鹈鹕栖息地。",
      category: "add",
    });
    const withdrawn = createComment(as.gaotai, roundId, {
      sectionId,
      anchor: null,
      body: "共享轮次中撤回的意见：鹈鹕迁徙。",
      category: "add",
    });
    withdrawComment(as.gaotai, withdrawn.id);
    expect(find("shandan", "鹈鹕").results.map((r) => r.id)).toEqual([kept.id]);
    expect(new Set(find("gaotai", "鹈鹕").results.map((r) => r.id))).toEqual(new Set([kept.id, withdrawn.id]));
    expect(find("ganzhou", "鹈鹕").results).toEqual([]);
  });
});
