import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { targetYears } from "~db/schema/enums";
import { type DraftRow, IndicatorEditor } from "~/components/plan-tables/indicator-editor";
import { IndicatorTableView } from "~/components/plan-tables/indicator-table-view";
import { RollupCheckTable } from "~/components/plan-tables/rollup-check-table";
import { translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import { formatNumber, indicatorFormToInput, type IndicatorRow } from "~/lib/plan-tables/indicator-table";
import { formatDateTime } from "~/lib/time";
import { indicatorPage, saveIndicators } from "~/models/indicator.server";
import { planContext } from "~/models/plan-nav.server";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

/** 指标表: the plan's drafters edit the whole table; others read it; a city plan shows the 上下衔接校核. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => {
    const page = indicatorPage(ctx, params.planId!);
    const context = planContext(ctx, { planId: page.plan.id });
    return {
      ...page,
      edition: page.edition && { ...page.edition, publishedAt: page.edition.publishedAt.toISOString() },
      planContext: { ...context, trail: [...context.trail, { label: translate(ctx.user.locale, "indicators.title"), to: null }] },
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const locale = ctx.user.locale;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  const submitted = indicatorFormToInput(form.entries());
  const rows = submitted.indicators as Partial<DraftRow>[];
  // without JavaScript: the table as typed, one row longer or shorter (nothing is saved yet)
  if (intent === "add") return { ok: true as const, intent, result: "", rows: [...rows, {}] };
  if (intent.startsWith("remove:"))
    return { ok: true as const, intent, result: "", rows: rows.filter((_, i) => i !== Number(intent.slice(7))) };
  const outcome = await formAction(locale, "save", () => {
    const { changed } = saveIndicators(ctx, params.planId!, submitted);
    return changed ? translate(locale, "indicators.saved", { count: changed }) : translate(locale, "indicators.unchanged");
  });
  // a refused save comes back with the table as typed, so the cells keep what the user wrote
  if ("init" in outcome) return data({ ...outcome.data, result: "", rows }, outcome.init ?? undefined);
  return { ...outcome, rows: null };
}

function toDraft(r: IndicatorRow): DraftRow {
  const n = (v: number | null) => (v === null ? "" : formatNumber(v));
  return {
    code: r.code,
    name: r.name,
    unit: r.unit,
    kind: r.kind,
    direction: r.direction,
    rollup: r.rollup,
    baseline: n(r.baseline),
    targets: Object.fromEntries(targetYears.map((y) => [y, n(r.targets[y])])),
  };
}

function fromForm(r: Partial<DraftRow>): DraftRow {
  const s = (v: unknown) => (typeof v === "string" ? v : "");
  return {
    code: s(r.code),
    name: s(r.name),
    unit: s(r.unit),
    kind: s(r.kind) || "binding",
    direction: s(r.direction) || "up",
    rollup: s(r.rollup) || "none",
    baseline: s(r.baseline),
    targets: Object.fromEntries(targetYears.map((y) => [y, s(r.targets?.[y])])),
  };
}

export default function IndicatorsPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const failed = result && !result.ok ? result : null;
  const typed = result?.rows ?? null;
  const initial = typed ? typed.map(fromForm) : page.indicators.map(toDraft);
  const fieldErrors = failed?.fieldErrors ?? {};
  const mismatches = page.check?.filter((r) => !r.ok).length ?? 0;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("indicators.title")}</h1>
          <div className="page-head__meta">
            {page.plan.title} · {t(`plan.level.${page.plan.level}`)}
          </div>
        </div>
        {page.check ? (
          <a href="#check" className="button button--ghost button--small">
            {t("indicators.check.title")}
            {mismatches ? <span className="badge badge--danger">{mismatches}</span> : null}
          </a>
        ) : null}
      </div>
      {page.plan.frozen ? <div className="alert alert--info">{t("plan.frozen")}</div> : null}
      {result?.ok && result.intent === "save" ? (
        <div className="alert alert--ok" role="status" data-testid="indicators-result">
          {String(result.result)}
        </div>
      ) : null}
      {failed && !Object.keys(failed.fieldErrors).some((k) => k.startsWith("indicators.")) ? (
        <div className="alert alert--error" role="alert">
          {failed.formError}
        </div>
      ) : null}

      <section className="card" aria-labelledby="table-h">
        <h2 id="table-h">{t("indicators.tableCaption")}</h2>
        <p className="small muted" data-testid="indicator-source">
          {page.source === "working"
            ? t("indicators.source.working")
            : page.source === "published" && page.edition
              ? t("indicators.source.published", { label: page.edition.label, date: formatDateTime(page.edition.publishedAt, locale) })
              : t("indicators.source.none")}
          {page.source === "working" && page.edition ? ` ${t("indicators.source.lastPublished", { label: page.edition.label })}` : ""}
        </p>
        {page.canEdit ? (
          <>
            <p className="small">{t("indicators.editHelp")}</p>
            <IndicatorEditor
              key={JSON.stringify(page.indicators)}
              initial={initial}
              fieldErrors={fieldErrors}
              busy={navigation.state !== "idle"}
            />
          </>
        ) : page.source === "none" ? null : (
          <IndicatorTableView rows={page.indicators} />
        )}
      </section>

      {page.check ? (
        <section className="card" id="check" aria-labelledby="check-h" data-testid="check-section">
          <h2 id="check-h">{t("indicators.check.title")}</h2>
          <p className="small muted">{t("indicators.check.lead")}</p>
          <p className="small" data-testid="check-summary">
            {t("indicators.check.summary", { total: page.check.length, failed: mismatches })}
          </p>
          <RollupCheckTable rows={page.check} counties={page.counties} />
        </section>
      ) : null}
    </>
  );
}
