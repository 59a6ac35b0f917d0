import { getSchema } from "@tiptap/core";
import type { Node as PMNode, Schema } from "@tiptap/pm/model";
import { Node } from "@tiptap/pm/model";
import { editorExtensions, isAllowedHref } from "./extensions";

let cached: Schema | null = null;
export function editorSchema(): Schema {
  cached ??= getSchema(editorExtensions);
  return cached;
}

export const MAX_CONTENT_BYTES = 2 * 1024 * 1024;
export const MAX_DEPTH = 64;

export type ContentProblem =
  | { kind: "too_large"; bytes: number }
  | { kind: "not_a_doc" }
  | { kind: "too_deep" }
  | { kind: "bad_link"; href: string }
  | { kind: "schema"; message: string };

/** Depth of a JSON tree, walked without recursion so hostile nesting cannot overflow the stack. */
function tooDeep(json: unknown): boolean {
  const stack: [unknown, number][] = [[json, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH * 2) return true;
    if (node && typeof node === "object") for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

// C0 controls other than tab, and DEL: never typed, and some make Word refuse a file
// biome-ignore lint/suspicious/noControlCharactersInRegex: this regex exists to find them
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/;
const NODE_KEYS = new Set(["type", "attrs", "content", "marks", "text"]);
const MARK_KEYS = new Set(["type", "attrs"]);

/**
 * ProseMirror drops attributes it does not know; we refuse them instead, so nothing a client sends
 * is silently changed. Also refuses unknown keys, node types and mark types. Iterative.
 */
function shapeProblem(schema: Schema, json: unknown): string | null {
  const stack: unknown[] = [json];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== "object" || Array.isArray(node)) return "a node must be an object";
    const n = node as Record<string, unknown>;
    for (const key of Object.keys(n)) if (!NODE_KEYS.has(key)) return `unknown key "${key}"`;
    const type = typeof n.type === "string" ? schema.nodes[n.type] : undefined;
    if (!type) return `unknown node type "${String(n.type)}"`;
    const attrProblem = checkAttrs(n.attrs, type.spec.attrs ?? {}, type.name);
    if (attrProblem) return attrProblem;
    if (n.marks !== undefined) {
      if (!Array.isArray(n.marks)) return "marks must be a list";
      for (const m of n.marks) {
        if (!m || typeof m !== "object") return "a mark must be an object";
        const mark = m as Record<string, unknown>;
        for (const key of Object.keys(mark)) if (!MARK_KEYS.has(key)) return `unknown mark key "${key}"`;
        const markType = typeof mark.type === "string" ? schema.marks[mark.type] : undefined;
        if (!markType) return `unknown mark type "${String(mark.type)}"`;
        const p = checkAttrs(mark.attrs, markType.spec.attrs ?? {}, markType.name);
        if (p) return p;
      }
    }
    if (n.text !== undefined && typeof n.text !== "string") return "text must be a string";
    if (typeof n.text === "string" && CONTROL_CHARACTERS.test(n.text)) return "text contains control characters";
    if (n.content !== undefined) {
      if (!Array.isArray(n.content)) return "content must be a list";
      stack.push(...n.content);
    }
  }
  return null;
}

function checkAttrs(attrs: unknown, spec: Record<string, unknown>, typeName: string): string | null {
  if (attrs === undefined || attrs === null) return null;
  if (typeof attrs !== "object" || Array.isArray(attrs)) return `attrs of ${typeName} must be an object`;
  for (const [name, value] of Object.entries(attrs)) {
    if (!(name in spec)) return `unknown attribute "${name}" on ${typeName}`;
    const plain = value === null || ["string", "number", "boolean"].includes(typeof value);
    const numbers = Array.isArray(value) && value.every((v) => typeof v === "number");
    if (!plain && !numbers) return `attribute "${name}" on ${typeName} must be a plain value`;
  }
  return null;
}

/**
 * Checks untrusted content JSON against the editor schema: size, depth, node and mark types,
 * attributes (unknown ones are refused, not dropped), content expressions and link protocols.
 * Returns the parsed document or the first problem found.
 */
export function parseContent(json: unknown): { doc: PMNode } | { problem: ContentProblem } {
  if (!json || typeof json !== "object" || (json as { type?: unknown }).type !== "doc") return { problem: { kind: "not_a_doc" } };
  if (tooDeep(json)) return { problem: { kind: "too_deep" } };
  const bytes = Buffer.byteLength(JSON.stringify(json), "utf8");
  if (bytes > MAX_CONTENT_BYTES) return { problem: { kind: "too_large", bytes } };
  const schema = editorSchema();
  const shape = shapeProblem(schema, json);
  if (shape) return { problem: { kind: "schema", message: shape } };
  let doc: PMNode;
  try {
    doc = Node.fromJSON(schema, json as Record<string, unknown>);
    doc.check();
  } catch (e) {
    return { problem: { kind: "schema", message: e instanceof Error ? e.message : String(e) } };
  }
  let badHref: string | null = null;
  doc.descendants((node) => {
    for (const mark of node.marks) {
      if (mark.type.name === "link" && !isAllowedHref(mark.attrs.href)) badHref ??= String(mark.attrs.href);
    }
    return badHref === null;
  });
  if (badHref !== null) return { problem: { kind: "bad_link", href: badHref } };
  return { doc };
}
