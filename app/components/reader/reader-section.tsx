import type { ReactNode } from "react";
import type { TargetYear } from "~db/schema/enums";
import { NewCommentForm } from "~/components/comments/new-comment-form";
import { PlanTableBlock } from "~/components/plan-tables/plan-table-block";
import { useT } from "~/i18n/use-t";
import type { FrozenTable } from "~/lib/plan-tables/frozen";
import type { IndicatorRow } from "~/lib/plan-tables/indicator-table";
import { SectionHtml } from "./static-html";

export interface ReaderSectionData {
  id: string;
  number: string;
  title: string;
  parentId: string | null;
  revisionId: string;
  /** absent in the first page's serialised data: read back from the server's DOM (SectionHtml) */
  html?: string;
  tables: FrozenTable[];
}

/**
 * One section in the reading view: heading, the count of its threads, its text, `extra` — a slot for
 * more per-section items (comments of earlier rounds carried onto this edition) — its frozen plan
 * tables, and the whole-section comment: a link (`formHref`, the page with this section's form open,
 * which works without JavaScript) that opens the form in place (`onForm`); `formOpen` renders it.
 */
export function ReaderSection({
  section,
  threadCount,
  onShowThreads,
  canComment,
  formOpen = false,
  formHref,
  onForm,
  target,
  extra,
}: {
  section: ReaderSectionData;
  threadCount: number;
  onShowThreads?: () => void;
  canComment: boolean;
  formOpen?: boolean;
  formHref?: string;
  onForm?: (open: boolean) => void;
  target?: (row: IndicatorRow, year: TargetYear, text: string) => ReactNode;
  extra?: ReactNode;
}) {
  const t = useT();
  const Heading = section.parentId ? "h3" : "h2";
  return (
    <section id={section.id} className="section-block" data-revision-id={section.revisionId}>
      <Heading className="section-title">
        <span className="toc__num">{section.number}</span>
        {section.title}
      </Heading>
      {threadCount > 0 && onShowThreads ? (
        <button type="button" className="section-count" onClick={onShowThreads}>
          {t("comment.threads", { count: threadCount })}
        </button>
      ) : null}
      <div data-section-text={section.id}>
        <SectionHtml sectionId={section.id} html={section.html} />
      </div>
      {extra}
      {section.tables.map((table) => (
        <PlanTableBlock key={table.kind} table={table} target={target} />
      ))}
      {canComment && formOpen ? (
        <div className="section-comment" id={`section-form-${section.id}`}>
          <NewCommentForm sectionId={section.id} anchor={null} idPrefix={`sc-${section.id}`} onCancel={() => onForm?.(false)} />
        </div>
      ) : canComment ? (
        <a
          className="section-comment section-comment__link"
          href={formHref}
          onClick={(e) => {
            e.preventDefault();
            onForm?.(true);
          }}
        >
          {t("comment.addForSection")}
        </a>
      ) : null}
    </section>
  );
}
