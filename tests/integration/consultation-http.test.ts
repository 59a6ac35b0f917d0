// The consultation API over HTTP: statuses and shapes the README documents.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

let s: TestServer;
let drafter = "";
let editionId = "";
let sectionId = "";
let text = "";
const orgIds: Record<string, string> = {};

beforeAll(async () => {
  s = await startServer();
  drafter = await s.loginAs("drafter");
  for (const o of await (await s.get("/api/v1/organizations", drafter)).json()) orgIds[o.name] = o.id;
  const planId = (await (await s.get("/api/v1/plans", drafter)).json())[0].id;
  const plan = await (await s.get(`/api/v1/plans/${planId}`, drafter)).json();
  editionId = plan.editions[0].id;
  const edition = await (await s.get(`/api/v1/editions/${editionId}`, drafter)).json();
  sectionId = edition.sections[5].sectionId;
  text = (await (await s.get(`/api/v1/revisions/${edition.sections[5].revisionId}`, drafter)).json()).text;
});
afterAll(() => s?.stop());

describe("rounds, comments, replies and submissions", () => {
  it("runs a round end to end through the API", async () => {
    const closesAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const created = await s.send("POST", `/api/v1/editions/${editionId}/rounds`, drafter, {
      title: "API 测试轮次",
      closesAt,
      invitedOrganizationIds: [orgIds["甘州区"], orgIds["高台县"]],
      visibility: "shared",
    });
    expect(created.status).toBe(201);
    const { id: roundId } = await created.json();
    const round = await (await s.get(`/api/v1/rounds/${roundId}`, drafter)).json();
    expect(round).toMatchObject({
      id: roundId,
      editionId,
      visibility: "shared",
      invited: expect.arrayContaining([{ organizationId: orgIds["甘州区"], submittedAt: null }]),
    });
    expect(round.closesAt).toMatch(/\+08:00$/);

    const ganzhou = await s.loginAs("ganzhou");
    const start = 3;
    const exact = text.slice(start, start + 4);
    const anchor = { exact, prefix: text.slice(0, start), suffix: text.slice(start + 4, start + 36), start, end: start + 4 };
    const bad = await s.send("POST", `/api/v1/rounds/${roundId}/comments`, ganzhou, {
      sectionId,
      anchor: { ...anchor, exact: "对不上" },
      body: "x",
      category: "revise",
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("invalid");
    const invalidCategory = await s.send("POST", `/api/v1/rounds/${roundId}/comments`, ganzhou, {
      sectionId,
      anchor,
      body: "x",
      category: "praise",
    });
    expect(invalidCategory.status).toBe(400);
    const ok = await s.send("POST", `/api/v1/rounds/${roundId}/comments`, ganzhou, {
      sectionId,
      anchor,
      body: "甘州区：建议补充数据来源。",
      category: "add",
      proposedText: "（数据来源：第三次全国国土调查）",
    });
    expect(ok.status).toBe(201);
    const { id: commentId } = await ok.json();

    const reply = await s.send("POST", `/api/v1/comments/${commentId}/replies`, drafter, { body: "已补充。" });
    expect(reply.status).toBe(201);
    const list = await (await s.get(`/api/v1/rounds/${roundId}/comments`, ganzhou)).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: commentId,
      sectionId,
      anchor: { exact, start, end: start + 4 },
      category: "add",
      author: { username: "ganzhou" },
      organization: { name: "甘州区" },
      response: null,
    });
    expect(list[0].replies[0]).toMatchObject({ body: "已补充。", author: { username: "drafter" } });
    expect((await (await s.get(`/api/v1/comments/${commentId}`, ganzhou)).json()).id).toBe(commentId);

    // the notification link opens the reading view at the comment
    const link = await s.get(`/rounds/${roundId}/comments/${commentId}`, ganzhou);
    expect(link.status).toBe(302);
    expect(link.headers.get("location")).toBe(`/editions/${editionId}?round=${roundId}&comment=${commentId}#${sectionId}`);

    // anchors follow the text: after a revision that adds words before the passage, ?at= maps it
    const section = await (await s.get(`/api/v1/sections/${sectionId}`, drafter)).json();
    const content = section.currentRevision.content;
    const firstText = content.content.find((b: { content?: { text?: string }[] }) => b.content?.[0]?.text)!.content[0];
    firstText.text = `（修订）${firstText.text}`;
    const saved = await (
      await s.send("POST", `/api/v1/sections/${sectionId}/revisions`, drafter, {
        baseRevisionId: section.currentRevision.id,
        content,
        note: "在段首补充",
      })
    ).json();
    const mapped = await (await s.get(`/api/v1/comments/${commentId}?at=${saved.id}`, drafter)).json();
    expect(mapped.anchor).toEqual({ start: start + 4, end: start + 8, exact, state: "intact" });
    expect(saved.text.slice(mapped.anchor.start, mapped.anchor.end)).toBe(exact);
    // a reviewer cannot map onto the unpublished revision
    expect((await s.get(`/api/v1/comments/${commentId}?at=${saved.id}`, ganzhou)).status).toBe(404);

    // not invited: the round and its comments are not found
    const linze = await s.loginAs("linze");
    expect((await s.get(`/api/v1/rounds/${roundId}`, linze)).status).toBe(404);
    expect((await s.get(`/api/v1/rounds/${roundId}/comments`, linze)).status).toBe(404);
    expect((await s.get(`/api/v1/comments/${commentId}`, linze)).status).toBe(404);
    expect(
      (await s.send("POST", `/api/v1/rounds/${roundId}/comments`, linze, { sectionId, anchor: null, body: "x", category: "other" })).status,
    ).toBe(404);

    // the formal reply: 201, then 409 for a second one and for new comments
    const sub = await s.send("POST", `/api/v1/rounds/${roundId}/submissions`, ganzhou, { statement: "甘州区意见如上。" });
    expect(sub.status).toBe(201);
    expect((await s.send("POST", `/api/v1/rounds/${roundId}/submissions`, ganzhou, { statement: "again" })).status).toBe(409);
    const locked = await s.send("POST", `/api/v1/rounds/${roundId}/comments`, ganzhou, {
      sectionId,
      anchor: null,
      body: "x",
      category: "other",
    });
    expect(locked.status).toBe(409);
    expect((await s.get(`/api/v1/rounds/${roundId}`, drafter)).ok).toBe(true);
    const after = await (await s.get(`/api/v1/rounds/${roundId}`, drafter)).json();
    expect(after.invited.find((i: { organizationId: string }) => i.organizationId === orgIds["甘州区"]).submittedAt).toMatch(/\+08:00$/);

    // the adoption table: the whole round, so only for those who see the whole round
    expect((await s.get(`/api/v1/rounds/${roundId}/adoption-table.csv`, ganzhou)).status).toBe(403);
    const csv = await s.get(`/api/v1/rounds/${roundId}/adoption-table.csv`, drafter);
    expect(csv.status).toBe(200);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
    const body = new TextDecoder().decode(bytes);
    expect(body).toContain("序号,提出单位,章节,原文,意见,采纳情况,理由");
    expect(body).toContain("甘州区：建议补充数据来源。");
    for (const f of ["xlsx", "docx"]) {
      const res = await s.get(`/api/v1/rounds/${roundId}/adoption-table.${f}`, drafter);
      expect(res.status).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer()).slice(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    }
    const answered = await s.send("PUT", `/api/v1/comments/${commentId}/response`, drafter, { decision: "adopted", reason: "已补充" });
    expect(answered.status).toBe(200);
    expect((await s.send("PUT", `/api/v1/comments/${commentId}/response`, ganzhou, { decision: "adopted", reason: "" })).status).toBe(403);
    expect(await (await s.get(`/api/v1/rounds/${roundId}/adoption-table.csv`, drafter)).text()).toContain("采纳");

    // reviewers may not open rounds; a past deadline is refused
    expect(
      (
        await s.send("POST", `/api/v1/editions/${editionId}/rounds`, ganzhou, {
          title: "x",
          closesAt,
          invitedOrganizationIds: [orgIds["甘州区"]],
          visibility: "private",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await s.send("POST", `/api/v1/editions/${editionId}/rounds`, drafter, {
          title: "x",
          closesAt: "2020-01-01T00:00:00+08:00",
          invitedOrganizationIds: [orgIds["甘州区"]],
          visibility: "private",
        })
      ).status,
    ).toBe(400);
  });
});
