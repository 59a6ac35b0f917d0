import { describe, expect, it } from "vitest";
import { cachePolicyFor, contentSecurityPolicy, newNonce } from "./security.mjs";

describe("contentSecurityPolicy", () => {
  it("allows scripts from our origin and with this response's nonce only, never 'unsafe-inline'", () => {
    const csp = contentSecurityPolicy("abc123==");
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src "));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc123=='");
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
  it("makes a different 128-bit nonce every time", () => {
    const a = newNonce();
    expect(Buffer.from(a, "base64").length).toBe(16);
    expect(newNonce()).not.toBe(a);
  });
});

describe("cachePolicyFor", () => {
  const h = (init: Record<string, string>) => new Headers(init);
  it("no-store on HTML and JSON to a signed-in request", () => {
    expect(cachePolicyFor("portal_session=abc", h({ "Content-Type": "text/html; charset=utf-8" }))).toBe("private, no-store");
    expect(cachePolicyFor("lang=en; __Host-portal_session=abc", h({ "Content-Type": "application/json" }))).toBe("private, no-store");
  });
  it("no-store on the answer that sets or clears the session cookie", () => {
    expect(cachePolicyFor(undefined, h({ "Set-Cookie": "portal_session=abc; Path=/; HttpOnly" }))).toBe("private, no-store");
  });
  it("leaves anonymous pages, other types and a route's own Cache-Control alone", () => {
    expect(cachePolicyFor(undefined, h({ "Content-Type": "text/html" }))).toBeNull();
    expect(cachePolicyFor("portal_session=", h({ "Content-Type": "text/html" }))).toBeNull();
    expect(cachePolicyFor("portal_session=abc", h({ "Content-Type": "image/png" }))).toBeNull();
    expect(
      cachePolicyFor("portal_session=abc", h({ "Content-Type": "application/json", "Cache-Control": "private, no-cache" })),
    ).toBeNull();
  });
});
