import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { listRounds } from "~/models/round.server";
import { requireUser } from "~/utils/session.server";
import { Deadline, StateBadge } from "~/components/round-badges";

/** The inbox: the rounds the user's organisation is invited to (all rounds for those who run them). */
export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return { rounds: listRounds(ctx), reviewer: ctx.user.role === "reviewer" };
}

export default function RoundsInbox() {
  const { rounds, reviewer } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-head">
        <h1>{t("round.inbox")}</h1>
      </div>
      <section className="card">
        {rounds.length === 0 ? <p className="muted">{t("round.inboxEmpty")}</p> : null}
        <div className="table-wrap">
          <table className="data" data-testid="inbox">
            <tbody>
              {rounds.map((r) => {
                const done = r.coverage.filter((c) => c.state === "submitted").length;
                return (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/rounds/${r.id}`}>{r.title}</Link>
                      <div className="small muted">
                        {r.documentTitle}（{r.editionLabel}）
                      </div>
                    </td>
                    <td className="small">
                      <Deadline open={r.open} closesAt={r.closesAt} daysLeft={r.daysLeft} />
                    </td>
                    <td>
                      {reviewer && r.mine ? (
                        <StateBadge state={r.mine.state} count={r.mine.commentCount} noComments={r.mine.submission?.noComments} />
                      ) : (
                        <span className="small">{t("dashboard.replied", { done, total: r.coverage.length })}</span>
                      )}
                    </td>
                    <td>
                      <Link className="button button--small" to={`/editions/${r.editionId}?round=${r.id}`}>
                        {t("round.read")}
                      </Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
