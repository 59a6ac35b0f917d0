import { describe, expect, it } from "vitest";
import { threadGroup } from "./thread-groups";

const comment = (i: number, extra: { withdrawn?: boolean; cell?: boolean; section?: string } = {}) => ({
  id: `c${i}`,
  sectionId: extra.section ?? `s${Math.floor(i / 10)}`,
  category: "revise",
  withdrawn: extra.withdrawn ?? false,
  cell: extra.cell ? { indicator: "forest", year: "2030" } : null,
});
const many = (n: number) => Array.from({ length: n }, (_, i) => comment(i));

describe("threadGroup", () => {
  it("lists the first group of `size`, with the count of groups and the range", () => {
    const g = threadGroup(many(75), { canComment: false }, 30);
    expect(g.shown.map((c) => c.id)).toEqual(many(30).map((c) => c.id));
    expect(g.window).toEqual({ index: 1, count: 3, total: 75, from: 1, size: 30 });
  });

  it("opens the group asked for, clamped to the last", () => {
    expect(threadGroup(many(75), { canComment: false, group: 3 }, 30).shown.map((c) => c.id)).toEqual(
      many(75)
        .slice(60)
        .map((c) => c.id),
    );
    expect(threadGroup(many(75), { canComment: false, group: 9 }, 30).window.index).toBe(3);
  });

  it("opens the group holding the comment named, unless a group is asked for", () => {
    expect(threadGroup(many(75), { canComment: false, commentId: "c44" }, 30).window.index).toBe(2);
    expect(threadGroup(many(75), { canComment: false, commentId: "c44", group: 1 }, 30).window.index).toBe(1);
    expect(threadGroup(many(75), { canComment: false, commentId: "nope" }, 30).window.index).toBe(1);
  });

  it("leaves withdrawn comments out of the list for commenters only, and out of counts and cells for everyone", () => {
    const all = [comment(0), comment(1, { withdrawn: true }), comment(2, { cell: true }), comment(3, { withdrawn: true, cell: true })];
    expect(threadGroup(all, { canComment: true }).shown.map((c) => c.id)).toEqual(["c0", "c2"]);
    const reader = threadGroup(all, { canComment: false });
    expect(reader.shown.map((c) => c.id)).toEqual(["c0", "c1", "c2", "c3"]);
    expect(reader.sections).toEqual({ s0: { count: 2, first: "c0" } });
    expect(reader.cells.map((c) => c.id)).toEqual(["c2"]);
  });

  it("counts every comment of a section, listed or not", () => {
    const g = threadGroup(many(75), { canComment: false, group: 1 }, 30);
    expect(g.sections.s7).toEqual({ count: 5, first: "c70" });
    expect(Object.values(g.sections).reduce((n, s) => n + s.count, 0)).toBe(75);
  });

  it("has one empty group when there is nothing", () => {
    expect(threadGroup([], { canComment: true }).window).toEqual({ index: 1, count: 1, total: 0, from: 1, size: 30 });
  });
});
