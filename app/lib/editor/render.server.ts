import { generateHTML } from "@tiptap/html/server";
import sanitizeHtml from "sanitize-html";
import { editorExtensions, isAllowedHref } from "./extensions";
import { cacheKey, lruCache } from "./render-cache";

// What the renderer may emit; anything else is stripped even if it slipped into stored JSON.
export const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h1", "h2", "h3", "h4", "strong", "em", "u", "s", "a", "ul", "ol", "li", "br", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "colgroup", "col"],
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

const rendered = lruCache<string>(2000);

/** Stored, already validated Tiptap JSON → sanitised HTML for `dangerouslySetInnerHTML`. */
export function renderContentHtml(content: unknown): string {
  return rendered.get(cacheKey(content), () => sanitizeHtml(generateHTML(content as Parameters<typeof generateHTML>[0], editorExtensions), sanitizeOptions));
}
