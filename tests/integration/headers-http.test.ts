// Response headers of the built server: a per-request CSP nonce carried by every script the page has,
// no-store on per-user answers, and the __Host- session cookie under https.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server";

let s: TestServer;
let https: TestServer;
beforeAll(async () => {
  s = await startServer();
  https = await startServer({ origin: "https://portal.example.gov.cn" });
});
afterAll(() => {
  s?.stop();
  https?.stop();
});

const nonceOf = (res: Response) => {
  const csp = res.headers.get("content-security-policy") ?? "";
  const scriptSrc =
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc).not.toContain("unsafe-inline");
  const m = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scriptSrc);
  expect(m, scriptSrc).not.toBeNull();
  return m![1];
};

describe("Content-Security-Policy with a nonce", () => {
  it("names a fresh nonce per response, and every script tag of the page carries it", async () => {
    const drafter = await s.loginAs("drafter");
    for (const [path, cookie] of [
      ["/login", undefined],
      ["/rollup", drafter],
      ["/projects", drafter],
    ] as const) {
      const res = await s.get(path, cookie);
      expect(res.status, path).toBe(200);
      const nonce = nonceOf(res);
      const html = await res.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(1); // the hydration data and the module loader at least
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    const again = nonceOf(await s.get("/login"));
    expect(again).not.toBe(nonceOf(await s.get("/login")));
  });
});

describe("Cache-Control: no-store on per-user answers", () => {
  it("signed-in pages, page data and JSON are no-store; anonymous pages and static assets are not", async () => {
    const drafter = await s.loginAs("drafter");
    expect((await s.get("/rollup", drafter)).headers.get("cache-control")).toBe("private, no-store");
    expect((await s.get("/api/v1/me", drafter)).headers.get("cache-control")).toBe("private, no-store");
    expect((await s.get("/rollup.data", drafter)).headers.get("cache-control")).toBe("private, no-store");
    const login = await s.get("/login");
    expect(login.headers.get("cache-control") ?? "").not.toContain("no-store");
    const asset = /\/assets\/[^"]+\.js/.exec(await login.text())![0];
    const res = await s.get(asset, drafter);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toContain("immutable");
  });
  it("the log-in answer that sets the cookie is no-store", async () => {
    const res = await fetch(`${s.base}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: s.base, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: "drafter", password: "zhangye-2021" }),
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("the session cookie under https", () => {
  it("is __Host-portal_session with Secure, Path=/ and no Domain; the unprefixed name is not accepted", async () => {
    // as the reverse proxy forwards it: Host names the public host (Remix compares it with Origin)
    const { status, setCookie } = await new Promise<{ status: number; setCookie: string }>((resolve, reject) => {
      const body = new URLSearchParams({ username: "drafter", password: "zhangye-2021" }).toString();
      const req = request(
        `${https.base}/login`,
        {
          method: "POST",
          headers: {
            Host: "portal.example.gov.cn",
            Origin: "https://portal.example.gov.cn",
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, setCookie: String(res.headers["set-cookie"] ?? "") });
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    expect(status).toBe(302);
    expect(setCookie).toMatch(/^__Host-portal_session=[^;]+;/);
    expect(setCookie).toContain("Secure");
    expect(setCookie).toContain("Path=/");
    expect(setCookie).not.toMatch(/Domain=/i);
    const cookie = setCookie.split(";")[0];
    expect((await https.get("/api/v1/me", cookie)).status).toBe(200);
    expect((await https.get("/api/v1/me", cookie.replace("__Host-", ""))).status).toBe(401);
  });
  it("over http (no https ORIGIN) keeps the plain name", async () => {
    expect(await s.loginAs("drafter")).toMatch(/^portal_session=/);
  });
});
