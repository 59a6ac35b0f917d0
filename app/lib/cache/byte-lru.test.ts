import { describe, expect, it } from "vitest";
import { byteLru, sizeOfValue } from "./byte-lru";

describe("byteLru", () => {
  it("computes once per key and returns the kept value", () => {
    const cache = byteLru<string>(10_000);
    let calls = 0;
    const compute = () => {
      calls++;
      return "值".repeat(10);
    };
    expect(cache.get("a", compute)).toBe("值".repeat(10));
    expect(cache.get("a", compute)).toBe("值".repeat(10));
    expect(calls).toBe(1);
    expect(cache.size).toBe(1);
  });

  it("stays under its byte bound however much is put in, evicting the least recently used", () => {
    const cache = byteLru<string>(4_000);
    for (let i = 0; i < 500; i++) {
      cache.get(`k${i}`, () => "x".repeat(200 + (i % 7) * 50));
      expect(cache.bytes).toBeLessThanOrEqual(4_000);
    }
    expect(cache.size).toBeGreaterThan(3);
    expect(cache.peek("k0")).toBeUndefined();
    expect(cache.peek("k499")).toBeDefined();
  });

  it("keeps a recently read entry over an older one", () => {
    const cache = byteLru<string>(2_000);
    // each entry: 400 bytes of string + key and overhead = 466; four fit in 2,000
    cache.set("a", "a".repeat(200));
    cache.set("b", "b".repeat(200));
    cache.peek("a");
    cache.set("c", "c".repeat(200));
    cache.set("d", "d".repeat(200));
    cache.set("e", "e".repeat(200));
    expect(cache.peek("a")).toBeDefined();
    expect(cache.peek("b")).toBeUndefined();
  });

  it("does not keep a value larger than a quarter of the bound, but still returns it", () => {
    const cache = byteLru<string>(1_000);
    cache.set("small", "s");
    expect(cache.get("big", () => "b".repeat(400))).toHaveLength(400);
    expect(cache.peek("big")).toBeUndefined();
    expect(cache.peek("small")).toBe("s");
  });

  it("replacing a key does not count it twice", () => {
    const cache = byteLru<string>(10_000);
    cache.set("a", "x".repeat(100));
    const once = cache.bytes;
    cache.set("a", "x".repeat(100));
    expect(cache.bytes).toBe(once);
  });

  it("evicts down to a smaller bound when resized", () => {
    const cache = byteLru<string>(100_000);
    for (let i = 0; i < 50; i++) cache.set(`k${i}`, "x".repeat(500));
    cache.resize(5_000);
    expect(cache.bytes).toBeLessThanOrEqual(5_000);
    expect(cache.maxBytes).toBe(5_000);
    expect(cache.peek("k49")).toBeDefined();
  });

  it("measures strings, buffers and sized records", () => {
    expect(sizeOfValue("ab")).toBe(4);
    expect(sizeOfValue(new Uint8Array(10))).toBe(10);
    expect(sizeOfValue({ bytes: 123, other: "x" })).toBe(123);
  });
});
