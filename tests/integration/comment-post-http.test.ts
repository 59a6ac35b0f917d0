// POST /api/v1/rounds/:id/comments has two ways in: server.mjs answers it outside Remix's router when
// bodyLimit() has read the body (JSON, forms, text), and the Remix route takes a body sent as an upload
// type. Both run app/http/comment-post.server.ts: every answer must be the same either way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

let s: TestServer;
let roundId = "";
let sectionId = "";
let text = "";
let ganzhou = "";

beforeAll(async () => {
  s = await startServer();
  const drafter = await s.loginAs("drafter");
  const orgs: { id: string; name: string }[] = await (await s.get("/api/v1/organizations", drafter)).json();
  const ganzhouOrgId = orgs.find((o) => o.name === "甘州区")!.id;
  const planId = (await (await s.get("/api/v1/plans", drafter)).json())[0].id;
  const editionId = (await (await s.get(`/api/v1/plans/${planId}`, drafter)).json()).editions[0].id;
  const edition = await (await s.get(`/api/v1/editions/${editionId}`, drafter)).json();
  sectionId = edition.sections[3].sectionId;
  text = (await (await s.get(`/api/v1/revisions/${edition.sections[3].revisionId}`, drafter)).json()).text;
  const round = await s.send("POST", `/api/v1/editions/${editionId}/rounds`, drafter, {
    title: "两种入口",
    closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    invitedOrganizationIds: [ganzhouOrgId],
    visibility: "private",
  });
  expect(round.status).toBe(201);
  roundId = (await round.json()).id;
  ganzhou = await s.loginAs("ganzhou");
});
afterAll(() => s?.stop());

/** One POST; `upload: true` sends the same bytes as application/octet-stream, which only the Remix route reads. */
async function post(body: string, { upload = false, cookie = ganzhou, lang = "", round = roundId } = {}) {
  const res = await fetch(`${s.base}/api/v1/rounds/${round}/comments`, {
    method: "POST",
    headers: {
      Origin: s.base,
      "Content-Type": upload ? "application/octet-stream" : "application/json",
      ...(cookie ? { Cookie: cookie } : {}),
      ...(lang ? { "Accept-Language": lang } : {}),
    },
    body,
  });
  const json = await res.json();
  // how the test tells the two ways apart: server.mjs ends its answer in one piece (Content-Length),
  // Remix's adapter streams the Response (chunked)
  const via = res.headers.get("content-length") ? "server.mjs" : "remix";
  return {
    via,
    status: res.status,
    type: res.headers.get("content-type"),
    cacheControl: res.headers.get("cache-control"),
    csp: !!res.headers.get("content-security-policy"),
    json,
  };
}

describe("a comment POST answered outside Remix's router and through it", () => {
  it("creates the comment either way, with the same 201 answer", async () => {
    const anchor = { exact: text.slice(2, 8), prefix: text.slice(0, 2), suffix: text.slice(8, 40), start: 2, end: 8 };
    const answers = [];
    for (const upload of [false, true]) {
      const a = await post(JSON.stringify({ sectionId, anchor, body: `两种入口 ${upload}`, category: "revise" }), { upload });
      expect(a.status).toBe(201);
      expect(Object.keys(a.json)).toEqual(["id"]);
      const stored = await (await s.get(`/api/v1/comments/${a.json.id}`, ganzhou)).json();
      expect(stored).toMatchObject({ roundId, sectionId, anchor, body: `两种入口 ${upload}`, category: "revise" });
      expect(a.via).toBe(upload ? "remix" : "server.mjs");
      answers.push({ ...a, json: null, via: null });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({ type: "application/json; charset=utf-8", cacheControl: "private, no-store", csp: true });
  });

  it("refuses the same way: invalid, malformed, not logged in, unknown round, too large", async () => {
    const big = JSON.stringify({ sectionId, body: "长".repeat(90_000), category: "revise" }); // 270 KB, over the 256 KB cap
    const cases: [string, Parameters<typeof post>[0], Parameters<typeof post>[1], number, string][] = [
      ["zod", JSON.stringify({ sectionId, body: "", category: "x" }), {}, 400, "invalid"],
      ["malformed", "{x", {}, 400, "invalid"],
      [
        "anchor",
        JSON.stringify({ sectionId, anchor: { exact: "对不上", start: 0, end: 3 }, body: "x", category: "revise" }),
        {},
        400,
        "invalid",
      ],
      ["anonymous", "{}", { cookie: "", lang: "en" }, 401, "unauthorized"],
      ["unknown round", JSON.stringify({ sectionId, body: "x", category: "revise" }), { round: "rnd_nope" }, 404, "not_found"],
      ["too large", big, {}, 413, "too_large"],
    ];
    for (const [name, body, options, status, code] of cases) {
      const fast = await post(body, options);
      const remix = await post(body, { ...options, upload: true });
      expect({ name, status: fast.status, code: fast.json.error?.code }).toEqual({ name, status, code });
      expect([fast.via, remix.via]).toEqual(["server.mjs", "remix"]);
      expect({ name, ...fast, via: null }).toEqual({ name, ...remix, via: null });
    }
    // the messages are in the caller's language: English for the anonymous caller asking in English
    expect((await post("{}", { cookie: "", lang: "en" })).json.error.message).toBe("Please log in first.");
    expect((await post("{x")).json.error.issues).toEqual([{ path: "", message: "malformed JSON" }]);
  });

  it("leaves other methods to the Remix route (405)", async () => {
    const res = await s.send("PUT", `/api/v1/rounds/${roundId}/comments`, ganzhou, {});
    expect(res.status).toBe(405);
    expect((await res.json()).error.code).toBe("method_not_allowed");
  });
});
