import { describe, expect, it } from "vitest";
import {
  ACCOUNT_FREE_FAILURES,
  ACCOUNT_MAX_DELAY_SECONDS,
  ADDRESS_MAX_FAILURES,
  THROTTLE_WINDOW_MS,
  accountDecision,
  accountDelaySeconds,
  addressDecision,
} from "./throttle";

const now = 10_000_000_000;
const minute = 60_000;
const second = 1000;

describe("per address: a high limit in a 15-minute window", () => {
  it("allows 99 failures and blocks the hundredth", () => {
    const times = (n: number) => Array.from({ length: n }, (_, i) => now - (i + 1) * 5 * second);
    expect(ADDRESS_MAX_FAILURES).toBeGreaterThanOrEqual(100);
    expect(addressDecision(times(ADDRESS_MAX_FAILURES - 1), now).allowed).toBe(true);
    const d = addressDecision(times(ADDRESS_MAX_FAILURES), now);
    expect(d.allowed).toBe(false);
    // released when the oldest of the last hundred leaves the window
    expect(d.retryAfterSeconds).toBe((THROTTLE_WINDOW_MS - ADDRESS_MAX_FAILURES * 5 * second) / 1000);
  });
  it("forgets failures older than the window", () => {
    const old = Array.from({ length: ADDRESS_MAX_FAILURES }, (_, i) => now - THROTTLE_WINDOW_MS - i * minute);
    expect(addressDecision(old, now).allowed).toBe(true);
  });
  it("five failures do not lock out an address (one county's NAT)", () => {
    expect(
      addressDecision(
        [1, 2, 3, 4, 5, 6].map((i) => now - i * minute),
        now,
      ).allowed,
    ).toBe(true);
  });
});

describe("per account: growing delays, not a wall", () => {
  it("no delay for the first five failures, then 2^n seconds, capped", () => {
    expect(ACCOUNT_FREE_FAILURES).toBe(5);
    expect([0, 1, 4].map(accountDelaySeconds)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map(accountDelaySeconds)).toEqual([2, 4, 8, 16]);
    expect(accountDelaySeconds(12)).toBe(256);
    expect(accountDelaySeconds(40)).toBe(ACCOUNT_MAX_DELAY_SECONDS);
    expect(ACCOUNT_MAX_DELAY_SECONDS).toBe(15 * 60);
  });
  it("waits counted from the last failure", () => {
    const five = [5, 4, 3, 2, 1].map((i) => now - i * 100);
    // last failure 100 ms ago, 2 s to wait → 2 s (rounded up)
    expect(accountDecision(five, now)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(accountDecision(five, now + 1850).allowed).toBe(false);
    expect(accountDecision(five, now + 1900 + 100).allowed).toBe(true);
    expect(accountDecision(five.slice(1), now).allowed).toBe(true);
  });
  it("the wait doubles with each further failure", () => {
    const eight = Array.from({ length: 8 }, (_, i) => now - (8 - i) * second);
    // last failure 1 s ago, 16 s to wait
    expect(accountDecision(eight, now)).toEqual({ allowed: false, retryAfterSeconds: 15 });
    const many = Array.from({ length: 30 }, (_, i) => now - (30 - i) * second);
    expect(accountDecision(many, now).retryAfterSeconds).toBe(ACCOUNT_MAX_DELAY_SECONDS - 1);
  });
});
