// The workbench's page of comments: a checkbox for bulk answers, the passage, the comment, who answers it and the
// answer's state, with links that open the answer drawer or a group's drawer.
import { Link } from "@remix-run/react";
import type { CommentCategory, ResponseDecision } from "~db/schema/enums";
import { DataTable } from "~/components/ui/data-table";
import { useT } from "~/i18n/use-t";

export interface WorkbenchTableRow {
  id: string;
  number: number | null;
  organization: string;
  sectionNumber: string;
  sectionTitle: string;
  exact: string | null;
  cell: { indicator: string; year: number | string; quote: string } | null;
  category: CommentCategory;
  body: string;
  assigneeName: string | null;
  decision: ResponseDecision | null;
  groupId: string | null;
}

export function CommentTable({
  rows,
  selectedId,
  groupNumbers,
  linkWith,
}: {
  rows: WorkbenchTableRow[];
  selectedId: string | null;
  groupNumbers: Record<string, number>;
  linkWith: (key: "comment" | "group", value: string) => string;
}) {
  const t = useT();
  return (
    <DataTable
      rows={rows}
      rowKey={(c) => c.id}
      rowProps={(c) => ({
        className: selectedId === c.id ? "is-selected" : undefined,
        "data-comment-id": c.id,
        "data-row": c.number ?? undefined,
      })}
      columns={[
        {
          key: "select",
          header: t("workbench.select"),
          cell: (c) => <input type="checkbox" name="commentIds" value={c.id} aria-label={`${t("workbench.select")} ${c.number}`} />,
        },
        { key: "number", header: "#", cell: (c) => c.number },
        { key: "organization", header: t("workbench.organization"), cell: (c) => c.organization },
        { key: "section", header: t("workbench.section"), className: "small", cell: (c) => `${c.sectionNumber} ${c.sectionTitle}` },
        {
          key: "passage",
          header: t("comment.passage"),
          className: "small clamp",
          cell: (c) =>
            c.exact !== null ? (
              c.exact
            ) : c.cell ? (
              <span data-cell={`${c.cell.indicator}:${c.cell.year}`}>{c.cell.quote}</span>
            ) : (
              <span className="muted">{t("comment.wholeSection")}</span>
            ),
        },
        {
          key: "body",
          header: t("comment.body"),
          className: "small clamp",
          cell: (c) => (
            <>
              <span className={`badge cat-${c.category}`}>{t(`comment.category.${c.category}`)}</span> {c.body}
            </>
          ),
        },
        {
          key: "assignee",
          header: t("workbench.assignee"),
          className: "small",
          cell: (c) => (
            <span data-testid="assignee">{c.assigneeName ?? <span className="muted">{t("workbench.assignee.none")}</span>}</span>
          ),
        },
        {
          key: "decision",
          header: t("response.decision"),
          className: "nowrap",
          cell: (c) => (
            <>
              {c.decision ? (
                <span className="badge badge--accent">{t(`response.decision.${c.decision}`)}</span>
              ) : (
                <span className="badge badge--warn">{t("response.pending")}</span>
              )}{" "}
              {c.groupId ? (
                <Link to={linkWith("group", c.groupId)} preventScrollReset className="badge badge--info" data-testid="group-badge">
                  {t("workbench.groups.label", { n: groupNumbers[c.groupId] ?? 0 })}
                </Link>
              ) : null}{" "}
              <Link to={linkWith("comment", c.id)} preventScrollReset className="small">
                {t("response.answer")}
              </Link>
            </>
          ),
        },
      ]}
    />
  );
}
