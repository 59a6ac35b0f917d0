import { describe, expect, it, vi } from "vitest";
import * as textDiff from "../diff/text-diff";
import { buildAnchor, splitsSurrogatePair, type TextAnchor } from "./anchor";
import { type MappedAnchor, mapAnchor, mapAnchors } from "./map-anchor";
import { rng } from "../random";

// Count diffTexts calls (mapAnchors must diff once), otherwise the real implementation.
vi.mock("../diff/text-diff", async (importOriginal) => {
  const original = await importOriginal<typeof textDiff>();
  return { ...original, diffTexts: vi.fn(original.diffTexts) };
});

const section =
  "第一节　规划背景\n" +
  "张掖市地处河西走廊中段，“一山一水”（祁连山、黑河）是生态安全的根本。🌲森林覆盖率达到12.5%；湿地保护率达到60%。\n" +
  "第二节　主要任务\n" +
  "实施祁连山北麓生态保护修复工程，推进黑河中游湿地保护与恢复，开展历史遗留矿山生态修复。\n" +
  "第三节　保障措施\n" +
  "建立健全生态保护补偿机制，强化资金保障和监督考核。";

function anchorOf(t: string, passage: string, from = 0): TextAnchor {
  const start = t.indexOf(passage, from);
  if (start < 0) throw new Error(`no ${passage}`);
  return buildAnchor(t, start, start + passage.length)!;
}

/** Invariants every result satisfies. */
function expectWellFormed(m: MappedAnchor, newText: string) {
  expect(m.start).toBeGreaterThanOrEqual(0);
  expect(m.end).toBeLessThanOrEqual(newText.length);
  expect(m.start).toBeLessThanOrEqual(m.end);
  expect(m.exact).toBe(newText.slice(m.start, m.end));
  expect(splitsSurrogatePair(newText, m.start)).toBe(false);
  expect(splitsSurrogatePair(newText, m.end)).toBe(false);
  if (m.state === "orphaned") expect(m.end).toBe(m.start);
  else expect(m.end).toBeGreaterThan(m.start);
}

function map(oldText: string, newText: string, a: TextAnchor) {
  const m = mapAnchor(oldText, newText, a);
  expectWellFormed(m, newText);
  return m;
}

describe("mapAnchor", () => {
  it("keeps the offsets of an unchanged text", () => {
    const a = anchorOf(section, "推进黑河中游湿地保护与恢复");
    expect(map(section, section, a)).toEqual({ start: a.start, end: a.end, exact: a.exact, state: "intact" });
  });

  it("shifts a passage when text is inserted before it", () => {
    const a = anchorOf(section, "推进黑河中游湿地保护与恢复");
    const revised = section.replace("第二节　主要任务\n", "第二节　主要任务\n（一）坚持保护优先，自然恢复为主。\n");
    const m = map(section, revised, a);
    expect(m.state).toBe("intact");
    expect(m.start).toBe(a.start + "（一）坚持保护优先，自然恢复为主。\n".length);
    expect(m.exact).toBe(a.exact);
  });

  it("shifts a passage when text before it in the same paragraph is edited", () => {
    const a = anchorOf(section, "开展历史遗留矿山生态修复");
    const revised = section.replace("祁连山北麓", "祁连山北麓及周边地区");
    const m = map(section, revised, a);
    expect(m).toMatchObject({ state: "intact", start: a.start + 5, exact: a.exact });
  });

  it("reports a word replaced inside the passage as changed, covering the new wording", () => {
    const a = anchorOf(section, "推进黑河中游湿地保护与恢复");
    const revised = section.replace("湿地保护与恢复", "湿地保育与恢复");
    const m = map(section, revised, a);
    expect(m.state).toBe("changed");
    expect(m.exact).toBe("推进黑河中游湿地保育与恢复");
    expect(m.start).toBe(a.start);
  });

  it("covers new wording inserted inside the passage and replaced words at its edges", () => {
    const a = anchorOf(section, "森林覆盖率达到12.5%");
    const revised = section.replace("森林覆盖率达到12.5%", "森林覆盖率稳步提高到15%");
    const m = map(section, revised, a);
    expect(m.state).toBe("changed");
    expect(m.exact).toBe("森林覆盖率稳步提高到15%");
  });

  it("orphans a passage that was deleted entirely, at the place it used to be", () => {
    const a = anchorOf(section, "，开展历史遗留矿山生态修复");
    const revised = section.replace("，开展历史遗留矿山生态修复", "");
    const m = map(section, revised, a);
    expect(m).toEqual({ start: a.start, end: a.start, exact: "", state: "orphaned" });
  });

  it("orphans a passage whose paragraph was rewritten beyond recognition", () => {
    const a = anchorOf(section, "强化资金保障");
    const revised = section.replace(
      "建立健全生态保护补偿机制，强化资金保障和监督考核。",
      "各县区政府是本规划实施的责任主体，须逐年分解目标任务并向社会公开进展情况。",
    );
    const m = map(section, revised, a);
    expect(m.state).toBe("orphaned");
    expect(m.start).toBe(revised.indexOf("各县区"));
  });

  it("finds a passage moved to another paragraph again by quote search", () => {
    const passage = "开展历史遗留矿山生态修复";
    const a = anchorOf(section, passage);
    const revised = section.replace(`，${passage}`, "").replace("强化资金保障", `${passage}，强化资金保障`);
    const m = map(section, revised, a);
    expect(m.state).toBe("intact");
    expect(m.start).toBe(revised.indexOf(passage));
  });

  it("finds a moved and slightly edited passage as changed", () => {
    const passage = "开展历史遗留矿山生态修复";
    const a = anchorOf(section, passage);
    const revised = section.replace(`，${passage}`, "").replace("强化资金保障", "开展历史遗留矿山生态治理，强化资金保障");
    const m = map(section, revised, a);
    expect(m.state).toBe("changed");
    expect(m.exact).toBe("开展历史遗留矿山生态治理");
  });

  it("does not absorb text inserted exactly at the passage's start or end", () => {
    const a = anchorOf(section, "湿地保护与恢复");
    const before = section.replace("湿地保护与恢复", "重要湿地保护与恢复");
    expect(map(section, before, a)).toMatchObject({ state: "intact", start: a.start + 2, exact: a.exact });
    const after = section.replace("湿地保护与恢复", "湿地保护与恢复工程");
    expect(map(section, after, a)).toMatchObject({ state: "intact", start: a.start, end: a.end, exact: a.exact });
    const both = section.replace("湿地保护与恢复", "重要湿地保护与恢复工程");
    expect(map(section, both, a)).toMatchObject({ state: "intact", start: a.start + 2, exact: a.exact });
  });

  it("handles CJK punctuation, full-width spaces and emoji", () => {
    const quoted = anchorOf(section, "“一山一水”（祁连山、黑河）");
    const revised1 = section.replace("张掖市地处", "张掖市位于").replace("第一节　规划背景", "第一节　　规划背景与现状");
    expect(map(section, revised1, quoted)).toMatchObject({ state: "intact", exact: quoted.exact, start: revised1.indexOf(quoted.exact) });

    const title = anchorOf(section, "第二节　主要任务");
    const revised2 = section.replace("第二节　主要任务", "第二节　重点任务");
    expect(map(section, revised2, title)).toMatchObject({ state: "changed", exact: "第二节　重点任务" });

    const tree = anchorOf(section, "🌲森林覆盖率");
    const revised3 = section.replace("🌲", "🌳🌲");
    const m3 = map(section, revised3, tree);
    expect(m3).toMatchObject({ state: "intact", exact: tree.exact, start: tree.start + 2 });
    const revised4 = section.replace("🌲", "🌳");
    expect(map(section, revised4, tree)).toMatchObject({ state: "changed", exact: "🌳森林覆盖率" });
  });

  it("never splits a surrogate pair, even with ops that do", () => {
    const oldText = "前🌲后";
    const newText = "前🌳后";
    // a character-level diff that keeps the shared high surrogate as equal
    const ops: textDiff.DiffOp[] = [
      { op: "equal", text: "前\ud83c" },
      { op: "delete", text: "\udf32" },
      { op: "insert", text: "\udf33" },
      { op: "equal", text: "后" },
    ];
    const a = buildAnchor(oldText, 1, 3)!;
    const m = mapAnchor(oldText, newText, a, ops);
    expectWellFormed(m, newText);
    // the whole passage (one character) was replaced: nothing of it is left, so it is orphaned
    expect(m).toMatchObject({ state: "orphaned", start: 1, end: 1, exact: "" });
    const b = buildAnchor(oldText, 3, 4)!;
    expect(mapAnchor(oldText, newText, b, ops)).toMatchObject({ state: "intact", start: 3, end: 4 });
  });

  it("ignores ops that do not describe the two texts", () => {
    const a = anchorOf(section, "推进黑河中游湿地保护与恢复");
    const revised = `新增一段。\n${section}`;
    const m = mapAnchor(section, revised, a, [{ op: "equal", text: section }]);
    expect(m).toMatchObject({ state: "intact", start: a.start + 6 });
  });

  it("looks an anchor that does not fit the old text up by its quote", () => {
    const a = anchorOf(section, "推进黑河中游湿地保护与恢复");
    const wrong = { ...a, start: a.start + 3, end: a.end + 3 };
    expect(mapAnchor(section, section, wrong)).toMatchObject({ state: "intact", start: a.start, end: a.end });
    const gone = { ...a, exact: "完全不存在的一段文字内容", start: 9999, end: 10010 };
    expect(mapAnchor(section, section, gone)).toEqual({ start: section.length, end: section.length, exact: "", state: "orphaned" });
  });
});

describe("mapAnchors", () => {
  it("diffs once for many anchors and agrees with mapAnchor", () => {
    const anchors = ["“一山一水”", "湿地保护率达到60%", "推进黑河中游湿地保护与恢复", "，开展历史遗留矿山生态修复", "监督考核"].map((p) =>
      anchorOf(section, p),
    );
    const revised = section
      .replace("湿地保护率达到60%", "湿地保护率达到65%")
      .replace("，开展历史遗留矿山生态修复", "")
      .replace("第三节　保障措施\n", "第三节　保障措施\n加强组织领导。\n");
    const diff = vi.mocked(textDiff.diffTexts);
    diff.mockClear();
    const many = mapAnchors(section, revised, anchors);
    expect(diff).toHaveBeenCalledTimes(1);
    diff.mockClear();
    const one = anchors.map((a) => mapAnchor(section, revised, a));
    expect(diff).toHaveBeenCalledTimes(anchors.length);
    expect(many).toEqual(one);
    expect(many.map((m) => m.state)).toEqual(["intact", "changed", "intact", "orphaned", "intact"]);
    diff.mockClear();
    expect(mapAnchors(section, section, anchors).every((m) => m.state === "intact")).toBe(true);
    expect(mapAnchors(section, revised, [])).toEqual([]);
    expect(diff).not.toHaveBeenCalled();
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random edit scripts

const WORDS = [
  "生态",
  "保护",
  "修复",
  "湿地",
  "森林",
  "草原",
  "河流",
  "治理",
  "规划",
  "实施",
  "工程",
  "项目",
  "祁连山",
  "黑河",
  "覆盖率",
  "达到",
  "提高",
  "加强",
  "推进",
  "建立",
  "健全",
  "机制",
  "资金",
  "保障",
  "监测",
  "评估",
  "的",
  "和",
  "与",
  "，",
  "。",
  "、",
  "；",
  "“",
  "”",
  "（",
  "）",
  "　",
  "12.5%",
  "2035年",
  "🌲",
  "张掖市",
  "水源涵养",
  "生物多样性",
];

function randomWords(next: () => number, n: number): string {
  let out = "";
  for (let i = 0; i < n; i++) out += WORDS[Math.floor(next() * WORDS.length)];
  return out;
}

function randomSection(next: () => number): string {
  const paragraphs = 2 + Math.floor(next() * 5);
  return Array.from({ length: paragraphs }, () => `${randomWords(next, 4 + Math.floor(next() * 20))}。`).join("\n");
}

/** A random passage of 4–24 code units that does not split an emoji. */
function randomAnchor(next: () => number, text: string): TextAnchor {
  for (;;) {
    const length = 4 + Math.floor(next() * 21);
    if (length > text.length) continue;
    const start = Math.floor(next() * (text.length - length + 1));
    const a = buildAnchor(text, start, start + length);
    if (a) return a;
  }
}

/** A safe cut point in [from, to] (never inside an emoji). */
function cut(next: () => number, text: string, from: number, to: number): number {
  let p = from + Math.floor(next() * (to - from + 1));
  if (splitsSurrogatePair(text, p)) p = p > from ? p - 1 : p + 1;
  return p;
}

type Edit = { at: number; removed: number; inserted: string };

function apply(text: string, e: Edit): string {
  return text.slice(0, e.at) + e.inserted + text.slice(e.at + e.removed);
}

/** An insert, delete or replace entirely before or entirely after text[start, end). */
function editOutside(next: () => number, text: string, start: number, end: number): Edit | null {
  const before = next() < 0.5;
  const [lo, hi] = before ? [0, start] : [end, text.length];
  const kind = Math.floor(next() * 3); // 0 insert, 1 delete, 2 replace
  const at = cut(next, text, lo, hi);
  const upTo = kind === 0 ? at : cut(next, text, at, Math.min(hi, at + 12));
  if (upTo < at || (kind !== 0 && upTo === at)) return null;
  const inserted = kind === 1 ? "" : randomWords(next, 1 + Math.floor(next() * 3));
  return { at, removed: upTo - at, inserted };
}

describe("mapAnchor on random edit scripts", () => {
  it("keeps a passage intact, exactly, through 1–5 edits that do not touch it (200 scripts)", () => {
    const next = rng(20250601);
    for (let round = 0; round < 200; round++) {
      const oldText = randomSection(next);
      const a = randomAnchor(next, oldText);
      let newText = oldText;
      let start = a.start;
      let end = a.end;
      const edits = 1 + Math.floor(next() * 5);
      for (let k = 0; k < edits; k++) {
        const e = editOutside(next, newText, start, end);
        if (!e) continue;
        newText = apply(newText, e);
        if (e.at + e.removed <= start) {
          start += e.inserted.length - e.removed;
          end += e.inserted.length - e.removed;
        }
      }
      expect(newText.slice(start, end)).toBe(a.exact);
      const m = mapAnchor(oldText, newText, a);
      const info = JSON.stringify({ oldText, newText, a, m });
      expectWellFormed(m, newText);
      expect(m.state, info).toBe("intact");
      expect(m.exact, info).toBe(a.exact);
      // when the passage occurs once, it must be found at its true place
      if (newText.indexOf(a.exact) === newText.lastIndexOf(a.exact)) expect(m.start, info).toBe(start);
    }
  });

  it("never reports an edited passage intact with a wrong slice (200 scripts)", () => {
    const next = rng(777);
    let changedOrOrphaned = 0;
    for (let round = 0; round < 200; round++) {
      const oldText = randomSection(next);
      const a = randomAnchor(next, oldText);
      const kind = Math.floor(next() * 3);
      // an edit strictly inside the passage (insert) or overlapping it (delete, replace)
      const at = kind === 0 ? cut(next, oldText, a.start + 1, a.end - 1) : cut(next, oldText, a.start, a.end - 1);
      const upTo = kind === 0 ? at : cut(next, oldText, at + 1, Math.min(a.end, at + 12));
      const inserted = kind === 1 ? "" : `〇${randomWords(next, Math.floor(next() * 3))}`;
      const newText = apply(oldText, { at, removed: upTo - at, inserted });
      if (newText === oldText) continue;
      const m = mapAnchor(oldText, newText, a);
      const info = JSON.stringify({ oldText, newText, a, m });
      expectWellFormed(m, newText);
      if (m.state === "intact") expect(m.exact, info).toBe(a.exact);
      // "〇" never occurs in the pool, so the passage's old wording is gone
      if (!newText.includes(a.exact)) expect(m.state, info).not.toBe("intact");
      if (m.state !== "intact") changedOrOrphaned++;
    }
    expect(changedOrOrphaned).toBeGreaterThan(150);
  });

  it("keeps every result well formed under arbitrary edits (200 scripts)", () => {
    const next = rng(99);
    for (let round = 0; round < 200; round++) {
      const oldText = randomSection(next);
      const anchors = [randomAnchor(next, oldText), randomAnchor(next, oldText), randomAnchor(next, oldText)];
      let newText = oldText;
      for (let k = 0; k < 1 + Math.floor(next() * 5); k++) {
        const at = cut(next, newText, 0, newText.length);
        const upTo = cut(next, newText, at, Math.min(newText.length, at + 20));
        newText = apply(newText, { at, removed: Math.max(0, upTo - at), inserted: randomWords(next, Math.floor(next() * 4)) });
      }
      const results = mapAnchors(oldText, newText, anchors);
      results.forEach((m, i) => {
        expectWellFormed(m, newText);
        if (m.state === "intact") expect(m.exact).toBe(anchors[i].exact);
      });
    }
  });
});
