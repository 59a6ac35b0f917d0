// Group commit (app/utils/group-commit.server.ts): every operation's write is there once its promise
// resolves, the connection is back at synchronous=FULL, and a failing operation changes nothing.
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createComment } from "../../app/models/comment-create.server";
import { groupCommit, walSynced } from "../../app/utils/group-commit.server";
import Database from "better-sqlite3";
import * as s from "~db/schema";
import { topUpDemoRound } from "../support/seed-large-plan";
import { createTestDb, ctxFor } from "./helpers";

describe("groupCommit", () => {
  const t = createTestDb();
  afterAll(() => t.cleanup());

  it("commits 40 concurrent comments, each readable from another connection when its promise resolves", async () => {
    const ctx = await ctxFor(t.db, "gaotai");
    const { roundId } = topUpDemoRound(t.db, 6);
    const section = t.db
      .select()
      .from(s.editionSections)
      .where(eq(s.editionSections.editionId, t.db.select().from(s.rounds).where(eq(s.rounds.id, roundId)).get()!.editionId))
      .get()!;
    const other = new Database(t.file, { readonly: true });
    const ids = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        groupCommit(t.db, () =>
          createComment(ctx, roundId, { sectionId: section.sectionId, body: `并发意见 ${i}`, category: "other" }),
        ).then(({ id }) => {
          expect(other.prepare("select count(*) as n from comments where id = ?").get(id)).toEqual({ n: 1 });
          return id;
        }),
      ),
    );
    other.close();
    expect(new Set(ids).size).toBe(40);
    expect(t.db.$client.pragma("synchronous", { simple: true })).toBe(2); // FULL again
  });

  it("restores synchronous=FULL and writes nothing when the operation throws", async () => {
    const ctx = await ctxFor(t.db, "gaotai");
    const before = t.db.select().from(s.comments).all().length;
    await expect(
      groupCommit(t.db, () => createComment(ctx, "rnd_missing", { sectionId: "x", body: "x", category: "other" })),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(t.db.select().from(s.comments).all().length).toBe(before);
    expect(t.db.$client.pragma("synchronous", { simple: true })).toBe(2);
    await expect(walSynced(t.db)).resolves.toBeUndefined();
  });
});
