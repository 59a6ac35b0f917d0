import { generateJSON } from "@tiptap/html/server";
import { editorExtensions, isAllowedHref } from "~/lib/editor/extensions";
import { parseContent } from "~/lib/editor/schema";
import { deriveText } from "~/lib/editor/text";
import { type ConvertLimits, convertDocxInWorker } from "./convert-worker.server";

export type ImportedSection = {
  level: 1 | 2;
  number: string | null;
  title: string;
  /** A Tiptap doc that passes parseContent. */
  content: Record<string, unknown>;
  /** Length of the section's plain text (deriveText), for the import summary. */
  characters: number;
};

export type ImportResult = { sections: ImportedSection[]; imagesDropped: number; warnings: string[] };

type JsonNode = { type: string; attrs?: Record<string, unknown>; content?: JsonNode[]; marks?: JsonNode[]; text?: string };

const MAX_WARNINGS = 20;

/**
 * A .docx (already accepted by checkDocxUpload) → sections split at Heading 1 / Heading 2.
 * Odd content never throws: a section that does not fit the editor schema is kept as plain
 * paragraphs with a warning. Images are dropped and counted (the editor has no image node).
 * mammoth runs in a worker with a memory cap and a time limit (convert-worker.server.ts); its
 * ConversionError passes through.
 */
export async function docxToSections(bytes: Uint8Array, limits?: ConvertLimits): Promise<ImportResult> {
  const result = await convertDocxInWorker(bytes, limits);
  const imagesDropped = result.imagesDropped;
  const html = result.html.replace(/<p>(?:\s*<img[^>]*>\s*)+<\/p>/g, "").replace(/<img[^>]*>/g, "");
  const doc = generateJSON(html, editorExtensions) as JsonNode;

  const ownWarnings: string[] = [];
  const sections: ImportedSection[] = [];
  let current: { level: 1 | 2; heading: string; blocks: JsonNode[] } = { level: 1, heading: "", blocks: [] };
  const flush = () => {
    const hasText = current.blocks.some((b) => plainText(b).trim() !== "");
    if (current.heading === "" && !hasText) return; // nothing before the first heading
    const { number, title } = splitNumber(current.heading || "前言");
    const { content, characters, warning } = toContent(current.blocks, title);
    if (warning) ownWarnings.push(warning);
    sections.push({ level: current.level, number, title, content, characters });
  };
  for (const block of doc.content ?? []) {
    const level = block.type === "heading" ? block.attrs?.level : undefined;
    const heading = level === 1 || level === 2 ? normalizeSpace(plainText(block)) : "";
    if (heading === "") {
      current.blocks.push(block);
      continue;
    }
    flush();
    current = { level: level as 1 | 2, heading, blocks: [] };
  }
  flush();
  if (sections.length === 0) ownWarnings.push("文档中没有找到文字。");

  const mammothWarnings = result.messages;
  const warnings = [...new Set([...ownWarnings, ...mammothWarnings])].slice(0, MAX_WARNINGS);
  return { sections, imagesDropped, warnings };
}

/** Section blocks → validated Tiptap doc; falls back to plain paragraphs, then to a cut. */
function toContent(blocks: JsonNode[], title: string): { content: Record<string, unknown>; characters: number; warning?: string } {
  const rich = { type: "doc", content: blocks.length ? blocks.map(cleanLinks) : [{ type: "paragraph" }] };
  const parsed = parseContent(rich);
  if ("doc" in parsed) return { content: rich, characters: deriveText(parsed.doc).length };

  const lines = blocks.flatMap(textBlocks).filter((t) => t.trim() !== "");
  const para = (t: string): JsonNode => ({ type: "paragraph", content: t ? [{ type: "text", text: t }] : [] });
  let plain = { type: "doc", content: lines.length ? lines.map(para) : [para("")] };
  let again = parseContent(plain);
  let warning = `“${title}”的格式无法完整保留（${describe(parsed.problem)}），已按纯文本导入，请核对。`;
  // Still too large as plain text: keep what fits rather than refusing the whole document.
  while ("problem" in again && plain.content.length > 1) {
    plain = { type: "doc", content: plain.content.slice(0, Math.floor(plain.content.length * 0.9)) };
    again = parseContent(plain);
    warning = `“${title}”内容过长，只导入了前 ${plain.content.length} 段，请拆分后补充。`;
  }
  if ("problem" in again) return { content: { type: "doc", content: [para("")] }, characters: 0, warning: `“${title}”的内容无法导入。` };
  return { content: plain, characters: deriveText(again.doc).length, warning };
}

function describe(problem: { kind: string }): string {
  return problem.kind === "too_large" ? "内容过大" : problem.kind === "too_deep" ? "嵌套过深" : "结构不受支持";
}

/**
 * Drops link marks the portal would refuse (parseContent refuses the whole doc for one bad href)
 * and Word's internal bookmarks ("#_Toc…", footnote refs), which point nowhere on the portal.
 */
function cleanLinks(node: JsonNode): JsonNode {
  const out: JsonNode = { ...node };
  if (node.marks) {
    const marks = node.marks.filter((m) => {
      if (m.type !== "link") return true;
      const href = m.attrs?.href;
      return isAllowedHref(href) && /^(https?|mailto):/i.test(String(href).trim());
    });
    if (marks.length) out.marks = marks;
    else delete out.marks;
  }
  if (node.content) out.content = node.content.map(cleanLinks);
  return out;
}

function plainText(node: JsonNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return " ";
  return (node.content ?? []).map(plainText).join("");
}

/** The text of every textblock (paragraph, heading) inside a node, one string per block. */
function textBlocks(node: JsonNode): string[] {
  const children = node.content ?? [];
  if (children.some((c) => c.type === "text" || c.type === "hardBreak")) return [plainText(node)];
  return children.flatMap(textBlocks);
}

const normalizeSpace = (s: string) => s.replace(/[\s\u3000]+/g, " ").trim();

const NUMBER_PATTERNS = [
  /^(第[一二三四五六七八九十百千零〇两\d]+(?:章|节|条|篇|编|部分))[\s\u3000]*(.+)$/, // 第一章 总则
  /^([一二三四五六七八九十百]+、)[\s\u3000]*(.+)$/, // 一、总体要求
  /^([（(][一二三四五六七八九十百\d]+[)）])[\s\u3000]*(.+)$/, // （一）规划目标
  // 1.2 目标, 1.2目标, but not a quantity such as 1.5倍 or 2.3万亩
  /^(\d+(?:\.\d+)+)(?:[\s\u3000]+|(?=[\u4e00-\u9fff])(?![倍亿万千百元年月日个公亩米吨平立]))(.+)$/,
  /^(\d+[、.．])(?!\d)[\s\u3000]*(.+)$/, // 1、总体要求 / 1. 目标 (not 1.5倍)
];

/** "第三节　规划指标" → { number: "第三节", title: "规划指标" }; no number → null. */
export function splitNumber(heading: string): { number: string | null; title: string } {
  const text = normalizeSpace(heading);
  for (const pattern of NUMBER_PATTERNS) {
    const m = pattern.exec(text);
    if (m) return { number: m[1], title: m[2].trim() };
  }
  return { number: null, title: text };
}
