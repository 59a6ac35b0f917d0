import { useT } from "~/i18n/use-t";
import { formatNumber } from "~/lib/plan-tables/indicator-table";

export interface CheckRow {
  code: string;
  name: string;
  unit: string;
  direction: "up" | "down";
  year: string;
  city: number;
  countySum: number;
  ok: boolean;
  shortfall: number;
  counties: { planId: string; region: string; value: number | null }[];
}

/** 上下衔接校核: every `sum` indicator × year — the city's target, the counties' sum and the result first (failures in red with the gap), then each county's value. */
export function RollupCheckTable({ rows, counties }: { rows: CheckRow[]; counties: { planId: string; region: string }[] }) {
  const t = useT();
  if (rows.length === 0) return <p className="muted small">{t("indicators.check.none")}</p>;
  const gap = (r: CheckRow) =>
    t(r.direction === "up" ? "indicators.check.short" : "indicators.check.excess", { value: `${formatNumber(r.shortfall)}${r.unit}` });
  return (
    <div className="table-wrap">
      <table className="data data--plan check-table" data-testid="rollup-check">
        <thead>
          <tr>
            <th scope="col">{t("indicators.check.indicator")}</th>
            <th scope="col">{t("indicators.check.year")}</th>
            <th scope="col" className="num">
              {t("indicators.check.city")}
            </th>
            <th scope="col" className="num">
              {t("indicators.check.sum")}
            </th>
            <th scope="col">{t("indicators.check.result")}</th>
            {counties.map((c) => (
              <th key={c.planId} scope="col" className="num">
                {c.region}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={`${r.code}-${r.year}`}
              className={r.ok ? undefined : "is-mismatch"}
              data-check={`${r.code}-${r.year}`}
              data-ok={r.ok ? "true" : "false"}
            >
              <td>
                {r.name}
                <span className="muted small">
                  {r.unit ? `（${r.unit}）` : ""}
                  {r.direction === "up" ? " ≥" : " ≤"}
                </span>
                {/* on a phone the result column is off to the right: the gap shows under the name too */}
                {r.ok ? null : (
                  <span className="badge badge--danger check-phone" aria-hidden="true">
                    {gap(r)}
                  </span>
                )}
              </td>
              <td>{r.year}</td>
              <td className="num">{formatNumber(r.city)}</td>
              <td className="num">
                <strong>{formatNumber(r.countySum)}</strong>
              </td>
              <td>
                {r.ok ? (
                  <span className="badge badge--accent">{t("indicators.check.ok")}</span>
                ) : (
                  <span className="badge badge--danger">{gap(r)}</span>
                )}
              </td>
              {counties.map((c) => {
                const v = r.counties.find((x) => x.planId === c.planId)?.value ?? null;
                return (
                  <td key={c.planId} className="num">
                    {v === null ? <span className="muted">{t("indicators.check.missing")}</span> : formatNumber(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
