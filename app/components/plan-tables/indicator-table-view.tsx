import type { ReactNode } from "react";
import { type TargetYear, targetYears } from "~db/schema/enums";
import { useT } from "~/i18n/use-t";
import { formatNumber, type IndicatorRow } from "~/lib/plan-tables/indicator-table";

/**
 * The indicator table as the plan text shows it: 序号, 指标名称, 单位, 基期年（2020年）, 2025/2030/2035年, 属性.
 * `target` may wrap a target cell's value (cell comments: a link to comment, highlights).
 */
export function IndicatorTableView({
  rows,
  caption,
  target,
  testId = "indicator-table",
}: {
  rows: IndicatorRow[];
  caption?: string;
  target?: (row: IndicatorRow, year: TargetYear, text: string) => ReactNode;
  testId?: string;
}) {
  const t = useT();
  return (
    <div className="table-wrap plan-table">
      <table className="data data--plan" data-testid={testId}>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t("indicators.col.number")}</th>
            <th scope="col">{t("indicators.col.name")}</th>
            <th scope="col">{t("indicators.col.unit")}</th>
            <th scope="col" className="num">
              {t("indicators.col.baseline")}
            </th>
            {targetYears.map((y) => (
              <th key={y} scope="col" className="num">
                {t("indicators.col.year", { year: y })}
              </th>
            ))}
            <th scope="col">{t("indicators.col.kind")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="muted">
                {t("indicators.empty")}
              </td>
            </tr>
          ) : null}
          {rows.map((r, i) => (
            <tr key={r.code} data-indicator={r.code}>
              <td className="num">{i + 1}</td>
              <td>{r.name}</td>
              <td>{r.unit}</td>
              <td className="num">{formatNumber(r.baseline)}</td>
              {targetYears.map((y) => (
                <td key={y} className="num" data-year={y}>
                  {target ? target(r, y, formatNumber(r.targets[y])) : formatNumber(r.targets[y])}
                </td>
              ))}
              <td>{t(`indicators.kind.${r.kind}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
