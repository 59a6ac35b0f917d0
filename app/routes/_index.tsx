import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/time";
import { type StartEntry, startPage } from "~/models/plan-nav.server";
import { requireUser } from "~/utils/session.server";

/** The start page: where the user's work is (their plan, the roll-up, the city plan); `?all=1` lists every plan. */
export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const { redirectTo, ...plans } = startPage(ctx, { all: new URL(request.url).searchParams.get("all") === "1" });
  if (redirectTo) throw redirect(redirectTo);
  return plans;
}

export default function Index() {
  const start = useLoaderData<typeof loader>();
  const t = useT();
  const empty = !start.city.length && !start.counties.length;
  return (
    <>
      <div className="page-head">
        <h1>{t("dashboard.planList")}</h1>
        {start.rollup ? (
          <Link to="/rollup" className="button button--ghost" data-testid="open-rollup">
            {t("rollup.title")}
          </Link>
        ) : null}
      </div>
      {empty ? <p className="muted">{t("dashboard.noPlans")}</p> : null}
      {start.city.length ? <PlanGroup title={t("plan.cityPlan")} plans={start.city} testId="city-plans" /> : null}
      {start.counties.length ? <PlanGroup title={t("plan.countyPlans")} plans={start.counties} testId="county-plans" /> : null}
    </>
  );
}

function PlanGroup({ title, plans, testId }: { title: string; plans: StartEntry[]; testId: string }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" data-testid={testId}>
      <h2>{title}</h2>
      <ul className="plan-list">
        {plans.map((p) => (
          <li key={p.id}>
            <div>
              <Link to={`/plans/${p.id}`} className="plan-list__title">
                {p.title}
              </Link>
              {p.mine ? <span className="badge badge--accent">{t("plan.yourPlan")}</span> : null}
              {p.organization ? (
                <div className="small muted">
                  {t("plan.drafting")}
                  {t("common.colon")}
                  {p.organization}
                </div>
              ) : null}
            </div>
            <div className="plan-list__state">
              <span className="badge">{t(`stage.${p.stage}`)}</span>{" "}
              {p.filed ? (
                <span className="small muted">{t("rollup.filed")}</span>
              ) : p.dueOn && p.daysLeft !== null ? (
                <span className={p.overdue ? "rollup-overdue small" : "small muted"}>
                  {formatDate(p.dueOn, locale)} ·{" "}
                  {p.overdue
                    ? t("rollup.overdueDays", { days: -p.daysLeft })
                    : p.daysLeft === 0
                      ? t("dashboard.dueToday")
                      : t("rollup.daysLeft", { days: p.daysLeft })}
                </span>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
