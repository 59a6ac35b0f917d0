import { expect, it } from "vitest";
import { matchesEtag, strongEtag } from "./etag";

it("is strong, stable and follows the bytes", () => {
  expect(strongEtag("生态")).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
  expect(strongEtag("生态")).toBe(strongEtag(new TextEncoder().encode("生态")));
  expect(strongEtag("生态")).not.toBe(strongEtag("生态 "));
});

it("matches If-None-Match lists, weak forms and *", () => {
  const tag = strongEtag("x");
  expect(matchesEtag(null, tag)).toBe(false);
  expect(matchesEtag(`"other", ${tag}`, tag)).toBe(true);
  expect(matchesEtag(`W/${tag}`, tag)).toBe(true);
  expect(matchesEtag("*", tag)).toBe(true);
  expect(matchesEtag('"other"', tag)).toBe(false);
});
