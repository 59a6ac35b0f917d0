import type { ReactNode } from "react";
import type { TargetYear } from "~db/schema/enums";
import { useT } from "~/i18n/use-t";
import type { FrozenTable } from "~/lib/plan-tables/frozen";
import type { IndicatorRow } from "~/lib/plan-tables/indicator-table";
import { IndicatorTableView } from "./indicator-table-view";
import { ProjectTableView } from "./project-table-view";

/** A plan table frozen into an edition, at the end of its section in the reading view. */
export function PlanTableBlock({
  table,
  target,
}: {
  table: FrozenTable;
  target?: (row: IndicatorRow, year: TargetYear, text: string) => ReactNode;
}) {
  const t = useT();
  return (
    <figure className="plan-table-block" data-table={table.kind} data-testid={`frozen-${table.kind}`}>
      {table.kind === "indicators" ? (
        <IndicatorTableView rows={table.content.indicators} caption={t("planTables.indicators.caption")} target={target} />
      ) : (
        <ProjectTableView content={table.content} caption={t("planTables.projects.caption")} />
      )}
      <figcaption className="small muted mono" title={table.hash}>
        {t("planTables.frozen", { hash: table.hash.slice(0, 12) })}
      </figcaption>
    </figure>
  );
}
