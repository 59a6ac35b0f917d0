// The header's plan switcher: a <details> menu of links (works without JavaScript), the city plan
// first, then the counties, the caller's own plan marked and the plan being shown ticked.
import { Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { usePlanContext } from "./breadcrumbs";

export interface SwitcherPlan {
  id: string;
  title: string;
  level: "city" | "county";
  region: string;
  mine: boolean;
}

export function PlanSwitcher({ plans }: { plans: SwitcherPlan[] }) {
  const t = useT();
  const here = usePlanContext();
  const location = useLocation();
  const groups = [
    { key: "city", label: t("plan.cityPlan"), items: plans.filter((p) => p.level === "city") },
    { key: "county", label: t("plan.countyPlans"), items: plans.filter((p) => p.level === "county") },
  ].filter((g) => g.items.length);
  return (
    // keyed by the page, so the menu closes after moving to another plan
    <details className="plan-switcher" key={location.pathname} data-testid="plan-switcher">
      <summary>
        {t("plan.switcher")}
        {here ? <span className="plan-switcher__current">{here.region}</span> : null}
      </summary>
      <div className="plan-switcher__menu">
        {groups.map((g) => (
          <div key={g.key} className="plan-switcher__group">
            <div className="plan-switcher__label">{g.label}</div>
            <ul>
              {g.items.map((p) => (
                <li key={p.id}>
                  <Link
                    to={`/plans/${p.id}`}
                    aria-current={here?.planId === p.id ? "page" : undefined}
                    title={p.title}
                    data-plan={p.region}
                  >
                    <span>{p.region}</span>
                    {p.mine ? (
                      <span className="badge badge--accent" data-testid="your-plan">
                        {t("plan.yourPlan")}
                      </span>
                    ) : null}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ))}
        <div className="plan-switcher__all">
          <Link to="/?all=1">{t("plan.allPlans")}</Link>
        </div>
      </div>
    </details>
  );
}
