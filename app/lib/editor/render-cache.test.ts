import { expect, it } from "vitest";
import { cacheKey, lruCache } from "./render-cache";

it("computes once per key and forgets the least recently used", () => {
  const cache = lruCache<number>(2);
  let calls = 0;
  const compute = (n: number) => () => {
    calls++;
    return n;
  };
  expect(cache.get("a", compute(1))).toBe(1);
  expect(cache.get("a", compute(99))).toBe(1);
  cache.get("b", compute(2));
  cache.get("a", compute(99)); // a is now the most recent
  cache.get("c", compute(3)); // evicts b
  expect(cache.size).toBe(2);
  expect(cache.get("b", compute(4))).toBe(4);
  expect(calls).toBe(4);
});

it("keys on content, not identity", () => {
  expect(cacheKey({ a: 1 }, [1])).toBe(cacheKey({ a: 1 }, [1]));
  expect(cacheKey({ a: 1 }, [1])).not.toBe(cacheKey({ a: 2 }, [1]));
});
