import { snippetParts, type Snippet } from "~/lib/search/snippet";

/** A snippet with its matches marked, built from offsets as React elements (no HTML is injected). */
export function SearchSnippet({ snippet }: { snippet: Snippet }) {
  return (
    <p className="search-snippet">
      {snippetParts(snippet).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}
