// Comments of earlier rounds on later editions, orphans per round, and the change that carried out an
// answer — on the demo's 临泽县 plan (its own remarks: one passage reworded, one deleted in the 送审稿).
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { documents, editions, plans, rounds } from "~db/schema";
import { DELETED, REWORDED } from "~db/seed/later-edition";
import { adoptionInput } from "../../app/models/adoption.server";
import { answerChange, earlierRoundComments, orphanedComments } from "../../app/models/earlier-comments.server";
import { getComment } from "../../app/models/comment.server";
import { getEdition } from "../../app/models/edition.server";
import { adoptionTableRows } from "../../app/lib/adoption-table/rows";
import type { Ctx } from "../../app/utils/session.server";
import { createTestDb, ctxFor } from "./helpers";

let db: Db;
let cleanup: () => void;
const as: Record<string, Ctx> = {};
let later: string;
let first: string;
let roundId: string;
beforeAll(async () => {
  ({ db, cleanup } = createTestDb());
  for (const u of ["linze", "sthjj", "gaotai", "linze-drafter", "expert1"]) as[u] = await ctxFor(db, u);
  const plan = db.select().from(plans).where(eq(plans.region, "临泽县")).get()!;
  const doc = db
    .select()
    .from(documents)
    .where(and(eq(documents.planId, plan.id), eq(documents.kind, "text")))
    .get()!;
  const eds = db.select().from(editions).where(eq(editions.documentId, doc.id)).all();
  later = eds.find((e) => e.label === "送审稿")!.id;
  first = eds.find((e) => e.label === "征求意见稿")!.id;
  roundId = db.select().from(rounds).where(eq(rounds.editionId, first)).get()!.id;
});
afterAll(() => cleanup());

const all = (ctx: Ctx, editionId = later) =>
  Object.values(
    earlierRoundComments(
      ctx,
      editionId,
      getEdition(ctx, editionId).sections.map((s) => s.sectionId),
    ),
  ).flat();

describe("earlier rounds on a later edition", () => {
  it("shows a reviewer their own comments: one changed with the new wording, one removed with the hunk", () => {
    const mine = all(as.linze);
    expect(mine.map((c) => c.organization)).toEqual(["临泽县", "临泽县"]);
    const changed = mine.find((c) => c.quote === REWORDED)!;
    expect(changed.state).toBe("changed");
    expect(changed.now).toContain("西北生态环境资源研究院");
    expect(changed.now).toContain("修复成效监测");
    expect(changed.revision?.id).toMatch(/^rev_/);
    const removed = mine.find((c) => c.quote === DELETED)!;
    expect(removed).toMatchObject({ state: "orphaned", now: "", decision: "adopted" });
    expect(
      removed
        .hunk!.filter((o) => o.op === "delete")
        .map((o) => o.text)
        .join(""),
    ).toContain("全域土地综合整治的条件");
  });

  it("keeps the round's visibility: another invitee sees only its own, an organisation not invited nothing", () => {
    const sthjj = all(as.sthjj);
    expect(sthjj.length).toBeGreaterThan(0);
    expect(new Set(sthjj.map((c) => c.organization))).toEqual(new Set(["市生态环境局"]));
    expect(all(as.gaotai)).toEqual([]);
    const drafters = all(as["linze-drafter"]);
    expect(drafters.length).toBe(6);
    expect(drafters.filter((c) => c.state === "intact").length).toBe(4);
  });

  it("shows nothing on the edition the round was held on (only earlier rounds)", () => {
    expect(all(as["linze-drafter"], first)).toEqual([]);
  });

  it("answers only for the sections asked", () => {
    const sectionId = getComment(as.linze, all(as.linze)[0].id).sectionId;
    const one = earlierRoundComments(as.linze, later, [sectionId]);
    expect(Object.keys(one)).toEqual([sectionId]);
    expect(one[sectionId]).toHaveLength(2);
  });
});

describe("orphaned comments of a round", () => {
  it("lists the comment whose passage is gone in the newest edition, with the old passage, the hunk and the answer", () => {
    const o = orphanedComments(as["linze-drafter"], roundId);
    expect(o.edition?.label).toBe("送审稿");
    expect(o.items.map((i) => i.quote)).toEqual([DELETED]);
    expect(o.items[0]).toMatchObject({ sectionTitle: "修复潜力", decision: "adopted", sectionGone: false });
    expect(o.items[0].hunk!.some((x) => x.op === "delete" && x.text.includes("沙河、平川"))).toBe(true);
    // the reviewer sees it too (their own); another invitee does not
    expect(orphanedComments(as.linze, roundId).items).toHaveLength(1);
    expect(orphanedComments(as.sthjj, roundId).items).toHaveLength(0);
  });

  it("marks it in the adoption table, and names the revision that carried out the answers", () => {
    const rows = adoptionTableRows(adoptionInput(as["linze-drafter"], roundId));
    const removed = rows.find((r) => r.original.startsWith(DELETED))!;
    expect(removed.original).toContain("【原文已删除（送审稿）】");
    expect(removed.reason).toMatch(/见修订 rev_\w+（\d{4}-\d\d-\d\d）/);
    const changed = rows.find((r) => r.original === REWORDED)!;
    expect(changed.reason).toMatch(/见修订 rev_\w+/);
    expect(rows.filter((r) => r.original.includes("原文已删除"))).toHaveLength(1);
  });
});

describe("the change that carried out an answer", () => {
  it("is the hunk of the named revision at the passage", () => {
    const c = all(as["linze-drafter"]).find((x) => x.quote === REWORDED)!;
    const change = answerChange(as["linze-drafter"], getComment(as["linze-drafter"], c.id))!;
    expect(change.revision.id).toBe(c.revision!.id);
    const inserted = change.hunks
      .flat()
      .filter((o) => o.op === "insert")
      .map((o) => o.text)
      .join("");
    expect(inserted).toContain("西北生态环境资源研究院");
  });

  it("is null for a comment whose answer names no revision", () => {
    const c = all(as["linze-drafter"]).find((x) => !x.revision)!;
    expect(answerChange(as["linze-drafter"], getComment(as["linze-drafter"], c.id))).toBeNull();
  });
});
