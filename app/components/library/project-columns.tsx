// The columns a project has in every list of the key-project library (a plan's library, the consolidated one).
import { StatusBadge, useAmount } from "~/components/projects";
import type { Column } from "~/components/ui/data-table";
import { useT } from "~/i18n/use-t";
import type { ProjectStatus, ProjectType } from "~/lib/projects/fields";

export interface ProjectListRow {
  name: string;
  type: ProjectType;
  county: string;
  township: string | null;
  areaHa: number;
  investmentWan: number;
  period: string;
  status: ProjectStatus;
  reason: string | null;
  keyArea?: string | null;
  investCentral?: number | null;
  investProvincial?: number | null;
  investLocal?: number | null;
  investSocial?: number | null;
}

/** Name, type, place, area, investment, period and status; `detail` adds the key area and the funding split. */
export function useProjectColumns<Row extends ProjectListRow>({ detail }: { detail: boolean }): Column<Row>[] {
  const t = useT();
  const amount = useAmount();
  const funding = `${t("library.field.investCentral")} / ${t("library.field.investProvincial")} / ${t("library.field.investLocal")} / ${t("library.field.investSocial")}`;
  return [
    {
      key: "name",
      header: t("library.field.name"),
      className: "stack-full",
      cell: (p) =>
        detail ? (
          <>
            <strong className="cell-title">{p.name}</strong>
            {p.keyArea ? <div className="small muted">{p.keyArea}</div> : null}
          </>
        ) : (
          p.name
        ),
    },
    { key: "type", header: t("library.field.type"), className: "small", cell: (p) => t(`library.type.${p.type}`) },
    {
      key: "place",
      header: t("library.place"),
      className: "nowrap",
      cell: (p) => (
        <>
          {p.county}
          {p.township ? <div className="small muted">{p.township}</div> : null}
        </>
      ),
    },
    { key: "area", header: t("library.field.areaHa"), numeric: true, label: t("library.field.areaHa"), cell: (p) => amount(p.areaHa) },
    {
      key: "investment",
      header: t("library.field.investmentWan"),
      numeric: true,
      label: t("library.field.investmentWan"),
      cell: (p) => (
        <>
          {amount(p.investmentWan)}
          {detail && p.investCentral !== null && p.investCentral !== undefined ? (
            <div className="small muted nowrap" title={funding}>
              {[p.investCentral, p.investProvincial, p.investLocal, p.investSocial].map((x) => amount(x)).join(" / ")}
            </div>
          ) : null}
        </>
      ),
    },
    { key: "period", header: t("library.field.period"), className: "nowrap", cell: (p) => p.period },
    {
      key: "status",
      header: t("library.field.status"),
      cell: (p) => (
        <>
          <StatusBadge status={p.status} />
          {p.reason ? <div className={detail ? "small muted reason" : "small muted"}>{p.reason}</div> : null}
        </>
      ),
    },
  ];
}
