import { useState } from "react";
import { RichText } from "~/components/rich-text";

/**
 * A section's server-rendered, sanitised HTML (lib/editor/render.server.ts), put into the page once.
 * The page's loader data does not carry it (routes/editions.$editionId._index.tsx hides it from the
 * serialised data), so on hydration the HTML is read back from the DOM the server sent; pages loaded
 * later in the browser bring it in their data.
 */
export function SectionHtml({ sectionId, html }: { sectionId: string; html: string | undefined }) {
  const [fromDom] = useState(() =>
    html === undefined && typeof document !== "undefined"
      ? (document.querySelector(`[data-section-text="${CSS.escape(sectionId)}"] > .prose`)?.innerHTML ?? "")
      : "",
  );
  return <RichText html={html ?? fromDom} />;
}
