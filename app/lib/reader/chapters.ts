/**
 * How the reading view cuts an edition into pages. A chapter is a top-level section with its
 * sub-sections. A page holds up to `budget` characters: a new page starts at a chapter that does not fit
 * on the current one (once the current one has two thirds of the budget), or at the section that
 * would overflow it, so long chapters are cut between sections and short ones share a page. A last page
 * under half the budget joins the one before. So a short document is one page, a long one about a
 * chapter a page, and a page's size follows what a person reads, never the document. A page is named by
 * its first section's id (`?chapter=`); any section id finds its page.
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

/** About ten printed pages of Chinese text: ~90 KB of UTF-8 in the page. */
export const PAGE_CHARS = 30_000;

export function readerPages(outline: OutlineEntry[], budget = PAGE_CHARS): ReaderPage[] {
  const ids = new Set(outline.map((s) => s.id));
  const startsChapter = (s: OutlineEntry) => !s.parentId || !ids.has(s.parentId);
  // characters of the chapter each chapter-starting section opens
  const chapterChars = new Map<string, number>();
  let head: string | null = null;
  for (const s of outline) {
    if (startsChapter(s) || head === null) head = s.id;
    chapterChars.set(head, (chapterChars.get(head) ?? 0) + s.chars);
  }
  const pages: ReaderPage[] = [];
  let current: ReaderPage | null = null;
  for (const s of outline) {
    const open = current as ReaderPage | null;
    const chapterBreak =
      open !== null && startsChapter(s) && open.chars >= (budget * 2) / 3 && open.chars + chapterChars.get(s.id)! > budget;
    const overflow = open !== null && open.sectionIds.length > 0 && open.chars + s.chars > budget;
    if (!open || chapterBreak || overflow) {
      current = { id: s.id, sectionIds: [], chars: 0 };
      pages.push(current);
    }
    current!.sectionIds.push(s.id);
    current!.chars += s.chars;
  }
  const last = pages.at(-1);
  if (last && pages.length > 1 && last.chars < budget / 2) {
    pages.pop();
    const before = pages.at(-1)!;
    before.sectionIds.push(...last.sectionIds);
    before.chars += last.chars;
  }
  return pages;
}

/** The page holding this section (or page id); the first page for an unknown or missing id. */
export function pageOf(pages: ReaderPage[], sectionId: string | null | undefined): number {
  if (!sectionId) return 0;
  const i = pages.findIndex((p) => p.sectionIds.includes(sectionId));
  return Math.max(i, 0);
}
