import { Link } from "@remix-run/react";

export interface TocEntry {
  id: string;
  number: string;
  title: string;
  parentId: string | null;
}

/** A document's table of contents; `hrefOf` decides whether entries are pages or in-page anchors. */
export function DocumentToc({
  entries,
  currentId,
  hrefOf,
  label,
}: {
  entries: TocEntry[];
  currentId?: string;
  hrefOf: (e: TocEntry) => string;
  label: string;
}) {
  return (
    <nav aria-label={label}>
      <ul className="toc">
        {entries.map((e) => (
          <li key={e.id} className={e.parentId ? "toc--child" : undefined}>
            <Link
              to={hrefOf(e)}
              aria-current={e.id === currentId ? "page" : undefined}
              style={e.id === currentId ? { fontWeight: 600 } : undefined}
            >
              <span className="toc__num">{e.number}</span>
              {e.title}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
