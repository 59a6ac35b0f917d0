import { describe, expect, it } from "vitest";
import { newId } from "./id";

describe("newId", () => {
  it("is the prefix and 16 Crockford base32 characters", () => {
    expect(newId("cmt")).toMatch(/^cmt_[0-9abcdefghjkmnpqrstvwxyz]{16}$/);
  });

  it("never repeats, also across refills of the random pool (256 ids a refill)", () => {
    const ids = Array.from({ length: 10_000 }, () => newId("x"));
    expect(new Set(ids).size).toBe(ids.length);
    // every position takes every character: the bytes are not reused or left at zero
    for (let i = 2; i < 18; i++) expect(new Set(ids.map((id) => id[i])).size).toBe(32);
  });
});
