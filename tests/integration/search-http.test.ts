// GET /api/v1/search and /search over HTTP: the JSON shape, 401 without a session, 400 on a query that
// is too long, FTS5 syntax typed by a user answered as plain characters, the page's marked snippet.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

let s: TestServer;
beforeAll(async () => {
  s = await startServer();
});
afterAll(() => s?.stop());

const api = (q: string, extra = "") => `/api/v1/search?q=${encodeURIComponent(q)}${extra}`;

describe("search over HTTP", () => {
  it("answers {results: [...]} with the documented fields", async () => {
    const gaotai = await s.loginAs("gaotai");
    const res = await s.get(api("巷道镇", "&limit=5"), gaotai);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results.length).toBeGreaterThan(0);
    expect(body.results.length).toBeLessThanOrEqual(5);
    const comment = body.results.find((r: { kind: string }) => r.kind === "comment");
    expect(comment).toMatchObject({ kind: "comment", organization: "高台县" });
    for (const key of ["id", "planId", "sectionId", "number", "title", "url", "roundId"]) expect(typeof comment[key]).toBe("string");
    const m = comment.snippet.matches[0];
    expect(comment.snippet.text.slice(m.start, m.end)).toBe("巷道镇");
  });

  it("401 without a session; 400 for a query over 1000 characters", async () => {
    expect((await s.get(api("湿地"), "")).status).toBe(401);
    const drafter = await s.loginAs("drafter");
    const long = await s.get(api("湿".repeat(1001)), drafter);
    expect(long.status).toBe(400);
    expect((await long.json()).error.code).toBe("invalid");
  });

  it("FTS5 operators and quotes are searched as characters, never a 500", async () => {
    const drafter = await s.loginAs("drafter");
    for (const q of ['"', '""', "*", "OR", "(", "生态 OR", 'NEAR("a"', "^", "湿地*", "{col}:x"]) {
      const res = await s.get(api(q), drafter);
      expect(res.status, q).toBe(200);
      expect(Array.isArray((await res.json()).results)).toBe(true);
    }
  });

  it("the results page marks the match with <mark>, escaped, and the header box keeps the query", async () => {
    const gaotai = await s.loginAs("gaotai");
    const res = await s.get(`/search?q=${encodeURIComponent("巷道")}`, gaotai);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<mark>巷道</mark>");
    expect(html).toMatch(/data-kind="comment"/);
    expect(html.match(/value="巷道"/g)?.length).toBe(2); // the header box and the page's own box
    const hostile = await (await s.get(`/search?q=${encodeURIComponent("<script>alert(1)</script>")}`, gaotai)).text();
    expect(hostile).not.toContain("<script>alert(1)</script>");
  });
});
