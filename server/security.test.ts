import { describe, expect, it } from "vitest";
import {
  bodyLimitFor,
  clientAddress,
  forwardedClient,
  isCrossOriginWrite,
  MAX_FORM_BYTES,
  MAX_JSON_BYTES,
  trustedProxies,
} from "./security.mjs";

const origin = "http://localhost:3000";

describe("isCrossOriginWrite", () => {
  it("never blocks reads", () => {
    expect(isCrossOriginWrite("GET", { origin: "https://evil.example" }, origin)).toBe(false);
    expect(isCrossOriginWrite("HEAD", { origin: "https://evil.example" }, origin)).toBe(false);
  });
  it("blocks writes naming another origin, including 'null'", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"])
      expect(isCrossOriginWrite(method, { origin: "https://evil.example" }, origin)).toBe(true);
    expect(isCrossOriginWrite("POST", { origin: "null" }, origin)).toBe(true);
    expect(isCrossOriginWrite("POST", { origin: "http://localhost:3001" }, origin)).toBe(true);
  });
  it("allows same-origin writes", () => {
    expect(isCrossOriginWrite("POST", { origin }, origin)).toBe(false);
  });
  it("falls back to Sec-Fetch-Site and Referer when Origin is missing", () => {
    expect(isCrossOriginWrite("POST", { "sec-fetch-site": "cross-site" }, origin)).toBe(true);
    expect(isCrossOriginWrite("POST", { "sec-fetch-site": "same-origin" }, origin)).toBe(false);
    expect(isCrossOriginWrite("POST", { referer: "https://evil.example/x" }, origin)).toBe(true);
    expect(isCrossOriginWrite("POST", { referer: `${origin}/login` }, origin)).toBe(false);
    expect(isCrossOriginWrite("POST", {}, origin)).toBe(false);
  });
});

describe("forwardedClient (TRUST_PROXY=N)", () => {
  it("takes the hop the proxy appended, not the one the client wrote", () => {
    // the client sent "X-Forwarded-For: 6.6.6.6"; our one proxy appended the address it saw
    expect(forwardedClient("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(forwardedClient("203.0.113.7", 1)).toBe("203.0.113.7");
  });
  it("counts N proxies from the right", () => {
    expect(forwardedClient("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    expect(forwardedClient("6.6.6.6,203.0.113.7,10.0.0.2,10.0.0.3", 3)).toBe("203.0.113.7");
  });
  it("gives nothing when there are fewer hops than proxies, or no header, or no trust", () => {
    expect(forwardedClient("203.0.113.7", 2)).toBe("");
    expect(forwardedClient(undefined, 1)).toBe("");
    expect(forwardedClient("6.6.6.6, 203.0.113.7", 0)).toBe("");
    expect(forwardedClient(["6.6.6.6", "203.0.113.7"], 1)).toBe("203.0.113.7");
  });
  it("reads TRUST_PROXY as a number of proxies", () => {
    expect(trustedProxies(undefined)).toBe(0);
    expect(trustedProxies("")).toBe(0);
    expect(trustedProxies("0")).toBe(0);
    expect(trustedProxies("1")).toBe(1);
    expect(trustedProxies("2")).toBe(2);
    expect(trustedProxies("true")).toBe(1);
    expect(() => trustedProxies("yes please")).toThrow();
  });
  it("clientAddress puts the proxy-appended hop in x-portal-client-ip", () => {
    const req = { headers: { "x-forwarded-for": "6.6.6.6, 203.0.113.7" }, socket: { remoteAddress: "127.0.0.1" } } as {
      headers: Record<string, string>;
      socket: { remoteAddress: string };
    };
    clientAddress(1)(req, {}, () => {});
    expect(req.headers["x-portal-client-ip"]).toBe("203.0.113.7");
    const direct = { headers: { "x-forwarded-for": "6.6.6.6" }, socket: { remoteAddress: "198.51.100.4" } } as {
      headers: Record<string, string>;
      socket: { remoteAddress: string };
    };
    clientAddress(0)(direct, {}, () => {});
    expect(direct.headers["x-portal-client-ip"]).toBe("198.51.100.4");
  });
});

describe("bodyLimitFor", () => {
  it("caps forms at 64 KB, JSON at 2 MB, and leaves uploads to their routes", () => {
    expect(bodyLimitFor("application/x-www-form-urlencoded;charset=UTF-8")).toEqual({ kind: "form", limit: MAX_FORM_BYTES });
    expect(bodyLimitFor(undefined)).toEqual({ kind: "form", limit: 64 * 1024 });
    expect(bodyLimitFor("text/plain")).toMatchObject({ kind: "form" });
    expect(bodyLimitFor("Application/JSON; charset=utf-8")).toEqual({ kind: "json", limit: MAX_JSON_BYTES });
    expect(MAX_JSON_BYTES).toBe(2 * 1024 * 1024);
    expect(bodyLimitFor("application/merge-patch+json")).toMatchObject({ kind: "json" });
    expect(bodyLimitFor("multipart/form-data; boundary=x")).toMatchObject({ kind: "multipart", limit: 20 * 1024 * 1024 + 64 * 1024 });
    expect(bodyLimitFor("application/pdf")).toMatchObject({ kind: "upload" });
  });
});
