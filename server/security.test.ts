import { describe, expect, it } from "vitest";
import { isCrossOriginWrite } from "./security.mjs";

const origin = "http://localhost:3000";

describe("isCrossOriginWrite", () => {
  it("never blocks reads", () => {
    expect(isCrossOriginWrite("GET", { origin: "https://evil.example" }, origin)).toBe(false);
    expect(isCrossOriginWrite("HEAD", { origin: "https://evil.example" }, origin)).toBe(false);
  });
  it("blocks writes naming another origin, including 'null'", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) expect(isCrossOriginWrite(method, { origin: "https://evil.example" }, origin)).toBe(true);
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
