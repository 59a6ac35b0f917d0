import { describe, expect, it } from "vitest";
import { THROTTLE_WINDOW_MS, throttleDecision } from "./throttle";

const now = 10_000_000;
const minute = 60_000;

describe("login throttling", () => {
  it("allows four failures and blocks the fifth", () => {
    const four = [1, 2, 3, 4].map((i) => now - i * minute);
    expect(throttleDecision(four, now).allowed).toBe(true);
    const five = [...four, now - 5 * minute];
    const d = throttleDecision(five, now);
    expect(d.allowed).toBe(false);
    // the oldest failure (5 min ago) leaves the 15-minute window in 10 minutes
    expect(d.retryAfterSeconds).toBe(10 * 60);
  });
  it("forgets failures older than the window", () => {
    const old = [1, 2, 3, 4, 5].map((i) => now - THROTTLE_WINDOW_MS - i * minute);
    expect(throttleDecision(old, now).allowed).toBe(true);
  });
  it("waits for the right failure to expire when there are more than five", () => {
    const times = [14, 13, 12, 3, 2, 1].map((m) => now - m * minute);
    // five most recent: 13,12,3,2,1 minutes ago → released when the 13-minutes-ago one expires
    expect(throttleDecision(times, now).retryAfterSeconds).toBe(2 * 60);
  });
});
