import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { byteLru, flatten, sizeOfValue } from "./byte-lru";

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

describe("byteLru: what it counts is what the heap holds", () => {
  // a full collection on demand (vitest runs without --expose-gc)
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const heapAfterGc = async () => {
    await new Promise((r) => setTimeout(r, 10));
    for (let i = 0; i < 3; i++) gc();
    return process.memoryUsage().heapUsed;
  };
  // as a serialiser writes HTML: many short pieces appended one by one
  const concatenated = (n: number, seed: number) => {
    let html = "";
    for (let i = 0; i < n; i++) html += `<p>张掖市第${seed}-${i}段</p>`;
    return html;
  };

  it("holds strings built piece by piece at the bytes it counts (flattened), and no more than its bound", async () => {
    const cache = byteLru<string>(24 * 1024 * 1024);
    const before = await heapAfterGc();
    for (let k = 0; k < 40; k++) cache.set(`page:${k}`, concatenated(8_000, k));
    const after = await heapAfterGc();
    expect(cache.bytes).toBeGreaterThan(8 * 1024 * 1024);
    expect(cache.bytes).toBeLessThanOrEqual(24 * 1024 * 1024);
    // unflattened, the same strings take 2–3× (a tree node of about 32 bytes per piece)
    expect(after - before).toBeLessThan(cache.bytes * 1.2);
    expect(after - before).toBeGreaterThan(cache.bytes * 0.5);
  });

  it("keeps the same value it was given", () => {
    const value = concatenated(100, 1);
    const cache = byteLru<string>(1024 * 1024);
    cache.set("a", value);
    expect(cache.peek("a")).toBe(value);
    expect(flatten(value)).toBe(value);
  });
});
