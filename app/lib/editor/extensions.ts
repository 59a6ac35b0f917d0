// The one editor schema: the browser editor, the server validator and the HTML renderer all use
// this list, so what can be typed is exactly what is accepted and rendered.
import type { AnyExtension } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import StarterKit from "@tiptap/starter-kit";

export const ALLOWED_LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

export function isAllowedHref(href: unknown): boolean {
  if (typeof href !== "string" || href.length > 2048) return false;
  const trimmed = href.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  // no scheme = a relative link inside the portal; control characters never
  for (const ch of trimmed) if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) return false;
  return scheme === undefined ? !trimmed.startsWith("//") : (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(scheme);
}

export const editorExtensions: AnyExtension[] = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3, 4] },
    codeBlock: false,
    code: false,
    horizontalRule: false,
    link: {
      openOnClick: false,
      autolink: false,
      protocols: [...ALLOWED_LINK_PROTOCOLS],
      isAllowedUri: (url) => isAllowedHref(url),
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
  TableKit.configure({ table: { resizable: false } }),
];
