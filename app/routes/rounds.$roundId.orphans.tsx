import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { AnswerLine, Hunk } from "~/components/comments/earlier-comments";
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
          <div className="table-wrap">
            <table className="data data--stack" data-testid="orphans">
              <thead>
                <tr>
                  <th scope="col">{t("workbench.section")}</th>
                  <th scope="col">{t("orphans.column.passage", { edition: round.editionLabel })}</th>
                  <th scope="col">{t("orphans.column.change")}</th>
                  <th scope="col">{t("orphans.column.comment")}</th>
                  <th scope="col">{t("orphans.column.answer")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((o) => (
                  <tr key={o.id} data-comment-id={o.id}>
                    <td data-label={t("workbench.section")}>
                      {o.sectionNumber} {o.sectionTitle}
                    </td>
                    <td data-label={t("orphans.column.passage", { edition: round.editionLabel })}>
                      <blockquote className="thread__quote is-removed">{o.quote ?? t("comment.wholeSection")}</blockquote>
                    </td>
                    <td data-label={t("orphans.column.change")}>
                      {o.hunk ? (
                        <Hunk ops={o.hunk} testId="orphan-hunk" />
                      ) : (
                        <span className="small">{t("earlier.sectionGone", { edition: edition.label })}</span>
                      )}
                    </td>
                    <td data-label={t("orphans.column.comment")}>
                      <div className="small">
                        <strong>{o.organization}</strong>{" "}
                        <span className={`badge cat-${o.category}`}>{t(`comment.category.${o.category}`)}</span>
                      </div>
                      <p className="small">{o.body}</p>
                      <Link className="small" to={`/rounds/${round.id}/comments/${o.id}`}>
                        {t("comment.jump")}
                      </Link>
                    </td>
                    <td data-label={t("orphans.column.answer")}>
                      <AnswerLine item={o} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
