// The workbench over HTTP with 2,000 more comments in the city round: pages of 50 sized by the page,
// filters in the URL, the drawer's row route answering one row; the group and assignee API.
import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, openDatabase } from "~db/client";
import { comments, organizations, users } from "~db/schema";
import { newId } from "../../app/lib/id";
import { rng } from "../../app/lib/random";
import { startServer, type TestServer } from "./server";

const EXTRA = 2000;
let s: TestServer;
let db: Db;
let drafter = "";
let roundId = "";
let similar: string[] = [];

const PHRASES = [
  "建议补充",
  "湿地保护率",
  "计算口径",
  "历史遗留矿山",
  "分县列明",
  "估算投资",
  "实施期限",
  "生态用水",
  "草畜平衡",
  "防风固沙",
  "水土流失",
  "项目入库",
  "资金来源",
  "责任单位",
  "监测评估",
  "黑河分水",
  "禁牧休牧",
  "砂石采坑",
  "森林覆盖率",
  "高标准农田",
];

/** Inserts `n` comments in the round, spread over the seeded comments' sections and the invited organisations (a bulk helper, no HTTP). */
function bulkComments(n: number) {
  const seeded = db.select().from(comments).where(eq(comments.roundId, roundId)).all();
  const orgs = db.select({ id: organizations.id }).from(organizations).all();
  const authors = db.select({ id: users.id, organizationId: users.organizationId }).from(users).all();
  const random = rng(12);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  db.transaction((tx) => {
    for (let i = 0; i < n; i++) {
      const base = seeded[i % seeded.length];
      const author = authors.find((a) => a.organizationId === base.organizationId) ?? pick(authors);
      const body = `第${i + 1}条批量意见：${Array.from({ length: 6 }, () => pick(PHRASES)).join("，")}。`;
      tx.insert(comments)
        .values({
          id: newId("cmt"),
          roundId,
          sectionId: base.sectionId,
          revisionId: base.revisionId,
          body,
          category: "other",
          authorId: author.id,
          organizationId: orgs.find((o) => o.id === base.organizationId)!.id,
          createdAt: new Date(Date.now() - (n - i) * 1000),
        })
        .run();
    }
  });
}

beforeAll(async () => {
  s = await startServer();
  db = openDatabase(s.dbFile, { runMigrations: false });
  const rows = db
    .select({ id: comments.id, roundId: comments.roundId })
    .from(comments)
    .where(like(comments.body, "%北山片区砂石采坑综合整治项目%"))
    .all();
  roundId = rows[0].roundId;
  similar = rows.map((r) => r.id);
  bulkComments(EXTRA);
  drafter = await s.loginAs("drafter");
}, 60_000);
afterAll(() => {
  db?.$client.close();
  s?.stop();
});

const rowNumbers = (html: string) => [...html.matchAll(/data-row="(\d+)"/g)].map((m) => Number(m[1]));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe("the workbench pages its rows", () => {
  it("page 1 and page 2 of 2,000+ comments: 50 rows each, numbered across the list, the page bounded in size", async () => {
    const first = await s.get(`/rounds/${roundId}/workbench`, drafter);
    expect(first.status).toBe(200);
    const html = await first.text();
    expect(Buffer.byteLength(html)).toBeLessThan(300 * 1024);
    expect(rowNumbers(html)).toEqual(range(1, 50));
    expect(html).toContain(`共 ${EXTRA + 9} 条`);

    const second = await (await s.get(`/rounds/${roundId}/workbench?page=2`, drafter)).text();
    expect(Buffer.byteLength(second)).toBeLessThan(300 * 1024);
    expect(rowNumbers(second)).toEqual(range(51, 100));
    expect(second).toContain("第 51–100 条");
  });

  it("filters stay in the URL and in the page links; filtering is done before paging", async () => {
    const html = await (await s.get(`/rounds/${roundId}/workbench?q=${encodeURIComponent("批量意见")}&page=3`, drafter)).text();
    expect(rowNumbers(html)).toEqual(range(101, 150));
    expect(html).toContain(`共 ${EXTRA} 条`);
    expect(html).toMatch(/href="\/rounds\/[^/]+\/workbench\?q=%E6%89%B9%E9%87%8F%E6%84%8F%E8%A7%81&amp;page=4"/);
    const last = await (await s.get(`/rounds/${roundId}/workbench?q=${encodeURIComponent("批量意见")}&page=999`, drafter)).text();
    expect(rowNumbers(last)).toEqual(range(1951, 2000));
    // a literal % is searched for, not a wildcard
    const none = await (await s.get(`/rounds/${roundId}/workbench?q=${encodeURIComponent("批量%")}`, drafter)).text();
    expect(rowNumbers(none)).toEqual([]);
  });

  it("is for the plan's drafters only", async () => {
    expect((await s.get(`/rounds/${roundId}/workbench`, await s.loginAs("ganzhou"))).status).toBe(403);
    expect((await s.get(`/rounds/${roundId}/workbench`, await s.loginAs("gaotai-drafter"))).status).toBe(403);
  });

  it("the drawer's answer goes to the row route, which answers with that one row", async () => {
    const form = new URLSearchParams({ intent: "answer", decision: "noted", reason: "已在说明书中说明。" });
    const res = await fetch(`${s.base}/rounds/${roundId}/workbench/rows/${similar[0]}`, {
      method: "POST",
      headers: { Origin: s.base, Cookie: drafter, "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(Buffer.byteLength(text)).toBeLessThan(4 * 1024);
    const body = JSON.parse(text);
    expect(body).toMatchObject({ ok: true, result: { message: "已保存答复。", row: { id: similar[0], decision: "noted" } } });
    const bad = await fetch(`${s.base}/rounds/${roundId}/workbench/rows/${similar[0]}`, {
      method: "POST",
      headers: { Origin: s.base, Cookie: drafter, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "answer", decision: "not_adopted" }),
    });
    expect(bad.status).toBe(400);
    const other = await fetch(`${s.base}/rounds/${roundId}/workbench/rows/${similar[0]}`, {
      method: "POST",
      headers: { Origin: s.base, Cookie: await s.loginAs("linze"), "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    expect(other.status).toBe(403);
    // a comment of another round through this round's row route
    const elsewhere = db
      .select({ id: comments.id, roundId: comments.roundId })
      .from(comments)
      .all()
      .find((c) => c.roundId !== roundId)!;
    const wrong = await fetch(`${s.base}/rounds/${roundId}/workbench/rows/${elsewhere.id}`, {
      method: "POST",
      headers: { Origin: s.base, Cookie: drafter, "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
    });
    expect(wrong.status).toBe(404);
  });
});

describe("the group and assignee API", () => {
  it("confirms, lists, answers once and dissolves a group; assigns a comment", async () => {
    const reviewer = await s.loginAs("gaotai");
    expect((await s.send("POST", `/api/v1/rounds/${roundId}/groups`, reviewer, { commentIds: similar })).status).toBe(403);
    expect((await s.send("POST", `/api/v1/rounds/${roundId}/groups`, drafter, { commentIds: [similar[0]] })).status).toBe(400);
    const created = await s.send("POST", `/api/v1/rounds/${roundId}/groups`, drafter, { commentIds: similar });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await s.send("POST", `/api/v1/rounds/${roundId}/groups`, drafter, { commentIds: similar })).status).toBe(409);
    const listed = await (await s.get(`/api/v1/rounds/${roundId}/groups`, drafter)).json();
    expect(listed.groups.map((g: { id: string }) => g.id)).toEqual([id]);
    expect((await s.get(`/api/v1/rounds/${roundId}/groups`, reviewer)).status).toBe(403);

    const answered = await s.send("PUT", `/api/v1/groups/${id}/response`, drafter, { decision: "adopted", reason: "" });
    expect(answered.status).toBe(200);
    expect((await answered.json()).commentIds).toHaveLength(3);
    const csv = await (await s.get(`/api/v1/rounds/${roundId}/adoption-table.csv`, drafter)).text();
    expect(csv.match(/条合并答复）/g)).toHaveLength(3);

    expect((await s.send("DELETE", `/api/v1/groups/${id}`, reviewer)).status).toBe(403);
    expect((await s.send("DELETE", `/api/v1/groups/${id}`, drafter)).status).toBe(200);
    expect((await s.send("DELETE", `/api/v1/groups/${id}`, drafter)).status).toBe(404);

    const me = await (await s.get("/api/v1/me", drafter)).json();
    const assigned = await s.send("PUT", `/api/v1/comments/${similar[1]}/assignee`, drafter, { assigneeId: me.id });
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toEqual({ commentId: similar[1], assigneeId: me.id });
    const county = await (await s.get("/api/v1/me", await s.loginAs("ganzhou-drafter"))).json();
    expect((await s.send("PUT", `/api/v1/comments/${similar[1]}/assignee`, drafter, { assigneeId: county.id })).status).toBe(400);
    const mine = await (await s.get(`/rounds/${roundId}/workbench?assignee=me`, drafter)).text();
    expect(rowNumbers(mine)).toEqual([1]);
    expect(mine).toContain(`data-comment-id="${similar[1]}"`);
  });
});
