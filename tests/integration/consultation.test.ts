// Consultation rounds against a temporary database: the visibility matrix, closing, locking, anchors.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { editions, editionSections, organizations, revisions, rounds } from "~db/schema";
import { buildAnchor } from "../../app/lib/anchoring/anchor";
import { listComments } from "../../app/models/comment.server";
import { editComment, withdrawComment } from "../../app/models/comment-change.server";
import { createComment } from "../../app/models/comment-create.server";
import { addReply } from "../../app/models/comment-reply.server";
import { extendRound, getRound, listRounds, openRound, submitReply } from "../../app/models/round.server";
import { ensureClosingNotices, listNotifications, unreadCount } from "../../app/models/notification.server";
import { verifyAuditChain } from "../../app/models/audit.server";
import { DomainError } from "../../app/utils/errors";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor } from "./helpers";

let db: Db;
let cleanup: () => void;
const ctx: Record<string, Ctx> = {};
let editionId = "";
let section = { id: "", text: "" };
const orgId = (name: string) => db.select().from(organizations).where(eq(organizations.name, name)).get()!.id;
const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

function code(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return `${e.status}`;
    return `thrown: ${(e as Error).name}`;
  }
}

beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  for (const u of ["drafter", "admin", "ganzhou", "linze", "gaotai", "expert1", "swj"]) ctx[u] = await ctxFor(db, u);
  editionId = db.select().from(editions).get()!.id;
  const entry = db
    .select({ sectionId: editionSections.sectionId, text: revisions.text })
    .from(editionSections)
    .innerJoin(revisions, eq(editionSections.revisionId, revisions.id))
    .where(eq(editionSections.editionId, editionId))
    .all()[3];
  section = { id: entry.sectionId, text: entry.text };
});
afterAll(() => cleanup());

function anchorOn(passage: number) {
  const start = passage * 7;
  return buildAnchor(section.text, start, start + 6)!;
}

function open(visibility: "private" | "shared") {
  return openRound(ctx.drafter, editionId, {
    title: `测试轮次 ${visibility}`,
    closesAt: inFuture(10),
    invitedOrganizationIds: [orgId("甘州区"), orgId("临泽县"), orgId("市水务局")],
    visibility,
  }).id;
}

describe("visibility matrix", () => {
  for (const visibility of ["private", "shared"] as const) {
    it(`${visibility} round`, () => {
      const roundId = open(visibility);
      const byGanzhou = createComment(ctx.ganzhou, roundId, {
        sectionId: section.id,
        anchor: anchorOn(1),
        body: "甘州区的意见",
        category: "revise",
      }).id;
      const byLinze = createComment(ctx.linze, roundId, { sectionId: section.id, anchor: null, body: "临泽县的意见", category: "add" }).id;
      addReply(ctx.drafter, byGanzhou, { body: "编制专班的回复" });
      const seen = (who: string) =>
        listComments(ctx[who], roundId)
          .map((c) => c.id)
          .sort();
      const all = [byGanzhou, byLinze].sort();
      expect(seen("drafter")).toEqual(all);
      expect(seen("admin")).toEqual(all);
      expect(seen("expert1")).toEqual(all);
      expect(seen("ganzhou")).toEqual(visibility === "private" ? [byGanzhou] : all);
      expect(seen("linze")).toEqual(visibility === "private" ? [byLinze] : all);
      // the drafting team's reply is visible to the organisation that commented
      expect(listComments(ctx.ganzhou, roundId).find((c) => c.id === byGanzhou)!.replies[0].body).toBe("编制专班的回复");
      // an organisation that is not invited sees nothing: the round does not exist for it
      expect(code(() => listComments(ctx.gaotai, roundId))).toBe("404");
      expect(code(() => getRound(ctx.gaotai, roundId))).toBe("404");
      expect(listRounds(ctx.gaotai).map((r) => r.id)).not.toContain(roundId);
      // replying to a comment one may not see is "not found" as well
      expect(code(() => addReply(ctx.linze, byGanzhou, { body: "x" }))).toBe(visibility === "private" ? "404" : null);
      // experts read but cannot comment
      expect(code(() => createComment(ctx.expert1, roundId, { sectionId: section.id, anchor: null, body: "x", category: "other" }))).toBe(
        "403",
      );
    });
  }
});

describe("anchors", () => {
  it("refuses an anchor that does not quote the edition's text (400) and accepts one that does", () => {
    const roundId = open("private");
    const good = anchorOn(2);
    expect(
      code(() =>
        createComment(ctx.swj, roundId, {
          sectionId: section.id,
          anchor: { ...good, exact: "不存在的文字" },
          body: "x",
          category: "revise",
        }),
      ),
    ).toBe("400");
    expect(
      code(() =>
        createComment(ctx.swj, roundId, {
          sectionId: section.id,
          anchor: { ...good, start: good.start + 1 },
          body: "x",
          category: "revise",
        }),
      ),
    ).toBe("400");
    expect(code(() => createComment(ctx.swj, roundId, { sectionId: "sec_other", anchor: null, body: "x", category: "revise" }))).toBe(
      "400",
    );
    const { id } = createComment(ctx.swj, roundId, {
      sectionId: section.id,
      anchor: { ...good, prefix: "", suffix: "" },
      body: "水务局意见",
      category: "revise",
    });
    const stored = listComments(ctx.swj, roundId).find((c) => c.id === id)!;
    // the server stores the full 32-character context, whatever the client sent
    expect(stored.anchor).toEqual(buildAnchor(section.text, good.start, good.end));
  });
});

describe("formal reply and closing", () => {
  it("a 无意见 reply is valid and locks the organisation's comments (409)", () => {
    const roundId = open("private");
    const own = createComment(ctx.ganzhou, roundId, { sectionId: section.id, anchor: null, body: "先提一条", category: "other" }).id;
    withdrawComment(ctx.ganzhou, own);
    const r = submitReply(ctx.linze, roundId, { statement: "经认真研究，我单位对本规划（征求意见稿）无意见。" });
    expect(r.noComments).toBe(true);
    expect(code(() => submitReply(ctx.linze, roundId, { statement: "再交一次" }))).toBe("409");
    expect(code(() => createComment(ctx.linze, roundId, { sectionId: section.id, anchor: null, body: "x", category: "other" }))).toBe(
      "409",
    );
    submitReply(ctx.ganzhou, roundId, { statement: "无意见" });
    expect(code(() => editComment(ctx.ganzhou, own, { body: "改", category: "other" }))).toBe("409");
    const coverage = getRound(ctx.drafter, roundId).coverage;
    expect(coverage.find((c) => c.name === "临泽县")).toMatchObject({ state: "submitted", commentCount: 0 });
    expect(coverage.find((c) => c.name === "甘州区")).toMatchObject({ state: "submitted", commentCount: 0 });
    expect(coverage.find((c) => c.name === "市水务局")).toMatchObject({ state: "not_started" });
  });

  it("after closesAt every write is 409 征求意见已截止, and an extension reopens it (audited)", () => {
    const roundId = open("shared");
    const c = createComment(ctx.ganzhou, roundId, { sectionId: section.id, anchor: null, body: "截止前的意见", category: "revise" }).id;
    db.update(rounds)
      .set({ closesAt: new Date(Date.now() - 1000) })
      .where(eq(rounds.id, roundId))
      .run();
    const writes = [
      () => createComment(ctx.linze, roundId, { sectionId: section.id, anchor: null, body: "x", category: "other" }),
      () => addReply(ctx.drafter, c, { body: "x" }),
      () => editComment(ctx.ganzhou, c, { body: "x", category: "other" }),
      () => withdrawComment(ctx.ganzhou, c),
      () => submitReply(ctx.linze, roundId, { statement: "无意见" }),
    ];
    for (const w of writes) expect(code(w)).toBe("409");
    try {
      writes[0]();
    } catch (e) {
      expect((e as DomainError).messageKey).toBe("round.closed");
    }
    expect(getRound(ctx.ganzhou, roundId).open).toBe(false);
    extendRound(ctx.drafter, roundId, { closesAt: inFuture(3), reason: "县区申请延期" });
    expect(code(writes[1])).toBeNull();
    expect(code(() => extendRound(ctx.ganzhou, roundId, { closesAt: inFuture(5) }))).toBe("403");
  });

  it("only the author edits or withdraws, and edits keep the old wording", () => {
    const roundId = open("shared");
    const c = createComment(ctx.ganzhou, roundId, { sectionId: section.id, anchor: null, body: "原意见", category: "revise" }).id;
    expect(code(() => editComment(ctx.linze, c, { body: "改", category: "revise" }))).toBe("403");
    editComment(ctx.ganzhou, c, { body: "修改后的意见", category: "add" });
    expect(listComments(ctx.linze, roundId).find((x) => x.id === c)).toMatchObject({ body: "修改后的意见", category: "add" });
    const versions = db.$client.prepare("select body from comment_versions where comment_id = ?").all(c) as { body: string }[];
    expect(versions.map((v) => v.body)).toEqual(["原意见"]);
  });
});

describe("notifications", () => {
  it("tells the round's drafter about new comments and the author about replies", () => {
    const before = unreadCount(ctx.drafter);
    const roundId = open("private");
    const c = createComment(ctx.ganzhou, roundId, { sectionId: section.id, anchor: null, body: "请核实数据", category: "question" }).id;
    expect(unreadCount(ctx.drafter)).toBe(before + 1);
    const authorBefore = unreadCount(ctx.ganzhou);
    addReply(ctx.drafter, c, { body: "已核实" });
    expect(unreadCount(ctx.ganzhou)).toBe(authorBefore + 1);
    expect(listNotifications(ctx.ganzhou)[0]).toMatchObject({ kind: "reply_created" });
  });

  it("warns a reviewer once about a round closing within 3 days that their organisation has not answered", () => {
    const soon = openRound(ctx.drafter, editionId, {
      title: "即将截止的轮次",
      closesAt: inFuture(2),
      invitedOrganizationIds: [orgId("市水务局"), orgId("临泽县")],
      visibility: "private",
    }).id;
    const later = openRound(ctx.drafter, editionId, {
      title: "还早的轮次",
      closesAt: inFuture(10),
      invitedOrganizationIds: [orgId("市水务局")],
      visibility: "private",
    }).id;
    const closing = () =>
      listNotifications(ctx.swj)
        .filter((n) => n.kind === "round_closing")
        .map((n) => n.data.roundId);
    ensureClosingNotices(ctx.swj);
    ensureClosingNotices(ctx.swj);
    expect(closing().filter((id) => id === soon)).toHaveLength(1);
    expect(closing()).not.toContain(later);
    // an organisation that has answered is not reminded
    submitReply(ctx.linze, soon, { statement: "无意见" });
    ensureClosingNotices(ctx.linze);
    expect(listNotifications(ctx.linze).filter((n) => n.kind === "round_closing" && n.data.roundId === soon)).toHaveLength(0);
  });

  it("keeps the audit chain intact", () => {
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});
