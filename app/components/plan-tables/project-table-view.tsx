import { useT } from "~/i18n/use-t";
import { formatAmount, type ProjectTableContent, periodName, projectTableRows } from "~/lib/plan-tables/project-table";

/** The included key projects as frozen in an edition: by type, with subtotals, the total and one line per period. */
export function ProjectTableView({ content, caption }: { content: ProjectTableContent; caption?: string }) {
  const t = useT();
  const rows = projectTableRows(content);
  return (
    <div className="table-wrap plan-table">
      <table className="data data--plan" data-testid="project-table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t("indicators.col.number")}</th>
            <th scope="col">{t("planTables.projects.name")}</th>
            <th scope="col">{t("planTables.projects.county")}</th>
            <th scope="col">{t("planTables.projects.period")}</th>
            <th scope="col" className="num">
              {t("planTables.projects.area")}
            </th>
            <th scope="col" className="num">
              {t("planTables.projects.investment")}
            </th>
          </tr>
        </thead>
        <tbody>
          {content.projects.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                {t("planTables.projects.empty")}
              </td>
            </tr>
          ) : (
            rows.map((row, i) => {
              switch (row.kind) {
                case "group":
                  return (
                    <tr key={`g${i}`} className="row-group">
                      <th colSpan={6} scope="rowgroup">
                        {row.index}
                        {row.typeName}
                      </th>
                    </tr>
                  );
                case "project":
                  return (
                    <tr key={row.project.id} data-project={row.project.id}>
                      <td className="num">{row.number}</td>
                      <td>{row.project.name}</td>
                      <td>
                        {row.project.county}
                        {row.project.township ? ` ${row.project.township}` : ""}
                      </td>
                      <td>{periodName(row.project.period)}</td>
                      <td className="num">{formatAmount(row.project.areaHa)}</td>
                      <td className="num">{formatAmount(row.project.investmentWan)}</td>
                    </tr>
                  );
                default: {
                  const label =
                    row.kind === "subtotal"
                      ? t("planTables.projects.subtotal")
                      : row.kind === "total"
                        ? t("planTables.projects.total")
                        : t("planTables.projects.ofPeriod", { period: row.periodName });
                  return (
                    <tr key={`${row.kind}${i}`} className={row.kind === "total" ? "row-total" : "row-subtotal"}>
                      <td />
                      <td colSpan={3}>
                        {label}
                        <span className="muted small">{t("planTables.projects.count", { count: row.totals.count })}</span>
                      </td>
                      <td className="num">{formatAmount(row.totals.areaHa)}</td>
                      <td className="num">{formatAmount(row.totals.investmentWan)}</td>
                    </tr>
                  );
                }
              }
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
