// GET /api/v1/rounds/:id/comments in pages: the domain call (a stable order, a cursor, visibility in the
// SQL) and, over HTTP, the Link header that leads from page to page.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listCommentsPage } from "../../app/models/comment-page.server";
import { openDatabase } from "~db/client";
import * as s from "~db/schema";
import { seedLargePlan, topUpDemoRound } from "../support/seed-large-plan";
import { createTestDb, ctxFor } from "./helpers";
import { startServer, type TestServer } from "./server";

type Page = ReturnType<typeof listCommentsPage>;

function allPages(read: (after: string | null) => Page) {
  const pages: Page[] = [];
  let after: string | null = null;
  do {
    const page = read(after);
    pages.push(page);
    after = page.next;
  } while (after && pages.length < 10);
  return pages;
}

describe("listCommentsPage", () => {
  const t = createTestDb();
  let roundId = "";
  let shared = "";
  beforeAll(() => {
    roundId = topUpDemoRound(t.db, 1100).roundId;
    shared = seedLargePlan(t.db, { comments: 300, plan: { chars: 60_000, chapters: 5, subsections: 3 } }).roundId;
  }, 120_000);
  afterAll(() => t.cleanup());

  it("gives the drafting team 1,100 comments in three pages of at most 500, each once, in a stable order", async () => {
    const ctx = await ctxFor(t.db, "drafter");
    const pages = allPages((after) => listCommentsPage(ctx, roundId, { after }));
    expect(pages.map((p) => p.comments.length)).toEqual([500, 500, 100]);
    expect(pages.map((p) => p.next === null)).toEqual([false, false, true]);
    const ids = pages.flatMap((p) => p.comments.map((c) => c.id));
    expect(new Set(ids).size).toBe(1100);
    const inDb = t.db.select({ id: s.comments.id }).from(s.comments).where(eq(s.comments.roundId, roundId)).all();
    expect([...ids].sort()).toEqual(inDb.map((x) => x.id).sort());
    const again = allPages((after) => listCommentsPage(ctx, roundId, { after })).flatMap((p) => p.comments.map((c) => c.id));
    expect(again).toEqual(ids);
    expect(pages[0].comments[0]).toMatchObject({
      roundId,
      author: { username: expect.any(String) },
      organization: { name: expect.any(String) },
      replies: expect.any(Array),
    });
  });

  it("keeps visibility in the query: a county in a private round pages through its own comments only", async () => {
    const ctx = await ctxFor(t.db, "ganzhou");
    const pages = allPages((after) => listCommentsPage(ctx, roundId, { after, limit: "40" }));
    const seen = pages.flatMap((p) => p.comments);
    expect(seen.length).toBeGreaterThan(40);
    expect(seen.every((c) => c.organization.id === ctx.user.organization.id)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.comments.length === 40)).toBe(true);
    const ownInRound = t.db
      .select({ id: s.comments.id, org: s.comments.organizationId })
      .from(s.comments)
      .where(eq(s.comments.roundId, roundId))
      .all()
      .filter((x) => x.org === ctx.user.organization.id);
    expect(seen.map((c) => c.id).sort()).toEqual(ownInRound.map((x) => x.id).sort());
  });

  it("hides other organisations' withdrawn comments in a shared round, and clamps and checks the query", async () => {
    const ctx = await ctxFor(t.db, "ganzhou");
    const other = t.db
      .select()
      .from(s.comments)
      .where(eq(s.comments.roundId, shared))
      .all()
      .find((c) => c.organizationId !== ctx.user.organization.id)!;
    t.db.update(s.comments).set({ withdrawnAt: new Date() }).where(eq(s.comments.id, other.id)).run();
    const page = listCommentsPage(ctx, shared, { limit: "5000" });
    expect(page.limit).toBe(1000);
    expect(page.comments).toHaveLength(299);
    expect(page.comments.some((c) => c.id === other.id)).toBe(false);
    expect(page.comments.some((c) => c.organization.id !== ctx.user.organization.id)).toBe(true);
    expect(() => listCommentsPage(ctx, shared, { after: other.id })).toThrow(expect.objectContaining({ code: "invalid" }));
    expect(() => listCommentsPage(ctx, shared, { limit: "zero" })).toThrow(expect.objectContaining({ name: "ZodError" }));
    const drafter = await ctxFor(t.db, "drafter");
    expect(listCommentsPage(drafter, shared, {}).comments).toHaveLength(300);
  });
});

describe("GET /api/v1/rounds/:id/comments over HTTP", () => {
  let server: TestServer;
  let roundId = "";
  beforeAll(async () => {
    server = await startServer();
    const db = openDatabase(server.dbFile, { runMigrations: false });
    roundId = topUpDemoRound(db, 1100).roundId;
    db.$client.close();
  }, 120_000);
  afterAll(() => server?.stop());

  it("follows Link rel=next through three pages and stops on the last", async () => {
    const cookie = await server.loginAs("drafter");
    let url: string | null = `/api/v1/rounds/${roundId}/comments`;
    const sizes: number[] = [];
    const ids = new Set<string>();
    while (url && sizes.length < 5) {
      const res = await server.get(url, cookie);
      expect(res.status).toBe(200);
      const page = (await res.json()) as { id: string }[];
      sizes.push(page.length);
      for (const c of page) ids.add(c.id);
      const link = res.headers.get("link");
      url = link ? /^<([^>]+)>; rel="next"$/.exec(link)![1] : null;
    }
    expect(sizes).toEqual([500, 500, 100]);
    expect(ids.size).toBe(1100);
    const small = await server.get(`/api/v1/rounds/${roundId}/comments?limit=1000`, cookie);
    expect(((await small.json()) as unknown[]).length).toBe(1000);
    expect(small.headers.get("link")).toContain("limit=1000");
    expect((await server.get(`/api/v1/rounds/${roundId}/comments?after=cmt_nothing`, cookie)).status).toBe(400);
    expect((await server.get(`/api/v1/rounds/${roundId}/comments?limit=0`, cookie)).status).toBe(400);
  });
});
