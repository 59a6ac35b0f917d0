import { describe, expect, it } from "vitest";
import { diffStats } from "./summary";
import { diffTexts } from "./text-diff";

describe("diffStats", () => {
  it("counts inserted and deleted code points, an emoji counting once", () => {
    const stats = diffStats([
      { op: "equal", text: "森林" },
      { op: "delete", text: "12%" },
      { op: "insert", text: "15%🌲" },
    ]);
    expect(stats).toEqual({ inserted: 4, deleted: 3, changed: true });
  });

  it("reports no change for identical texts", () => {
    expect(diffStats(diffTexts("生态修复", "生态修复"))).toEqual({ inserted: 0, deleted: 0, changed: false });
    expect(diffStats([])).toEqual({ inserted: 0, deleted: 0, changed: false });
  });
});
