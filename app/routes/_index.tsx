import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { startPageOf } from "~/models/plan.server";
import { requireUser } from "~/utils/session.server";

/** The start page: where the user's work is (their plan, the roll-up, the city plan), a list otherwise. */
export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const start = startPageOf(ctx);
  if (start.redirectTo) throw redirect(start.redirectTo);
  return { plans: start.plans };
}

export default function Index() {
  const { plans } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section className="card">
      <h1>{t("dashboard.planList")}</h1>
      {plans.length === 0 ? <p className="muted">{t("dashboard.noPlans")}</p> : null}
      <ul>
        {plans.map((p) => (
          <li key={p.id}>
            <Link to={`/plans/${p.id}`}>{p.title}</Link> <span className="badge">{t(`stage.${p.stage}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
