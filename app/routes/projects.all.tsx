import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useProjectColumns } from "~/components/library/project-columns";
import { useAmount } from "~/components/projects";
import { type Column, DataTable } from "~/components/ui/data-table";
import { StatusFilter, TypeFilter } from "~/components/library/project-filters";
import { FilterSelect } from "~/components/ui/filter-select";
import { projectStatuses } from "~/lib/projects/fields";
import { translator } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { TotalsRow } from "~/lib/projects/xlsx";
import { consolidatedLibrary } from "~/models/project-lookup.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? translator(data.locale)("library.all.title") : "" }];

const LISTED = 500;

/** The coordinator's consolidated library of all plans (市自然资源局 and admins; 403 for others). */
export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const f = { plan: params.get("plan") ?? "", type: params.get("type") ?? "", status: params.get("status") ?? "" };
  return forPage(ctx, () => {
    const lib = consolidatedLibrary(ctx);
    const shown = lib.projects.filter(
      (p) => (!f.plan || p.plan.id === f.plan) && (!f.type || p.type === f.type) && (!f.status || p.status === f.status),
    );
    return {
      locale: ctx.user.locale,
      plans: lib.plans,
      byType: lib.byType,
      all: lib.all,
      filters: f,
      shownCount: shown.length,
      projects: shown.slice(0, LISTED),
    };
  });
}

/** The per-plan and per-type totals tables: counts by state, then the included projects' area and investment. */
function TotalsTable<Row>({
  testId,
  first,
  rows,
  rowKey,
  totals,
}: {
  testId: string;
  first: Column<Row>;
  rows: Row[];
  rowKey: (r: Row) => string;
  totals: (r: Row) => TotalsRow;
}) {
  const t = useT();
  const amount = useAmount();
  const all = useLoaderData<typeof loader>().all;
  const figures: [string, string, (r: TotalsRow) => string | number][] = [
    ["total", t("library.all.projects"), (r) => r.total],
    ...projectStatuses.map((s): [string, string, (r: TotalsRow) => number] => [s, t(`library.status.${s}`), (r) => r[s]]),
    ["area", t("library.all.includedArea"), (r) => amount(r.includedAreaHa)],
    ["investment", t("library.all.includedInvestment"), (r) => amount(r.includedInvestmentWan)],
  ];
  return (
    <DataTable
      testId={testId}
      className="data--dense"
      rows={rows}
      rowKey={rowKey}
      columns={[
        first,
        ...figures.map(([key, header, value]): Column<Row> => ({ key, header, numeric: true, cell: (r) => value(totals(r)) })),
      ]}
      footer={
        <tr>
          <td>{t("library.all.total")}</td>
          {figures.map(([key, , value]) => (
            <td key={key} className="num">
              {value(all)}
            </td>
          ))}
        </tr>
      }
    />
  );
}

export default function ConsolidatedLibrary() {
  const { plans, byType, filters, shownCount, projects } = useLoaderData<typeof loader>();
  const t = useT();
  const columns = useProjectColumns<(typeof projects)[number]>({ detail: false });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("library.all.title")}</h1>
          <div className="page-head__meta">{t("library.all.lead")}</div>
        </div>
        <a className="button button--small" href="/api/v1/projects.xlsx" download data-testid="download-all">
          {t("library.all.download")}
        </a>
      </div>

      <section className="card" aria-labelledby="by-plan-h">
        <h2 id="by-plan-h">{t("library.all.byPlan")}</h2>
        <TotalsTable
          testId="totals-by-plan"
          rows={plans}
          rowKey={(p) => p.id}
          totals={(p) => p.totals}
          first={{
            key: "plan",
            header: t("library.field.plan"),
            cell: (p) => (
              <>
                <Link to={`/plans/${p.id}/projects`} title={p.title}>
                  {p.region}
                </Link>{" "}
                {p.approved ? (
                  <span className="badge badge--accent">{t("library.all.approved")}</span>
                ) : (
                  <span className="badge">{t(`stage.${p.stage}`)}</span>
                )}
              </>
            ),
          }}
        />
      </section>

      <section className="card" aria-labelledby="by-type-h">
        <h2 id="by-type-h">{t("library.all.byType")}</h2>
        <TotalsTable
          testId="totals-by-type"
          rows={byType}
          rowKey={(r) => r.type}
          totals={(r) => r.totals}
          first={{ key: "type", header: t("library.field.type"), cell: (r) => t(`library.type.${r.type}`) }}
        />
      </section>

      <section className="card" aria-labelledby="list-h">
        <h2 id="list-h">{t("library.all.list")}</h2>
        <Form method="get" className="filters" style={{ marginBottom: "0.75rem" }}>
          <FilterSelect
            name="plan"
            label={t("library.field.plan")}
            value={filters.plan}
            any={t("library.all.anyPlan")}
            options={plans.map((p) => ({ value: p.id, label: p.title }))}
          />
          <TypeFilter value={filters.type} />
          <StatusFilter value={filters.status} />
          <button type="submit" className="button button--small">
            {t("library.filter.apply")}
          </button>
        </Form>
        {shownCount > projects.length ? <p className="small muted">{t("library.all.truncated", { max: projects.length })}</p> : null}
        <DataTable
          testId="all-projects"
          className="data--dense"
          stack
          rows={projects}
          rowKey={(p) => p.id}
          empty={t("library.noMatch")}
          columns={[
            {
              key: "plan",
              header: t("library.field.plan"),
              className: "small nowrap",
              cell: (p) => <span title={p.plan.title}>{p.plan.region}</span>,
            },
            ...columns,
          ]}
        />
      </section>
    </>
  );
}
