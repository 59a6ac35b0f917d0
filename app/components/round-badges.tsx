import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/lib/time";

export function StateBadge({
  state,
  count,
  noComments,
}: {
  state: "not_started" | "drafting" | "submitted";
  count: number;
  noComments?: boolean;
}) {
  const t = useT();
  if (state === "submitted")
    return <span className="badge badge--accent">{noComments ? t("round.state.submittedNoComments") : t("round.state.submitted")}</span>;
  if (state === "drafting") return <span className="badge badge--warn">{t("round.state.drafting", { count })}</span>;
  return <span className="badge">{t("round.state.not_started")}</span>;
}

export function Deadline({ open, closesAt, daysLeft }: { open: boolean; closesAt: string; daysLeft: number }) {
  const t = useT();
  const locale = useLocale();
  return (
    <span>
      {t("round.closesAt", { date: formatDateTime(closesAt, locale) })}{" "}
      {open ? (
        <span className={`badge ${daysLeft <= 3 ? "badge--warn" : "badge--accent"}`}>
          {daysLeft > 0 ? t("round.daysLeft", { days: daysLeft }) : t("round.closesToday")}
        </span>
      ) : (
        <span className="badge badge--danger">{t("round.closedShort")}</span>
      )}
    </span>
  );
}
