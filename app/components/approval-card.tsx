import { Link } from "@remix-run/react";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate, formatDateTime } from "~/lib/time";

export interface ApprovalCardData {
  state: "none" | "requested" | "approved" | "filed";
  editionLabel: string | null;
  requestedAt: string | null;
  approvedOn: string | null;
  authority: string | null;
  documentNumber: string | null;
  filedOn: string | null;
  filingNumber: string | null;
  canOpen: boolean;
}

/** The plan dashboard's 报批与备案 card: where the plan stands, and the way to the approval page. */
export function ApprovalCard({ planId, approval }: { planId: string; approval: ApprovalCardData }) {
  const t = useT();
  const locale = useLocale();
  const a = approval;
  const text =
    a.state === "filed"
      ? t("approval.card.filed", { date: formatDate(a.filedOn!, locale), number: a.filingNumber ? `（${a.filingNumber}）` : "" })
      : a.state === "approved"
        ? t("approval.card.approved", { date: formatDate(a.approvedOn!, locale), authority: a.authority!, number: a.documentNumber! })
        : a.state === "requested"
          ? t("approval.card.requested", { date: formatDateTime(a.requestedAt!, locale).slice(0, 10), label: a.editionLabel ?? "" })
          : t("approval.card.none");
  return (
    <section className="card" aria-labelledby="approval-card-h" data-testid="approval-card">
      <h2 id="approval-card-h">
        {t("approval.card")}{" "}
        <span className={`badge ${a.state === "none" ? "" : a.state === "requested" ? "badge--warn" : "badge--accent"}`}>
          {t(`approval.state.${a.state}`)}
        </span>
      </h2>
      <p className="small">{text}</p>
      {a.canOpen ? (
        <Link to={`/plans/${planId}/approval`} className="button button--small button--ghost">
          {t("approval.card.open")}
        </Link>
      ) : null}
    </section>
  );
}
