// Server HTML of a revision with the commented passages wrapped in <mark> elements. The highlight
// is a render-only mark: it exists in this file's extended schema and never in the editing schema,
// so nobody can store one in content.
import { getSchema, Mark } from "@tiptap/core";
import { generateHTML } from "@tiptap/html/server";
import type { Schema } from "@tiptap/pm/model";
import { Node } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import sanitizeHtml from "sanitize-html";
import { textPositions } from "../anchoring/text-positions";
import { editorExtensions } from "./extensions";
import { cacheKey, htmlCache } from "./render-cache";
import { sanitizeOptions as baseOptions, renderContentHtml } from "./render.server";

export interface Highlight {
  id: string;
  /** UTF-16 offsets into the revision's text (lib/editor/text.ts). */
  start: number;
  end: number;
  /** Extra classes, e.g. "mine resolved": lowercase letters, digits and "-" only. */
  className?: string;
}

const ID = /^[a-z0-9_]+$/i;
const CLASS_NAMES = /^[a-z0-9-]+( [a-z0-9-]+)*$/;

const CommentHighlight = Mark.create({
  name: "commentHighlight",
  // lowest priority = highest mark rank = innermost element, so the existing <strong>/<a> markup is
  // never split by a highlight: removing the <mark> tags gives exactly renderContentHtml's output
  priority: 1,
  // several comments may cover the same characters; each keeps its own mark
  excludes: "",
  inclusive: false,
  addAttributes() {
    return { id: { default: null, rendered: false }, className: { default: null, rendered: false } };
  },
  renderHTML({ mark }) {
    const extra = mark.attrs.className ? ` ${mark.attrs.className}` : "";
    return ["mark", { class: `hl${extra}`, "data-comment-id": mark.attrs.id }, 0];
  },
});

const highlightExtensions = [...editorExtensions, CommentHighlight];
let cachedSchema: Schema | null = null;
const highlightSchema = () => (cachedSchema ??= getSchema(highlightExtensions));

// The reading view's options plus <mark>. sanitize-html tests allowedClasses one class at a time,
// so the whole-value rule /^hl( [a-z0-9-]+)*$/ is enforced by CLASS_NAMES above and each token here.
const sanitizeOptions: sanitizeHtml.IOptions = {
  ...baseOptions,
  allowedTags: [...(baseOptions.allowedTags || []), "mark"],
  allowedAttributes: { ...baseOptions.allowedAttributes, mark: ["class", "data-comment-id"] },
  allowedClasses: { mark: ["hl", /^[a-z0-9-]+$/] },
};

/**
 * Stored, already validated Tiptap JSON → sanitised HTML with one <mark class="hl …"
 * data-comment-id="…"> per highlight around the characters it covers. Highlights may overlap
 * (marks nest) and cross blocks (one <mark> per textblock touched). Highlights with a bad id or
 * offsets outside the text are skipped; a bad className is dropped.
 */
export function renderContentHtmlWithHighlights(content: unknown, highlights: Highlight[]): string {
  return highlighted.get(cacheKey(content, highlights), () => render(content, highlights));
}

/** Highlighted renderings, at most 24 MB of strings. */
export const highlightedHtml = htmlCache(24 * 1024 * 1024);
const highlighted = highlightedHtml;

/**
 * A revision's HTML with these highlights, keyed on the revision id (revisions never change) so a hit
 * neither loads nor hashes the content; `load` is called only on a miss. No highlights: the plain rendering.
 */
export function revisionHtml(revisionId: string, highlights: Highlight[], load: () => unknown): string {
  if (!highlights.length) return renderContentHtml(load, revisionId);
  return highlighted.get(`rev:${revisionId}:${cacheKey(highlights)}`, () => render(load(), highlights));
}

function render(content: unknown, highlights: Highlight[]): string {
  const schema = highlightSchema();
  const doc = Node.fromJSON(schema, content as Record<string, unknown>);
  const positions = textPositions(doc);
  const tr = new Transform(doc);
  // outer (earlier, longer) highlights first: a mark added earlier stays the outer element
  const ordered = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const h of ordered) {
    if (typeof h.id !== "string" || !ID.test(h.id)) continue;
    if (!Number.isInteger(h.start) || !Number.isInteger(h.end) || h.start < 0 || h.end > positions.textLength || h.start >= h.end) continue;
    const from = positions.posAtOffset(h.start, "start");
    const to = positions.posAtOffset(h.end, "end");
    if (from === null || to === null || from >= to) continue;
    const className = typeof h.className === "string" && CLASS_NAMES.test(h.className) ? h.className : null;
    tr.addMark(from, to, schema.marks.commentHighlight.create({ id: h.id, className }));
  }
  return sanitizeHtml(generateHTML(tr.doc.toJSON(), highlightExtensions), sanitizeOptions);
}
