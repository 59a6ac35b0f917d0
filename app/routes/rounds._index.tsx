import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { listRounds } from "~/models/round.server";
import { requireUser } from "~/utils/session.server";
import { Deadline, StateBadge } from "~/components/round-badges";
import { DataTable } from "~/components/ui/data-table";

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
        <DataTable
          testId="inbox"
          stack
          rows={rounds}
          rowKey={(r) => r.id}
          empty={t("round.inboxEmpty")}
          columns={[
            {
              key: "round",
              header: t("round.title"),
              className: "stack-full",
              cell: (r) => (
                <>
                  <Link to={`/rounds/${r.id}`}>{r.title}</Link>
                  <div className="small muted">
                    {r.documentTitle}（{r.editionLabel}）
                  </div>
                </>
              ),
            },
            {
              key: "deadline",
              header: t("round.deadline"),
              className: "small",
              cell: (r) => <Deadline open={r.open} closesAt={r.closesAt} daysLeft={r.daysLeft} />,
            },
            {
              key: "state",
              header: reviewer ? t("round.myState") : t("round.coverage"),
              cell: (r) =>
                reviewer && r.mine ? (
                  <StateBadge state={r.mine.state} count={r.mine.commentCount} noComments={r.mine.submission?.noComments} />
                ) : (
                  <span className="small">
                    {t("dashboard.replied", { done: r.coverage.filter((c) => c.state === "submitted").length, total: r.coverage.length })}
                  </span>
                ),
            },
            {
              key: "read",
              header: t("round.actions"),
              cell: (r) => (
                <Link className="button button--small" to={`/editions/${r.editionId}?round=${r.id}`}>
                  {t("round.read")}
                </Link>
              ),
            },
          ]}
        />
      </section>
    </>
  );
}
