import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { StatusBadge, useAmount } from "~/components/projects";
import { translator } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { projectStatuses, projectTypes } from "~/lib/projects/fields";
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

function TotalsCells({ r }: { r: TotalsRow }) {
  const amount = useAmount();
  return (
    <>
      <td className="num">{r.total}</td>
      <td className="num">{r.candidate}</td>
      <td className="num">{r.included}</td>
      <td className="num">{r.excluded}</td>
      <td className="num">{amount(r.includedAreaHa)}</td>
      <td className="num">{amount(r.includedInvestmentWan)}</td>
    </>
  );
}

function TotalsHead({ first }: { first: string }) {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">
          {t("library.all.projects")}
        </th>
        {projectStatuses.map((s) => (
          <th key={s} scope="col" className="num">
            {t(`library.status.${s}`)}
          </th>
        ))}
        <th scope="col" className="num">
          {t("library.all.includedArea")}
        </th>
        <th scope="col" className="num">
          {t("library.all.includedInvestment")}
        </th>
      </tr>
    </thead>
  );
}

export default function ConsolidatedLibrary() {
  const { plans, byType, all, filters, shownCount, projects } = useLoaderData<typeof loader>();
  const t = useT();
  const amount = useAmount();
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
        <div className="table-wrap">
          <table className="data data--dense" data-testid="totals-by-plan">
            <TotalsHead first={t("library.field.plan")} />
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/plans/${p.id}/projects`} title={p.title}>
                      {p.region}
                    </Link>{" "}
                    {p.approved ? (
                      <span className="badge badge--accent">{t("library.all.approved")}</span>
                    ) : (
                      <span className="badge">{t(`stage.${p.stage}`)}</span>
                    )}
                  </td>
                  <TotalsCells r={p.totals} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>{t("library.all.total")}</td>
                <TotalsCells r={all} />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="by-type-h">
        <h2 id="by-type-h">{t("library.all.byType")}</h2>
        <div className="table-wrap">
          <table className="data data--dense" data-testid="totals-by-type">
            <TotalsHead first={t("library.field.type")} />
            <tbody>
              {byType.map((r) => (
                <tr key={r.type}>
                  <td>{t(`library.type.${r.type}`)}</td>
                  <TotalsCells r={r.totals} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <td>{t("library.all.total")}</td>
                <TotalsCells r={all} />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="list-h">
        <h2 id="list-h">{t("library.all.list")}</h2>
        <Form method="get" className="filters" style={{ marginBottom: "0.75rem" }}>
          <select name="plan" defaultValue={filters.plan} aria-label={t("library.field.plan")} className="input">
            <option value="">{t("library.all.anyPlan")}</option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
          <select name="type" defaultValue={filters.type} aria-label={t("library.field.type")} className="input">
            <option value="">{t("library.filter.allTypes")}</option>
            {projectTypes.map((ty) => (
              <option key={ty} value={ty}>
                {t(`library.type.${ty}`)}
              </option>
            ))}
          </select>
          <select name="status" defaultValue={filters.status} aria-label={t("library.field.status")} className="input">
            <option value="">{t("library.filter.allStatuses")}</option>
            {projectStatuses.map((s) => (
              <option key={s} value={s}>
                {t(`library.status.${s}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button button--small">
            {t("library.filter.apply")}
          </button>
        </Form>
        {shownCount > projects.length ? <p className="small muted">{t("library.all.truncated", { max: projects.length })}</p> : null}
        {projects.length === 0 ? (
          <p className="muted">{t("library.noMatch")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data data--dense data--stack" data-testid="all-projects">
              <thead>
                <tr>
                  <th scope="col">{t("library.field.plan")}</th>
                  <th scope="col">{t("library.field.name")}</th>
                  <th scope="col">{t("library.field.type")}</th>
                  <th scope="col">{t("library.place")}</th>
                  <th scope="col" className="num">
                    {t("library.field.areaHa")}
                  </th>
                  <th scope="col" className="num">
                    {t("library.field.investmentWan")}
                  </th>
                  <th scope="col">{t("library.field.period")}</th>
                  <th scope="col">{t("library.field.status")}</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((p) => (
                  <tr key={p.id}>
                    <td className="small nowrap" title={p.plan.title}>
                      {p.plan.region}
                    </td>
                    <td className="stack-full">{p.name}</td>
                    <td className="small">{t(`library.type.${p.type}`)}</td>
                    <td className="nowrap">
                      {p.county}
                      {p.township ? <div className="small muted">{p.township}</div> : null}
                    </td>
                    <td className="num" data-label={t("library.field.areaHa")}>
                      {amount(p.areaHa)}
                    </td>
                    <td className="num" data-label={t("library.field.investmentWan")}>
                      {amount(p.investmentWan)}
                    </td>
                    <td className="nowrap">{p.period}</td>
                    <td>
                      <StatusBadge status={p.status} />
                      {p.reason ? <div className="small muted">{p.reason}</div> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
