import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { TableDiff } from "~/lib/plan-tables/frozen";
import { type FieldChange, formatNumber } from "~/lib/plan-tables/indicator-table";
import { formatAmount, type ProjectLine, periodName } from "~/lib/plan-tables/project-table";

export interface CellCommentState {
  id: string;
  organization: string;
  quote: string;
  body: string;
  state: "intact" | "changed" | "orphaned";
  old: string;
  new: string;
}

/** The frozen plan tables of two editions compared: indicator values old → new; projects added, dropped, changed. */
export function TableDiffView({ tables, cellComments }: { tables: TableDiff[]; cellComments: CellCommentState[] }) {
  const t = useT();
  const fieldLabel = (field: FieldChange["field"]) =>
    /^\d{4}$/.test(field) ? t("planTables.field.year", { year: field }) : t(`planTables.field.${field}` as MessageKey);
  const show = (field: FieldChange["field"], v: FieldChange["from"], unit: string) => {
    if (v === null || v === "") return "—";
    if (field === "kind" || field === "direction" || field === "rollup") return t(`indicators.${field}.${v}` as MessageKey);
    return typeof v === "number" ? `${formatNumber(v)}${field === "baseline" || /^\d{4}$/.test(field) ? unit : ""}` : String(v);
  };
  return (
    <section className="card" data-testid="table-diff" aria-labelledby="table-diff-h">
      <h2 id="table-diff-h">{t("planTables.diff.title")}</h2>
      {tables.map((d) => (
        <div key={d.kind} className="table-diff" data-kind={d.kind} data-status={d.status}>
          <h3>
            {t(d.kind === "indicators" ? "planTables.indicators.caption" : "planTables.projects.caption")}{" "}
            <span className={`badge ${d.status === "unchanged" ? "" : d.status === "changed" ? "badge--warn" : "badge--accent"}`}>
              {t(`planTables.diff.status.${d.status}`)}
            </span>
          </h3>
          {d.kind === "indicators" ? (
            d.rows.length ? (
              <div className="table-wrap">
                <table className="data data--dense">
                  <thead>
                    <tr>
                      <th scope="col">{t("planTables.diff.indicator")}</th>
                      <th scope="col">{t("planTables.diff.field")}</th>
                      <th scope="col" className="num">
                        {t("planTables.diff.before")}
                      </th>
                      <th scope="col" className="num">
                        {t("planTables.diff.after")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.rows.flatMap((r) =>
                      r.changes.map((c, i) => (
                        <tr key={`${r.code}-${c.field}`} data-indicator={r.code} data-field={c.field}>
                          {i === 0 ? (
                            <th scope="row" rowSpan={r.changes.length}>
                              {r.name}
                              {r.status !== "changed" ? (
                                <span className="badge badge--accent">
                                  {t(r.status === "added" ? "planTables.diff.rowAdded" : "planTables.diff.rowRemoved")}
                                </span>
                              ) : null}
                            </th>
                          ) : null}
                          <td>{fieldLabel(c.field)}</td>
                          <td className="num">
                            <del className="diff-del">{show(c.field, c.from, r.unit)}</del>
                          </td>
                          <td className="num">
                            <ins className="diff-ins">{show(c.field, c.to, r.unit)}</ins>
                          </td>
                        </tr>
                      )),
                    )}
                  </tbody>
                </table>
              </div>
            ) : (
              <p className="small muted">{t("planTables.diff.unchanged")}</p>
            )
          ) : (
            <>
              <ProjectList title={t("planTables.diff.projectsAdded", { count: d.added.length })} projects={d.added} className="diff-ins" />
              <ProjectList
                title={t("planTables.diff.projectsRemoved", { count: d.removed.length })}
                projects={d.removed}
                className="diff-del"
              />
              {d.changed.length ? (
                <>
                  <h4 className="small">{t("planTables.diff.projectsChanged", { count: d.changed.length })}</h4>
                  <ul className="small">
                    {d.changed.map((p) => (
                      <li key={p.id}>
                        {p.name}
                        {t("common.colon")}
                        {p.changes.map((c) => `${String(c.from)} → ${String(c.to)}`).join(" · ")}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <p className="small" data-testid="project-total-diff">
                {t("planTables.diff.projectTotal", {
                  fromCount: d.total.from.count,
                  toCount: d.total.to.count,
                  fromArea: formatAmount(d.total.from.areaHa),
                  toArea: formatAmount(d.total.to.areaHa),
                  fromInvest: formatAmount(d.total.from.investmentWan),
                  toInvest: formatAmount(d.total.to.investmentWan),
                })}
              </p>
            </>
          )}
          {d.kind === "indicators" && cellComments.length ? (
            <details className="diff-comments" open>
              <summary>
                {t("planTables.diff.cellComments")}（{cellComments.length}）
              </summary>
              <ul className="history">
                {cellComments.map((c) => (
                  <li key={c.id} data-comment-id={c.id} data-state={c.state}>
                    <div className="small">
                      <strong>{c.organization}</strong>{" "}
                      {c.state === "changed" ? (
                        <span className="badge badge--warn">{t("indicators.cell.changed", { old: c.old, new: c.new })}</span>
                      ) : c.state === "orphaned" ? (
                        <span className="badge badge--danger">{t("indicators.cell.removed")}</span>
                      ) : null}
                    </div>
                    <blockquote className="thread__quote">{c.quote}</blockquote>
                    <p className="small">{c.body}</p>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </div>
      ))}
    </section>
  );
}

function ProjectList({ title, projects, className }: { title: string; projects: ProjectLine[]; className: string }) {
  const t = useT();
  if (!projects.length) return null;
  return (
    <>
      <h4 className="small">{title}</h4>
      <ul className="small">
        {projects.map((p) => (
          <li key={p.id} className={className} data-project={p.id}>
            {t("planTables.diff.projectLine", {
              name: p.name,
              county: p.county,
              period: periodName(p.period),
              area: formatAmount(p.areaHa),
              invest: formatAmount(p.investmentWan),
            })}
          </li>
        ))}
      </ul>
    </>
  );
}
