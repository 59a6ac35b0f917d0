// Holes from the security read-through (issue 10), over HTTP against the built server: open redirects,
// request body caps (streamed and chunked bodies too) and the login throttle's 429 answer.
// Needs `npx remix vite:build` first.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

let server: TestServer;
let cookie = "";
beforeAll(async () => {
  server = await startServer();
  cookie = await server.loginAs("drafter");
}, 60_000);
afterAll(() => server?.stop());

const KB = 1024;

/** A body sent in chunks with no Content-Length (Transfer-Encoding: chunked), `total` bytes of `fill`. */
function chunked(total: number, prefix = "", fill = "a"): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === 0 && prefix) {
        controller.enqueue(enc.encode(prefix));
        sent += prefix.length;
        return;
      }
      if (sent >= total) return controller.close();
      const n = Math.min(16 * KB, total - sent);
      controller.enqueue(enc.encode(fill.repeat(n)));
      sent += n;
    },
  });
}

async function post(path: string, body: BodyInit | ReadableStream, headers: Record<string, string>) {
  const res = await fetch(`${server.base}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.base, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return {
    status: res.status,
    location: res.headers.get("location"),
    retryAfter: res.headers.get("retry-after"),
    text: await res.text().catch(() => ""),
  };
}

const form = { "Content-Type": "application/x-www-form-urlencoded" };

describe("open redirect after log-in", () => {
  it.each(["/%09/evil.example", "/%5C/evil.example", "/\\evil.example", "//evil.example", "/%0d%0a/evil.example", "https://evil.example/"])(
    "redirectTo=%s stays on the portal",
    async (to) => {
      // a logged-in visitor is sent on at once by the loader
      const page = await server.get(`/login?redirectTo=${encodeURIComponent(to)}`, cookie);
      expect(page.status).toBe(302);
      expect(page.headers.get("location")).toBe("/");
      // and the log-in form posts it back
      const res = await post("/login", new URLSearchParams({ username: "linze", password: "zhangye-2021", redirectTo: to }), form);
      expect(res.status).toBe(302);
      expect(res.location).toBe("/");
    },
  );
  it("the raw tab the old check let through", async () => {
    const page = await fetch(`${server.base}/login?redirectTo=/%09/evil.example`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(page.headers.get("location")).toBe("/");
    const res = await post("/locale", new URLSearchParams({ locale: "en", redirectTo: "/\t/evil.example" }), form);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/");
  });
  it("same-origin paths still come back", async () => {
    const res = await post("/login", new URLSearchParams({ username: "linze", password: "zhangye-2021", redirectTo: "/plans?x=1" }), form);
    expect(res.location).toBe("/plans?x=1");
    const locale = await post("/locale", new URLSearchParams({ locale: "zh-CN", redirectTo: "/login?redirectTo=%2Fplans" }), form);
    expect(locale.location).toBe("/login?redirectTo=%2Fplans");
  });
});

describe("request body caps", () => {
  it("refuses a form over 64 KB before authentication: declared, and chunked", async () => {
    const big = new URLSearchParams({ username: "linze", password: "zhangye-2021", filler: "a".repeat(65 * KB) }).toString();
    expect((await post("/login", big, form)).status).toBe(413);
    expect((await post("/login", chunked(200 * KB, "username=linze&password=zhangye-2021&filler="), form)).status).toBe(413);
    expect((await post("/locale", chunked(200 * KB, "locale=en&filler="), form)).status).toBe(413);
    // a body with no type at all is a form too
    expect((await post("/locale", chunked(200 * KB), {})).status).toBe(413);
  });
  it("refuses a multipart form to the log-in page over 64 KB, and multipart without a length", async () => {
    const fd = new FormData();
    fd.set("username", "linze");
    fd.set("password", "zhangye-2021");
    fd.set("filler", "a".repeat(80 * KB));
    expect((await post("/login", fd, {})).status).toBe(413);
    expect((await post("/login", chunked(10 * KB, "--x\r\n"), { "Content-Type": "multipart/form-data; boundary=x" })).status).toBe(411);
  });
  it("a small chunked form still logs in", async () => {
    const res = await post("/login", chunked(0, "username=linze&password=zhangye-2021&redirectTo=%2Fplans"), form);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/plans");
  });
  it("refuses JSON over 2 MB, chunked or declared, as a JSON error", async () => {
    const path = "/api/v1/plans/nope/projects";
    const chunkedRes = await post(path, chunked(3 * KB * KB, '{"name":"', "b"), { "Content-Type": "application/json", Cookie: cookie });
    expect(chunkedRes.status).toBe(413);
    expect(JSON.parse(chunkedRes.text).error.code).toBe("too_large");
    const declared = await post(path, JSON.stringify({ name: "c".repeat(2 * KB * KB + 10) }), {
      "Content-Type": "application/json",
      Cookie: cookie,
    });
    expect(declared.status).toBe(413);
    // under 2 MB the route answers as before (here: 404 for an unknown plan)
    expect((await post(path, JSON.stringify({ name: "x" }), { "Content-Type": "application/json", Cookie: cookie })).status).toBe(404);
  });
  it("a page form over 64 KB is refused even when signed in", async () => {
    expect((await post("/admin", chunked(100 * KB, "intent=x&filler="), { ...form, Cookie: cookie })).status).toBe(413);
  });
  it("the server is still up and answering after refusing bodies", async () => {
    expect((await fetch(`${server.base}/healthz`)).ok).toBe(true);
  });
  it("a raw chunked request gets its 413 before the body is sent in full", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${server.base}/login`);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: "/login",
          method: "POST",
          headers: { Origin: server.base, "Content-Type": "application/x-www-form-urlencoded", "Transfer-Encoding": "chunked" },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on("error", reject);
      // 70 KB, then the request stays open: a reader that waited for the end would never answer
      req.write(`username=x&filler=${"a".repeat(70 * KB)}`);
    });
    expect(status).toBe(413);
  });
});

describe("login throttle over HTTP", () => {
  it("answers 429 with Retry-After and the page's message after five failures", async () => {
    for (let i = 0; i < 5; i++)
      expect((await post("/login", new URLSearchParams({ username: "minle", password: `wrong-${i}-password` }), form)).status).toBe(401);
    const res = await post("/login", new URLSearchParams({ username: "minle", password: "zhangye-2021" }), form);
    expect(res.status).toBe(429);
    expect(Number(res.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(res.retryAfter)).toBeLessThanOrEqual(2);
    expect(res.text).toContain("登录失败次数过多");
    // the same address is not locked out for a colleague
    expect((await post("/login", new URLSearchParams({ username: "gaotai", password: "zhangye-2021" }), form)).status).toBe(302);
    // and after the wait the right password works
    await new Promise((r) => setTimeout(r, 2100));
    expect((await post("/login", new URLSearchParams({ username: "minle", password: "zhangye-2021" }), form)).status).toBe(302);
  });
});
