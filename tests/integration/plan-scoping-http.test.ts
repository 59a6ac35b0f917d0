// The same scoping seen from outside: pages and the API answer 403 to a county drafter on another
// county's plan and 409 on their own approved plan.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s?.stop());

async function firstSectionOf(cookie: string, region: string) {
  const plans = await (await s.get("/api/v1/plans", cookie)).json();
  const plan = plans.find((p: { region: string }) => p.region === region);
  const detail = await (await s.get(`/api/v1/plans/${plan.id}`, cookie)).json();
  const text = detail.documents.find((d: { kind: string }) => d.kind === "text");
  return text.sections[0] as { id: string; currentRevisionId: string };
}

describe("plan scoping over HTTP", () => {
  it("gaotai-drafter cannot open or save 甘州区's editor (403), but can its own", async () => {
    const gaotai = await s.loginAs("gaotai-drafter");
    const ganzhouDrafter = await s.loginAs("ganzhou-drafter");
    const theirs = await firstSectionOf(ganzhouDrafter, "甘州区");
    const page = await s.get(`/sections/${theirs.id}/edit`, gaotai);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("您只能编辑本单位负责编制的规划");
    const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "越权修改" }] }] };
    const api = await s.send("POST", `/api/v1/sections/${theirs.id}/revisions`, gaotai, {
      baseRevisionId: theirs.currentRevisionId,
      content,
      note: "x",
    });
    expect(api.status).toBe(403);
    expect((await api.json()).error.code).toBe("forbidden");
    const mine = await firstSectionOf(gaotai, "高台县");
    expect((await s.get(`/sections/${mine.id}/edit`, gaotai)).status).toBe(200);
  });

  it("shandan-drafter's approved plan is frozen: the editor page and the API answer 409", async () => {
    const shandan = await s.loginAs("shandan-drafter");
    const mine = await firstSectionOf(shandan, "山丹县");
    const page = await s.get(`/sections/${mine.id}/edit`, shandan);
    expect(page.status).toBe(409);
    expect(await page.text()).toContain("成果已冻结");
    const content = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "批复后修改" }] }] };
    const api = await s.send("POST", `/api/v1/sections/${mine.id}/revisions`, shandan, {
      baseRevisionId: mine.currentRevisionId,
      content,
      note: "x",
    });
    expect(api.status).toBe(409);
  });
});
