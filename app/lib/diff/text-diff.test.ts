import { describe, expect, it } from "vitest";
import { type DiffOp, diffTexts, normalize, splitParagraphs } from "./text-diff";
import { rng } from "../random";

const oldSide = (ops: DiffOp[]) =>
  ops
    .filter((o) => o.op !== "insert")
    .map((o) => o.text)
    .join("");
const newSide = (ops: DiffOp[]) =>
  ops
    .filter((o) => o.op !== "delete")
    .map((o) => o.text)
    .join("");

function expectWellFormed(ops: DiffOp[], oldText: string, newText: string): void {
  expect(oldSide(ops)).toBe(oldText);
  expect(newSide(ops)).toBe(newText);
  ops.forEach((o, i) => {
    expect(o.text).not.toBe("");
    expect(o.op).not.toBe(ops[i + 1]?.op);
  });
}

const POOL = [
  "生态",
  "修复",
  "森林",
  "覆盖率",
  "湿地",
  "保护",
  "草原",
  "矿山",
  "治理",
  "流域",
  "的",
  "和",
  "达到",
  "，",
  "。",
  "；",
  "“",
  "”",
  "12",
  "15.5%",
  "2035年",
  "\n",
  "\n",
  "\u3000",
  "🌲",
  "🌳",
];

function randomText(next: () => number, words: number): string {
  let text = "";
  for (let i = 0; i < words; i++) text += POOL[Math.floor(next() * POOL.length)];
  return text;
}

/** Applies a few random word-level edits to `text`, so old and new are related. */
function mutate(next: () => number, text: string): string {
  let out = text;
  const edits = Math.floor(next() * 5);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * (out.length + 1));
    const cut = next() < 0.5 ? Math.floor(next() * 6) : 0;
    out = out.slice(0, at) + randomText(next, Math.floor(next() * 4)) + out.slice(at + cut);
  }
  return out;
}

describe("diffTexts", () => {
  it("returns one equal op for identical texts and nothing for two empty strings", () => {
    expect(diffTexts("生态修复\n湿地保护", "生态修复\n湿地保护")).toEqual([{ op: "equal", text: "生态修复\n湿地保护" }]);
    expect(diffTexts("", "")).toEqual([]);
  });

  it("handles one side empty", () => {
    expect(diffTexts("", "新增\n内容")).toEqual([{ op: "insert", text: "新增\n内容" }]);
    expect(diffTexts("删除\n", "")).toEqual([{ op: "delete", text: "删除\n" }]);
  });

  it("diffs a changed number inside a paragraph as a small edit", () => {
    const before = "第一章\n到2035年，森林覆盖率达到12%，湿地保护率提高到60%。\n第三章";
    const after = "第一章\n到2035年，森林覆盖率达到15%，湿地保护率提高到60%。\n第三章";
    const ops = diffTexts(before, after);
    expectWellFormed(ops, before, after);
    const changed = ops.filter((o) => o.op !== "equal");
    expect(changed.map((o) => o.op)).toEqual(["delete", "insert"]);
    for (const o of changed) expect(o.text.length).toBeLessThanOrEqual(3);
  });

  it("leaves the other paragraphs equal when one is inserted in the middle", () => {
    const before = "一、总体要求\n二、主要任务\n三、保障措施";
    const after = "一、总体要求\n新增：加强湿地保护\n二、主要任务\n三、保障措施";
    expect(diffTexts(before, after)).toEqual([
      { op: "equal", text: "一、总体要求\n" },
      { op: "insert", text: "新增：加强湿地保护\n" },
      { op: "equal", text: "二、主要任务\n三、保障措施" },
    ]);
  });

  it("appends a paragraph without touching the former last one", () => {
    expect(diffTexts("甲段落内容\n乙段落内容", "甲段落内容\n乙段落内容\n丙段落内容")).toEqual([
      { op: "equal", text: "甲段落内容\n乙段落内容" },
      { op: "insert", text: "\n丙段落内容" },
    ]);
  });

  it("word-diffs an edited paragraph that follows a newly inserted one", () => {
    const before = "森林覆盖率达到12%，草原综合植被盖度稳定在57%。";
    const after = "新增：加强湿地保护。\n森林覆盖率达到15%，草原综合植被盖度稳定在57%。";
    const ops = diffTexts(before, after);
    expectWellFormed(ops, before, after);
    expect(ops.find((o) => o.op === "delete")?.text).toBe("12");
  });

  it("replaces an unrelated paragraph wholesale rather than word by word", () => {
    const ops = diffTexts("加强湿地保护与修复。", "推动矿山生态治理。");
    expect(ops).toEqual([
      { op: "delete", text: "加强湿地保护与修复。" },
      { op: "insert", text: "推动矿山生态治理。" },
    ]);
  });

  it("keeps both invariants on 200 random related texts", () => {
    const next = rng(20351231);
    for (let i = 0; i < 200; i++) {
      const before = randomText(next, Math.floor(next() * 60));
      const after = next() < 0.2 ? randomText(next, Math.floor(next() * 60)) : mutate(next, before);
      expectWellFormed(diffTexts(before, after), before, after);
    }
  });

  it("diffs a 100,000-character document with a few edits", () => {
    const next = rng(7);
    const paragraphs = Array.from({ length: 1000 }, () => {
      let p = "";
      while (p.length < 99) p += randomText(next, 1).replace("\n", "。");
      return p;
    });
    const before = paragraphs.join("\n");
    const edited = [...paragraphs];
    edited[10] = edited[10].replace(/生态/, "自然生态");
    edited.splice(500, 1);
    edited.splice(700, 0, "新增段落：到2035年森林覆盖率达到26%。");
    edited[999] += "🌲";
    const after = edited.join("\n");
    expect(before.length).toBeGreaterThan(100_000);
    const ops = diffTexts(before, after);
    expectWellFormed(ops, before, after);
    expect(ops.filter((o) => o.op !== "equal").length).toBeLessThan(12);
  });

  it("diffs a 100,000-character single paragraph with a few edits (chunked segmentation)", () => {
    const next = rng(11);
    let before = "";
    while (before.length < 100_000) before += randomText(next, 1).replace("\n", "");
    const after = `${before.slice(0, 30_000)}新增内容${before.slice(30_010, 80_000)}${before.slice(80_005)}`;
    const ops = diffTexts(before, after);
    expectWellFormed(ops, before, after);
    expect(ops.filter((o) => o.op === "equal").length).toBeGreaterThanOrEqual(2);
  });

  it("degrades gracefully when every paragraph changes", () => {
    const next = rng(99);
    const before = Array.from({ length: 1500 }, () => randomText(next, 20)).join("\n");
    const after = before.replaceAll("生态", "自然");
    expectWellFormed(diffTexts(before, after), before, after);
  });
});

describe("diffTexts: moved paragraphs", () => {
  const a = "累计修复治理退化草原90万亩，历史遗留矿山生态修复面积达到900公顷。";
  const b = "累计修复治理退化草原125万亩，历史遗留矿山生态修复面积达到1000公顷。";

  it("keeps a paragraph that moved word for word whole instead of rewriting a look-alike into it", () => {
    const before = `规划目标\n${a}\n${b}`;
    const after = `规划目标\n${b}\n${a}`;
    const ops = diffTexts(before, after);
    expectWellFormed(ops, before, after);
    // one of the two look-alikes stays (the one the paragraph diff keeps); the other moves whole
    expect(ops.some((o) => o.op !== "equal" && (o.text.includes(a) || o.text.includes(b)))).toBe(true);
    expect(ops.filter((o) => o.op !== "equal" && /^(90|125|900|1000)$/.test(o.text))).toEqual([]);
  });

  it("pairs the last paragraph with itself when it only gains its line break", () => {
    const before = `规划目标\n${a}`;
    const after = `规划目标\n${a}\n${b}`;
    const ops = diffTexts(before, after);
    expectWellFormed(ops, before, after);
    expect(ops.filter((o) => o.op === "delete")).toEqual([]);
    expect(ops.find((o) => o.op === "insert")?.text).toBe(`\n${b}`);
  });
});

describe("splitParagraphs", () => {
  it("keeps each paragraph's trailing line break", () => {
    expect(splitParagraphs("甲\n\n乙\n")).toEqual(["甲\n", "\n", "乙\n"]);
    expect(splitParagraphs("")).toEqual([]);
  });
});

describe("normalize", () => {
  it("gathers deletes before inserts between equal ops and drops empty ops", () => {
    const ops: DiffOp[] = [
      { op: "equal", text: "" },
      { op: "insert", text: "b" },
      { op: "delete", text: "a" },
      { op: "insert", text: "c" },
      { op: "equal", text: "d" },
      { op: "equal", text: "e" },
    ];
    expect(normalize(ops)).toEqual([
      { op: "delete", text: "a" },
      { op: "insert", text: "bc" },
      { op: "equal", text: "de" },
    ]);
  });
});
