// A deterministic plan at real size for the scale bench and its tests: ~500,000 characters of plan prose
// in ~300 sections (chapters with sub-sections), built from the demo plans' own sentences; a second
// edition with ~30 changed sections; and comments on exact passages from several organisations.
// Pure: no database (tests/support/seed-large-plan.ts writes it).
import { rng } from "../../app/lib/random";
import type { Block, DemoDocument, DemoSection } from "~db/seed/content-types";
import { countyPlans } from "~db/seed/county-plans";
import { planText } from "~db/seed/plan-text";
import type { CommentCategory } from "~db/schema";

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

function blockTexts(b: Block): string[] {
  if ("p" in b) return [b.p];
  if ("ul" in b) return b.ul;
  if ("ol" in b) return b.ol;
  return [];
}
function walk(sections: DemoSection[], out: { sentences: string[]; titles: string[] }) {
  for (const s of sections) {
    out.titles.push(s.title);
    for (const t of s.blocks.flatMap(blockTexts))
      for (const m of t.match(/[^。；]+[。；]/g) ?? []) if (m.length >= 12 && m.length <= 220) out.sentences.push(m);
    walk(s.children ?? [], out);
  }
}

/** The demo plans' sentences and section titles: the vocabulary every generated paragraph is made of. */
export function vocabulary(): { sentences: string[]; titles: string[] } {
  const out = { sentences: [] as string[], titles: [] as string[] };
  for (const doc of [planText, ...countyPlans.map((c) => c.text)]) walk(doc.sections, out);
  out.sentences = [...new Set(out.sentences)];
  out.titles = [...new Set(out.titles)];
  return out;
}

const PLACES = [
  "甘州区",
  "临泽县",
  "高台县",
  "山丹县",
  "民乐县",
  "肃南县",
  "祁连山北麓",
  "黑河中游",
  "北部荒漠",
  "合黎山",
  "龙首山",
  "大野口",
  "马蹄寺",
  "平川镇",
  "巷道镇",
  "南华镇",
];

export interface LargePlanOptions {
  seed?: number;
  /** characters of text over all sections (approximately: whole sentences) */
  chars?: number;
  chapters?: number;
  /** sub-sections per chapter; sections = chapters × (1 + subsections) */
  subsections?: number;
}

/** Length of a section's text as the editor derives it: its textblocks joined by "\n". */
export function blocksLength(blocks: Block[]): number {
  const texts = blocks.flatMap((b) => ("h" in b ? [b.h] : blockTexts(b)));
  return texts.reduce((n, t) => n + t.length, 0) + Math.max(texts.length - 1, 0);
}

function paragraph(r: () => number, sentences: string[]): string {
  const n = 2 + Math.floor(r() * 4);
  return Array.from({ length: n }, () => pick(r, sentences)).join("");
}

function sectionBlocks(r: () => number, v: ReturnType<typeof vocabulary>, budget: number): Block[] {
  const blocks: Block[] = [];
  let used = 0;
  while (used < budget) {
    const roll = r();
    let b: Block;
    if (roll < 0.06 && blocks.length > 0) b = { h: `（${"一二三四五六七八九十"[blocks.length % 10]}）${pick(r, v.titles)}` };
    else if (roll < 0.14) b = { ul: Array.from({ length: 3 + Math.floor(r() * 3) }, () => pick(r, v.sentences)) };
    else b = { p: paragraph(r, v.sentences) };
    blocks.push(b);
    used = blocksLength(blocks);
  }
  return blocks;
}

/** The plan text: `chapters` chapters of `1 + subsections` sections each, about `chars` characters in all. */
export function generateLargePlan({
  seed = 20211201,
  chars = 500_000,
  chapters = 30,
  subsections = 9,
}: LargePlanOptions = {}): DemoDocument {
  const r = rng(seed);
  const v = vocabulary();
  const count = chapters * (1 + subsections);
  let remaining = chars;
  let left = count;
  const next = (share: number) => Math.max(60, Math.round((remaining / left) * share));
  const make = (title: string, share: number): DemoSection => {
    const blocks = sectionBlocks(r, v, next(share));
    remaining -= blocksLength(blocks);
    left--;
    return { title, blocks };
  };
  const sections: DemoSection[] = [];
  for (let c = 0; c < chapters; c++) {
    const chapter = make(`${pick(r, PLACES)}${pick(r, v.titles)}`, 0.4);
    chapter.children = Array.from({ length: subsections }, () => make(pick(r, v.titles), 0.8 + r() * 0.6));
    sections.push(chapter);
  }
  return { kind: "text", title: "规划文本（规模测试）", sections };
}

/** Sections in document order (chapter, its sub-sections, next chapter …), as seeding numbers them. */
export function flatSections(doc: DemoDocument): DemoSection[] {
  return doc.sections.flatMap((c) => [c, ...(c.children ?? [])]);
}

/** Total characters of the plan's text (sum over sections). */
export function planChars(doc: DemoDocument): number {
  return flatSections(doc).reduce((n, s) => n + blocksLength(s.blocks), 0);
}

/**
 * The second edition: `changed` sections (spread over the document) edited as a drafting team does —
 * a sentence replaced, one added, one dropped, a figure changed. Returns the index (document order)
 * and the new blocks of each changed section.
 */
export function reviseLargePlan(doc: DemoDocument, { seed = 7, changed = 30 } = {}): { index: number; blocks: Block[] }[] {
  const r = rng(seed);
  const v = vocabulary();
  const all = flatSections(doc);
  const step = all.length / changed;
  return Array.from({ length: changed }, (_, i) => {
    const index = Math.floor(i * step + r() * step);
    const blocks: Block[] = all[index].blocks.map((b) => ("p" in b ? { p: b.p } : "ul" in b ? { ul: [...b.ul] } : b) as Block);
    const ps = blocks.map((b, j) => ("p" in b ? j : -1)).filter((j) => j >= 0);
    const at = (k: number) => blocks[ps[k % ps.length]] as { p: string };
    if (ps.length) {
      const p = at(Math.floor(r() * ps.length));
      p.p = p.p.replace(/[^。；]+[。；]/, pick(r, v.sentences));
      at(Math.floor(r() * ps.length)).p += pick(r, v.sentences);
      const q = at(Math.floor(r() * ps.length));
      q.p = q.p.replace(/(\d+)(%|公顷|万亩|平方公里)/, (_, n: string, u: string) => `${Number(n) + 1}${u}`);
    }
    if (r() < 0.3) blocks.splice(Math.floor(r() * blocks.length), 0, { p: paragraph(r, v.sentences) });
    return { index, blocks };
  });
}

export interface LargeComment {
  /** index of the section in document order */
  sectionIndex: number;
  /** the passage commented on, as offsets into the section's text; null = the whole section */
  start: number | null;
  end: number | null;
  category: CommentCategory;
  body: string;
  /** index into the commenting organisations given to the seeder */
  author: number;
}

const OPENINGS = ["建议", "请核实", "建议补充", "建议修改为", "建议进一步明确", "请说明", "建议与上位规划衔接，", "建议细化"];
const SUBJECTS = [
  "实施范围和时序",
  "治理面积目标",
  "资金来源和投资估算",
  "责任部门和考核要求",
  "与生态保护红线的关系",
  "监测评估指标",
  "乡镇一级的任务分解",
  "与“十四五”项目库的衔接",
];
const CATEGORIES: CommentCategory[] = ["revise", "add", "question", "delete", "other"];

/** `count` comments on passages of the given section texts (a tenth on whole sections), deterministic. */
export function largePlanComments(sectionTexts: string[], { seed = 99, count = 2000, authors = 8 } = {}): LargeComment[] {
  const r = rng(seed);
  return Array.from({ length: count }, () => {
    const sectionIndex = Math.floor(r() * sectionTexts.length);
    const text = sectionTexts[sectionIndex];
    const whole = r() < 0.1 || text.length < 20;
    const len = 6 + Math.floor(r() * 30);
    const start = whole ? null : Math.floor(r() * (text.length - len));
    const end = start === null ? null : start + len;
    const subject = pick(r, SUBJECTS);
    const quote = start === null ? "本节" : `“${text.slice(start, end!).replace(/\n/g, "")}”`;
    const body = `${pick(r, OPENINGS)}${quote}的${subject}。${r() < 0.5 ? `${pick(r, PLACES)}的情况与此不同，${pick(r, ["请结合实际调整", "需要单独说明", "应在附表中列明"])}。` : ""}`;
    return { sectionIndex, start, end, category: pick(r, CATEGORIES), body, author: Math.floor(r() * authors) };
  });
}
