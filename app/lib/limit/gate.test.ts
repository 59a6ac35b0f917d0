import { describe, expect, it } from "vitest";
import { GateFull, gate } from "./gate";

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

describe("gate", () => {
  it("runs at most `concurrency` at once, the rest in order of arrival", async () => {
    const g = gate(2, 10);
    let now = 0;
    let most = 0;
    const order: number[] = [];
    const work = (i: number) => async () => {
      now++;
      most = Math.max(most, now);
      await tick();
      order.push(i);
      now--;
      return i;
    };
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => g.run(work(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(most).toBe(2);
    expect(order.slice(2)).toEqual([2, 3, 4, 5]);
    expect(g.running).toBe(0);
    expect(g.waiting).toBe(0);
  });

  it("refuses beyond `maxWaiting` at once, and takes work again when there is room", async () => {
    const g = gate(1, 2);
    const slow = () => g.run(() => tick(20));
    const held = [slow(), slow(), slow()];
    expect(g.running).toBe(1);
    expect(g.waiting).toBe(2);
    await expect(g.run(() => 1)).rejects.toBeInstanceOf(GateFull);
    await Promise.all(held);
    await expect(g.run(() => 2)).resolves.toBe(2);
  });

  it("frees its place when the work fails", async () => {
    const g = gate(1, 1);
    await expect(
      g.run(() => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(g.running).toBe(0);
    await expect(g.run(async () => "ok")).resolves.toBe("ok");
  });
});
