/**
 * Shows HTML produced on the server by renderContentHtml (Tiptap JSON → HTML → sanitize-html).
 * Never pass anything else here.
 */
export function RichText({ html, className = "prose" }: { html: string; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised on the server by renderContentHtml
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
