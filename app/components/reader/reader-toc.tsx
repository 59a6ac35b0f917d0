import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useT } from "~/i18n/use-t";

export interface ReaderTocEntry {
  id: string;
  number: string;
  title: string;
  parentId: string | null;
  /** the reader page the section is on */
  pageId: string;
}

/**
 * The edition's table of contents: every chapter, with the sections of the chapters on screen. An
 * entry on a page already shown is an in-page anchor; any other opens its page (`?chapter=`), so the
 * browser's back button returns. Open on a wide screen; on a phone a closed <details> above the text.
 */
export function ReaderToc({
  entries,
  shownPages,
  currentPageId,
  hrefOfPage,
}: {
  entries: ReaderTocEntry[];
  shownPages: Set<string>;
  currentPageId: string | null;
  hrefOfPage: (pageId: string, sectionId: string) => string;
}) {
  const t = useT();
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia("(max-width: 1100px)").matches) ref.current.open = false;
  }, []);
  const close = () => {
    if (ref.current && window.matchMedia("(max-width: 1100px)").matches) ref.current.open = false;
  };
  return (
    <details className="reader__toc reader__toc--pages card" open ref={ref} data-testid="reader-toc">
      <summary className="small">{t("edition.contents")}</summary>
      <nav aria-label={t("edition.contents")}>
        <ul className="toc">
          {entries.map((e) => (
            <li key={e.id} className={e.parentId ? "toc--child" : undefined}>
              {shownPages.has(e.pageId) ? (
                <a href={`#${e.id}`} aria-current={!e.parentId && e.pageId === currentPageId ? "page" : undefined} onClick={close}>
                  <span className="toc__num">{e.number}</span>
                  {e.title}
                </a>
              ) : (
                <Link to={hrefOfPage(e.pageId, e.id)} onClick={close}>
                  <span className="toc__num">{e.number}</span>
                  {e.title}
                </Link>
              )}
            </li>
          ))}
        </ul>
      </nav>
    </details>
  );
}
