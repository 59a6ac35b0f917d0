import { expect, it } from "vitest";
import { cacheKey, htmlCache } from "./render-cache";

it("computes once per key and stays under its byte bound", () => {
  const cache = htmlCache(20_000);
  let calls = 0;
  for (let i = 0; i < 200; i++)
    cache.get(`k${i}`, () => {
      calls++;
      return "<p>生态修复</p>".repeat(20);
    });
  expect(cache.bytes).toBeLessThanOrEqual(20_000);
  cache.get("k199", () => "never");
  expect(calls).toBe(200);
});

it("keys on content, not identity", () => {
  expect(cacheKey({ a: 1 }, [1])).toBe(cacheKey({ a: 1 }, [1]));
  expect(cacheKey({ a: 1 }, [1])).not.toBe(cacheKey({ a: 2 }, [1]));
});
