// The plan you are in, on every plan-scoped page: 张掖市 › 高台县…规划 › 规划文本 › 征求意见稿.
// Rendered once by root.tsx from the deepest route whose loader returned a `planContext`
// (app/models/plan-nav.server.ts#planContext).
import { Link, useMatches } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import type { PlanContext } from "~/lib/plan-context";

export function usePlanContext(): PlanContext | null {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const ctx = (matches[i].data as { planContext?: PlanContext } | null | undefined)?.planContext;
    if (ctx) return ctx;
  }
  return null;
}

export function Breadcrumbs({ home }: { home: string }) {
  const t = useT();
  const ctx = usePlanContext();
  if (!ctx) return null;
  const crumbs = [
    { label: ctx.parent?.region ?? ctx.region, to: home, badge: null as string | null },
    { label: ctx.title, to: `/plans/${ctx.planId}`, badge: t(`plan.level.${ctx.level}`) },
    ...ctx.trail.map((c) => ({ ...c, badge: null })),
  ];
  return (
    <nav className="crumbs" aria-label={t("breadcrumbs.label")} data-testid="breadcrumbs">
      <ol>
        {crumbs.map((c, i) => {
          const last = i === crumbs.length - 1;
          return (
            <li key={`${i}-${c.label}`}>
              {c.to && !last ? <Link to={c.to}>{c.label}</Link> : <span aria-current={last ? "page" : undefined}>{c.label}</span>}
              {c.badge ? <span className={`badge ${ctx.level === "city" ? "badge--accent" : ""}`}>{c.badge}</span> : null}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
