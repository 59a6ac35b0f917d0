import { describe, expect, it } from "vitest";
import { type DiffOp, diffTexts } from "../diff/text-diff";
import { offsetMapper } from "./offset-map";
import { rng } from "../random";

const eq = (text: string): DiffOp => ({ op: "equal", text });
const del = (text: string): DiffOp => ({ op: "delete", text });
const ins = (text: string): DiffOp => ({ op: "insert", text });

describe("offsetMapper.map", () => {
  it("is the identity for equal text and shifts equal runs after an edit", () => {
    const m = offsetMapper([eq("生态保护"), ins("和修复"), eq("规划")]);
    expect(m.oldLength).toBe(6);
    expect(m.newLength).toBe(9);
    for (const assoc of [-1, 1] as const) {
      expect(m.map(0, assoc)).toBe(0);
      expect(m.map(2, assoc)).toBe(2);
      expect(m.map(5, assoc)).toBe(8);
      expect(m.map(6, assoc)).toBe(9);
    }
  });

  it("lets assoc choose the side of an insertion at exactly that offset", () => {
    // old "甲乙" → new "甲新乙": text inserted at old offset 1
    const m = offsetMapper([eq("甲"), ins("新"), eq("乙")]);
    // a range starting at 1 ("乙") must not absorb "新" inserted right before it
    expect(m.map(1, 1)).toBe(2);
    // a range ending at 1 ("甲") must not absorb "新" inserted right after it
    expect(m.map(1, -1)).toBe(1);
  });

  it("handles insertions at the very start and end", () => {
    const m = offsetMapper([ins("前"), eq("正文"), ins("后")]);
    expect(m.map(0, 1)).toBe(1);
    expect(m.map(0, -1)).toBe(0);
    expect(m.map(2, -1)).toBe(3);
    expect(m.map(2, 1)).toBe(4);
  });

  it("maps offsets inside a deleted run to where the deletion happened", () => {
    // old "甲删除的乙" → new "甲乙"
    const m = offsetMapper([eq("甲"), del("删除的"), eq("乙")]);
    for (const o of [1, 2, 3, 4]) {
      expect(m.map(o, 1)).toBe(1);
      expect(m.map(o, -1)).toBe(1);
    }
    expect(m.map(5, 1)).toBe(2);
  });

  it("covers a replacement with offsets inside or at the inner edges of it", () => {
    // old "甲旧词乙" → new "甲新的词语乙"
    const m = offsetMapper([eq("甲"), del("旧词"), ins("新的词语"), eq("乙")]);
    expect(m.map(1, 1)).toBe(1); // before the replaced text
    expect(m.map(1, -1)).toBe(1);
    expect(m.map(2, 1)).toBe(1); // inside: a start takes the whole new wording
    expect(m.map(2, -1)).toBe(5); // inside: an end takes the whole new wording
    expect(m.map(3, 1)).toBe(5); // after the replaced text
    expect(m.map(3, -1)).toBe(5);
  });

  it("does not depend on the order of the delete and insert ops of a hunk, nor on empty ops", () => {
    const a = offsetMapper([eq("甲"), del("旧"), ins("新新"), eq("乙")]);
    const b = offsetMapper([eq("甲"), eq(""), ins("新"), del("旧"), ins("新"), eq("乙")]);
    for (let o = 0; o <= 3; o++) for (const assoc of [-1, 1] as const) expect(b.map(o, assoc)).toBe(a.map(o, assoc));
  });

  it("clamps offsets outside the old text", () => {
    const m = offsetMapper([eq("甲乙"), ins("丙")]);
    expect(m.map(-5, 1)).toBe(0);
    expect(m.map(99, -1)).toBe(2);
    expect(m.map(99, 1)).toBe(3);
  });

  it("is monotonic, never reverses a range and keeps equal characters in place (random diffs)", () => {
    const next = rng(4242);
    const pool = ["生态", "保护", "修复", "湿地", "，", "。", "\n", "祁连山", "黑河", "森林", "覆盖率", "达到", "12%", "的"];
    const words = (n: number) => Array.from({ length: n }, () => pool[Math.floor(next() * pool.length)]).join("");
    for (let round = 0; round < 100; round++) {
      const before = words(5 + Math.floor(next() * 30));
      let after = before;
      for (let k = 0; k < 1 + Math.floor(next() * 4); k++) {
        const at = Math.floor(next() * (after.length + 1));
        const cut = next() < 0.5 ? Math.floor(next() * 5) : 0;
        after = after.slice(0, at) + words(Math.floor(next() * 3)) + after.slice(at + cut);
      }
      const ops = diffTexts(before, after);
      const m = offsetMapper(ops);
      for (const assoc of [-1, 1] as const) {
        for (let o = 1; o <= before.length; o++) expect(m.map(o, assoc)).toBeGreaterThanOrEqual(m.map(o - 1, assoc));
      }
      for (let o = 0; o < before.length; o++) expect(m.map(o, 1)).toBeLessThanOrEqual(m.map(o + 1, -1));
      // every character of an equal run lands on the same character
      let a = 0;
      for (const op of ops) {
        if (op.op === "equal") {
          for (let i = 0; i < op.text.length; i++) expect(after[m.map(a + i, 1)]).toBe(before[a + i]);
        }
        if (op.op !== "insert") a += op.text.length;
      }
    }
  });
});

describe("offsetMapper.deletedBetween / deletedLength", () => {
  const m = offsetMapper([eq("甲乙"), del("丙丁"), ins("戊"), eq("己庚")]);
  it("counts the deleted characters of a range", () => {
    expect(m.deletedLength(0, 6)).toBe(2);
    expect(m.deletedLength(3, 6)).toBe(1);
    expect(m.deletedLength(0, 2)).toBe(0);
    expect(m.deletedLength(4, 6)).toBe(0);
  });
  it("says whether anything of the range was deleted", () => {
    expect(m.deletedBetween(1, 3)).toBe(true);
    expect(m.deletedBetween(0, 2)).toBe(false);
    expect(m.deletedBetween(4, 5)).toBe(false);
  });
});

describe("offsetMapper.changedBetween", () => {
  it("ignores insertions exactly at the range's edges and counts those strictly inside", () => {
    const m = offsetMapper([eq("甲乙"), ins("新"), eq("丙丁")]);
    expect(m.changedBetween(0, 2)).toBe(false); // inserted right after
    expect(m.changedBetween(2, 4)).toBe(false); // inserted right before
    expect(m.changedBetween(1, 3)).toBe(true); // inserted inside
    expect(m.changedBetween(2, 2)).toBe(false);
  });

  it("counts deletions overlapping the range, but not those next to it", () => {
    const m = offsetMapper([eq("甲乙"), del("丙"), ins("新"), eq("丁戊")]);
    expect(m.changedBetween(0, 2)).toBe(false);
    expect(m.changedBetween(3, 5)).toBe(false);
    expect(m.changedBetween(2, 3)).toBe(true);
    expect(m.changedBetween(0, 5)).toBe(true);
    expect(m.changedBetween(1, 3)).toBe(true);
  });

  it("is false when nothing changed", () => {
    const m = offsetMapper([eq("一模一样")]);
    expect(m.changedBetween(0, 4)).toBe(false);
    expect(offsetMapper([]).changedBetween(0, 0)).toBe(false);
  });
});
