import { describe, expect, it } from "vitest";
import { type OutlineEntry, pageOf, readerPages } from "./chapters";

const chapter = (n: number, subs: number, chars: number): OutlineEntry[] => [
  { id: `c${n}`, parentId: null, chars: 100 },
  ...Array.from({ length: subs }, (_, i) => ({ id: `c${n}s${i}`, parentId: `c${n}`, chars })),
];
const ids = (outline: OutlineEntry[]) => outline.map((s) => s.id);

describe("readerPages", () => {
  it("keeps a short document on one page", () => {
    const outline = [...chapter(1, 3, 1000), ...chapter(2, 3, 1000)];
    const pages = readerPages(outline, 30_000);
    expect(pages).toHaveLength(1);
    expect(pages[0].sectionIds).toEqual(ids(outline));
    expect(pages[0].id).toBe("c1");
  });

  it("starts a page at a chapter that does not fit, and lets short chapters share one", () => {
    const outline = [...chapter(1, 10, 2000), ...chapter(2, 10, 2000), ...chapter(3, 2, 2000)];
    const pages = readerPages(outline, 30_000);
    expect(pages.map((p) => p.id)).toEqual(["c1", "c2"]);
    // chapter 3 (4,100 chars) joins chapter 2 (20,100) while the page stays under the budget
    expect(pages[1].sectionIds).toContain("c3s1");
    expect(pages.every((p) => p.chars <= 30_000)).toBe(true);
  });

  it("cuts a chapter longer than the budget between its sections, and fills the page after it with the next chapter", () => {
    const outline = [...chapter(1, 20, 1700), ...chapter(2, 20, 1700), ...chapter(3, 20, 1700)];
    const pages = readerPages(outline, 30_000);
    expect(pages.flatMap((p) => p.sectionIds)).toEqual(ids(outline));
    // the budget, and half as much again for a short last page joining the one before
    expect(pages.slice(0, -1).every((p) => p.chars <= 30_000)).toBe(true);
    expect(pages.at(-1)!.chars).toBeLessThanOrEqual(45_000);
    // no page but the last is under two thirds of the budget
    expect(pages.slice(0, -1).every((p) => p.chars >= 20_000)).toBe(true);
    expect(pages[1].sectionIds).toContain("c2");
  });

  it("lets a short last page join the one before", () => {
    const outline = [...chapter(1, 17, 1700), ...chapter(2, 2, 1000)];
    const pages = readerPages(outline, 30_000);
    expect(pages).toHaveLength(1);
    expect(pages[0].sectionIds).toEqual(ids(outline));
  });

  it("windows a flat document by characters", () => {
    const outline = Array.from({ length: 300 }, (_, i) => ({ id: `s${i}`, parentId: null, chars: 1700 }));
    const pages = readerPages(outline, 30_000);
    expect(pages.flatMap((p) => p.sectionIds)).toEqual(ids(outline));
    expect(pages.length).toBeGreaterThanOrEqual(17);
    expect(pages.every((p) => p.chars <= 30_000 + 15_000)).toBe(true);
  });

  it("gives one oversized section a page of its own", () => {
    const pages = readerPages(
      [
        { id: "a", parentId: null, chars: 20_000 },
        { id: "b", parentId: null, chars: 90_000 },
        { id: "c", parentId: null, chars: 20_000 },
      ],
      30_000,
    );
    expect(pages.map((p) => p.sectionIds)).toEqual([["a"], ["b"], ["c"]]);
  });
});

describe("pageOf", () => {
  it("finds the page of any section and falls back to the first", () => {
    const pages = readerPages([...chapter(1, 10, 2000), ...chapter(2, 10, 2000)], 30_000);
    expect(pageOf(pages, "c2s3")).toBe(1);
    expect(pageOf(pages, "c2")).toBe(1);
    expect(pageOf(pages, "nope")).toBe(0);
    expect(pageOf(pages, null)).toBe(0);
  });
});
