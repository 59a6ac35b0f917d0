import { generateHTML } from "@tiptap/html/server";
import sanitizeHtml from "sanitize-html";
import { editorExtensions, isAllowedHref } from "./extensions";
import { cacheKey, htmlCache } from "./render-cache";

// What the renderer may emit; anything else is stripped even if it slipped into stored JSON.
export const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "u",
    "s",
    "a",
    "ul",
    "ol",
    "li",
    "br",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "colgroup",
    "col",
  ],
  allowedAttributes: {
    a: ["href", "rel"],
    ol: ["start", "type"],
    td: ["colspan", "rowspan"],
    th: ["colspan", "rowspan"],
    col: ["style"],
    table: ["style"],
  },
  allowedStyles: { col: { width: [/^\d+px$/], "min-width": [/^\d+px$/] }, table: { width: [/^\d+px$/], "min-width": [/^\d+px$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  exclusiveFilter: (frame) => frame.tag === "a" && !isAllowedHref(frame.attribs.href ?? ""),
};

/** Rendered revisions, at most 24 MB of strings (see docs/ARCHITECTURE.md, "Caches"). */
export const renderedHtml = htmlCache(24 * 1024 * 1024);

/**
 * Stored, already validated Tiptap JSON → sanitised HTML for `dangerouslySetInnerHTML`. With `revisionId`
 * (revisions never change) the cache is keyed on the id and `content` may be a function called only on a miss.
 */
export function renderContentHtml(content: unknown, revisionId?: string): string {
  const load = () => (typeof content === "function" ? content() : content);
  return renderedHtml.get(revisionId ? `rev:${revisionId}` : cacheKey(content), () =>
    sanitizeHtml(generateHTML(load() as Parameters<typeof generateHTML>[0], editorExtensions), sanitizeOptions),
  );
}
