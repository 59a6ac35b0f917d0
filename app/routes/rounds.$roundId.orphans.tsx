import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AnswerLine, Hunk } from "~/components/comments/earlier-comments";
import { DataTable } from "~/components/ui/data-table";
import { useT } from "~/i18n/use-t";
import { orphanedComments } from "~/models/earlier-comments.server";
import { planContext } from "~/models/plan-nav.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

/**
 * A round's comments whose passage is gone in the newest edition of the document: listed, never lost —
 * the old passage, the diff hunk that removed it and the answer. Same visibility as the round.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => ({ ...orphanedComments(ctx, params.roundId!), planContext: planContext(ctx, { roundId: params.roundId! }) }));
}

export default function RoundOrphans() {
  const { round, edition, items } = useLoaderData<typeof loader>();
  const t = useT();
  const section = t("workbench.section");
  const passage = t("orphans.column.passage", { edition: round.editionLabel });
  const change = t("orphans.column.change");
  const comment = t("orphans.column.comment");
  const answer = t("orphans.column.answer");
  const gone = t("earlier.sectionGone", { edition: edition?.label ?? "" });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{edition ? t("orphans.title", { edition: edition.label, count: items.length }) : t("orphans.link")}</h1>
          <div className="page-head__meta">
            <Link to={`/rounds/${round.id}`}>{round.title}</Link> · {round.documentTitle}（{round.editionLabel}）
          </div>
        </div>
      </div>
      {!edition ? (
        <p className="card small muted" data-testid="orphans-none">
          {t("orphans.none", { edition: round.editionLabel })}
        </p>
      ) : !items.length ? (
        <p className="card small muted" data-testid="orphans-none">
          {t("orphans.none", { edition: edition.label })}
        </p>
      ) : (
        <section className="card">
          <p className="small muted">{t("orphans.hint")}</p>
          <DataTable
            testId="orphans"
            stack
            rows={items}
            rowKey={(o) => o.id}
            rowProps={(o) => ({ "data-comment-id": o.id })}
            columns={[
              { key: "section", header: section, label: section, cell: (o) => `${o.sectionNumber} ${o.sectionTitle}` },
              {
                key: "passage",
                header: passage,
                label: passage,
                cell: (o) => <blockquote className="thread__quote is-removed">{o.quote ?? t("comment.wholeSection")}</blockquote>,
              },
              {
                key: "change",
                header: change,
                label: change,
                cell: (o) => (o.hunk ? <Hunk ops={o.hunk} testId="orphan-hunk" /> : <span className="small">{gone}</span>),
              },
              {
                key: "comment",
                header: comment,
                label: comment,
                cell: (o) => (
                  <>
                    <div className="small">
                      <strong>{o.organization}</strong>{" "}
                      <span className={`badge cat-${o.category}`}>{t(`comment.category.${o.category}`)}</span>
                    </div>
                    <p className="small">{o.body}</p>
                    <Link className="small" to={`/rounds/${round.id}/comments/${o.id}`}>
                      {t("comment.jump")}
                    </Link>
                  </>
                ),
              },
              { key: "answer", header: answer, label: answer, cell: (o) => <AnswerLine item={o} /> },
            ]}
          />
        </section>
      )}
    </>
  );
}
