import { snippetParts, type Snippet } from "~/lib/search/snippet";

/** A snippet with its matches marked, built from offsets as React elements (no HTML is injected). */
export function SearchSnippet({ snippet }: { snippet: Snippet }) {
  return (
    <p className="search-snippet">
      {snippetParts(snippet).map((part, i) =>
        part.hit ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed split of one string
          <mark key={i}>{part.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts are a fixed split of one string
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
