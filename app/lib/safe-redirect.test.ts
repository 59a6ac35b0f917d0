import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

const origin = "https://portal.example.gov.cn";

describe("safeRedirect", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeRedirect("/plans/abc?tab=2#x", origin)).toBe("/plans/abc?tab=2#x");
    expect(safeRedirect("/", origin)).toBe("/");
    expect(safeRedirect("/rounds/r1/workbench", origin)).toBe("/rounds/r1/workbench");
  });
  it.each([
    "/\t/evil.example",
    "/%09/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "/\u0000/evil.example",
    "/\u007f/x",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "/%5C/evil.example",
    "/%2F/evil.example",
    "/%2f%2fevil.example",
    "https://evil.example/",
    "http://portal.example.gov.cn/",
    "javascript:alert(1)",
    "evil.example",
    " /plans",
    "",
  ])("refuses %j", (to) => {
    expect(safeRedirect(to, origin)).toBe("/");
  });
  it("uses the fallback for anything that is not a string", () => {
    expect(safeRedirect(null, origin, "/home")).toBe("/home");
    expect(safeRedirect(undefined, origin)).toBe("/");
  });
  it("never answers a path that a browser could read as another host", () => {
    for (const to of ["/%09/evil.example", "/\t/evil.example", "/./\\evil.example", "/..//evil.example"]) {
      const out = safeRedirect(to, origin);
      expect(new URL(out, origin).origin).toBe(origin);
      expect(out.startsWith("//") || out.startsWith("/\\")).toBe(false);
    }
  });
});
