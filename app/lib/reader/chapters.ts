/**
 * How the reading view cuts an edition into pages: a chapter is a top-level section with its
 * sub-sections; consecutive chapters share a page while the page stays under a character budget, and a
 * chapter longer than the budget is cut between its sections. So a short document is one page, a long
 * one a page per chapter (or part of one), and a page's size follows what a person reads, never the
 * document. A page is named by its first section's id (`?chapter=`); any section id finds its page.
 */
export interface OutlineEntry {
  id: string;
  parentId: string | null;
  /** characters of the section's text */
  chars: number;
}

export interface ReaderPage {
  /** the id of the page's first section */
  id: string;
  sectionIds: string[];
  chars: number;
}

/** About 10 printed pages of Chinese text: ~90 KB of UTF-8 in the page. */
export const PAGE_CHARS = 30_000;

export function readerPages(outline: OutlineEntry[], budget = PAGE_CHARS): ReaderPage[] {
  // top-level chapters: a section without a parent (or whose parent is not in the edition) starts one
  const ids = new Set(outline.map((s) => s.id));
  const chapters: OutlineEntry[][] = [];
  for (const s of outline) {
    if (!chapters.length || !s.parentId || !ids.has(s.parentId)) chapters.push([s]);
    else chapters.at(-1)!.push(s);
  }
  const pages: ReaderPage[] = [];
  let current: ReaderPage | null = null;
  const add = (s: OutlineEntry) => {
    if (!current || (current.chars + s.chars > budget && current.sectionIds.length)) {
      current = { id: s.id, sectionIds: [], chars: 0 };
      pages.push(current);
    }
    current.sectionIds.push(s.id);
    current.chars += s.chars;
  };
  for (const chapter of chapters) {
    const chars = chapter.reduce((n, s) => n + s.chars, 0);
    // a chapter that does not fit the current page starts a new one; one longer than the budget is cut
    const open = current as ReaderPage | null;
    if (open && open.chars + chars > budget) current = null;
    for (const s of chapter) add(s);
  }
  return pages;
}

/** The page holding this section (or page id); the first page for an unknown or missing id. */
export function pageOf(pages: ReaderPage[], sectionId: string | null | undefined): number {
  if (!sectionId) return 0;
  const i = pages.findIndex((p) => p.sectionIds.includes(sectionId));
  return Math.max(i, 0);
}
