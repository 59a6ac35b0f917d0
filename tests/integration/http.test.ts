// The built server over real HTTP: status codes and error shapes the README documents, the Origin check,
// and the session cookie. Needs `npm run build` first (npm test does it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

let server: TestServer;
let base = "";
let loginAs: TestServer["loginAs"];
let get: TestServer["get"];

beforeAll(async () => {
  server = await startServer();
  ({ base, loginAs, get } = server);
});

afterAll(() => server?.stop());

describe("health and errors", () => {
  it("answers /healthz", async () => {
    const res = await get("/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it("answers 401 with the error shape when not logged in", async () => {
    const res = await get("/api/v1/me");
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error.code).toBe("unauthorized");
    expect(typeof body.error.message).toBe("string");
  });

  it("redirects pages to the login page when not logged in", async () => {
    const res = await get("/admin");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/login?redirectTo=%2Fadmin");
  });
});

describe("the read API", () => {
  it("answers me, organizations, plans and a plan as the README documents", async () => {
    const cookie = await loginAs("ganzhou");
    const me = await (await get("/api/v1/me", cookie)).json();
    expect(me).toMatchObject({ username: "ganzhou", role: "reviewer", organization: { name: "甘州区", kind: "county" } });
    const orgs = await (await get("/api/v1/organizations", cookie)).json();
    expect(orgs.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining([
        "甘州区",
        "临泽县",
        "高台县",
        "山丹县",
        "民乐县",
        "肃南县",
        "市发展和改革委员会",
        "市生态环境局",
        "市水务局",
        "市林业和草原局",
        "张掖市自然资源局",
        "规划编制专班",
        "专家组",
      ]),
    );
    const plans = await (await get("/api/v1/plans", cookie)).json();
    expect(plans).toHaveLength(7);
    expect(plans[0]).toMatchObject({
      title: "张掖市国土空间生态修复规划（2021—2035年）",
      level: "city",
      stage: "consultation",
      parentPlanId: null,
      organization: { name: "规划编制专班" },
    });
    expect(
      plans.slice(1).map((p: { title: string; level: string; parentPlanId: string }) => [p.title.slice(0, 5), p.level, p.parentPlanId]),
    ).toEqual(["张掖市甘州", "临泽县国土", "高台县国土", "山丹县国土", "民乐县国土", "肃南裕固族"].map((t) => [t, "county", plans[0].id]));
    expect(plans[3].organization.name).toBe("高台县自然资源局");
    const plan = await (await get(`/api/v1/plans/${plans[0].id}`, cookie)).json();
    const text = plan.documents.find((d: { kind: string }) => d.kind === "text");
    expect(text.sections.length).toBeGreaterThanOrEqual(6);
    expect(plan.editions[0].label).toBe("征求意见稿");
    expect(plan.editions[0].publishedAt).toMatch(/\+08:00$/);
    expect(plan.rounds).toHaveLength(1);
    expect(plan.reviews).toHaveLength(0); // a county is not on the expert panel
  });

  it("shows a reviewer published revisions only: unpublished ones are 404 (to a drafter 200)", async () => {
    const drafter = await loginAs("drafter");
    const reviewer = await loginAs("linze");
    const plans = await (await get("/api/v1/plans", drafter)).json();
    const plan = await (await get(`/api/v1/plans/${plans[0].id}`, drafter)).json();
    const topic = plan.documents.find((d: { kind: string }) => d.kind === "topic_report");
    const unpublished = topic.sections[0];
    expect((await get(`/api/v1/revisions/${unpublished.currentRevisionId}`, drafter)).status).toBe(200);
    const hidden = await get(`/api/v1/revisions/${unpublished.currentRevisionId}`, reviewer);
    expect(hidden.status).toBe(404);
    expect((await hidden.json()).error.code).toBe("not_found");
    expect((await get(`/api/v1/sections/${unpublished.id}`, reviewer)).status).toBe(404);

    const text = plan.documents.find((d: { kind: string }) => d.kind === "text");
    const section = await (await get(`/api/v1/sections/${text.sections[2].id}`, reviewer)).json();
    expect(section.currentRevision.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(section.currentRevision.content.type).toBe("doc");
    expect(section.revisions.length).toBeGreaterThanOrEqual(1);
    // the reviewer's history holds only revisions that some edition published
    const drafterView = await (await get(`/api/v1/sections/${text.sections[2].id}`, drafter)).json();
    expect(drafterView.revisions.length).toBeGreaterThanOrEqual(section.revisions.length);
    const revision = await (await get(`/api/v1/revisions/${section.currentRevision.id}`, reviewer)).json();
    expect(revision).toMatchObject({ id: section.currentRevision.id, sectionId: text.sections[2].id, hash: section.currentRevision.hash });
    expect(revision.createdAt).toMatch(/\+08:00$/);
  });

  it("serves the Chinese reading view as clean UTF-8 (no NUL bytes from the stream renderer)", async () => {
    const cookie = await loginAs("drafter");
    const plan = await (await get(`/api/v1/plans/${(await (await get("/api/v1/plans", cookie)).json())[0].id}`, cookie)).json();
    const res = await get(`/editions/${plan.editions[0].id}?round=${plan.rounds[0].id}`, cookie);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(50_000);
    expect(bytes.includes(0)).toBe(false);
    expect(new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toContain("黑河");
  });

  it("answers 404 for unknown ids and unknown API paths", async () => {
    const cookie = await loginAs("drafter");
    expect((await get("/api/v1/plans/plan_nope", cookie)).status).toBe(404);
    expect((await get("/api/v1/sections/sec_nope", cookie)).status).toBe(404);
    const unknown = await get("/api/v1/no-such-thing", cookie);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
  });

  it("answers 403 for what the role may not do", async () => {
    const reviewer = await loginAs("sunan");
    const res = await get("/api/v1/audit/verify", reviewer);
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
    expect((await get("/admin", reviewer)).status).toBe(403);
    const admin = await loginAs("admin");
    const audit = await (await get("/api/v1/audit/verify", admin)).json();
    expect(audit).toMatchObject({
      ok: true,
      firstBrokenEventId: null,
      broken: [],
      brokenCount: 0,
      head: { events: audit.events, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), sm3: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    // a head that was never in the chain does not verify
    expect(await (await get(`/api/v1/audit/verify?head=${"f".repeat(64)}`, admin)).json()).toMatchObject({
      ok: false,
      earlierHeadFound: false,
    });
    expect(await (await get(`/api/v1/audit/verify?head=${audit.head.sha256}`, admin)).json()).toMatchObject({
      ok: true,
      earlierHeadFound: true,
    });
  });
});

describe("Origin check", () => {
  it("refuses a cross-origin login with 403 and sets no cookie", async () => {
    const res = await fetch(`${base}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: "drafter", password: "zhangye-2021" }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("refuses a cross-origin logout: the session survives", async () => {
    const cookie = await loginAs("minle");
    const res = await fetch(`${base}/logout`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: "https://evil.example", Cookie: cookie },
    });
    expect(res.status).toBe(403);
    expect((await get("/api/v1/me", cookie)).status).toBe(200);
  });

  it("refuses cross-origin API writes with the JSON error shape", async () => {
    const cookie = await loginAs("drafter");
    const res = await fetch(`${base}/api/v1/plans`, {
      method: "POST",
      headers: { Origin: "http://localhost:9999", Cookie: cookie, "Content-Type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe("forbidden");
  });

  it("refuses a cross-site form post that carries no Origin but Sec-Fetch-Site", async () => {
    const res = await fetch(`${base}/locale`, {
      method: "POST",
      redirect: "manual",
      headers: { "Sec-Fetch-Site": "cross-site", "Content-Type": "application/x-www-form-urlencoded" },
      body: "locale=en",
    });
    expect(res.status).toBe(403);
  });
});

describe("login over HTTP", () => {
  it("a wrong password gets 401, a clear message and no cookie", async () => {
    const res = await fetch(`${base}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded", Accept: "text/html" },
      body: new URLSearchParams({ username: "fgw", password: "wrong-password" }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.text()).toContain("用户名或密码不正确");
  });

  it("logout ends the session", async () => {
    const cookie = await loginAs("gaotai");
    const res = await fetch(`${base}/logout`, { method: "POST", redirect: "manual", headers: { Origin: base, Cookie: cookie } });
    expect(res.status).toBe(302);
    expect(res.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect((await get("/api/v1/me", cookie)).status).toBe(401);
  });
});
