// The roll-up's cells as text, in the reader's language: shared by the page and the .xlsx. Pure.
import type { Translate } from "~/i18n";
import { formatDate, formatDateTime, shanghaiDate } from "../time";
import { DUE_SOON_DAYS, type RollupRow } from "./table";

type Locale = "zh-CN" | "en";

/** "逾期 5 天", "今天截止", "还有 12 天", "已备案"; "—" without a deadline. */
export function deadlineText(r: Pick<RollupRow, "daysLeft" | "overdue" | "filing">, t: Translate): string {
  if (r.filing) return t("rollup.filed");
  if (r.daysLeft === null) return "—";
  if (r.overdue) return t("rollup.overdueDays", { days: -r.daysLeft });
  if (r.daysLeft === 0) return t("dashboard.dueToday");
  return t("rollup.daysLeft", { days: r.daysLeft });
}

export function reviewText(r: RollupRow, t: Translate): string {
  if (!r.review) return "—";
  if (r.review.status === "concluded")
    return r.review.conclusion ? t(`review.conclusion.${r.review.conclusion}`) : t("rollup.review.concluded");
  return t(`rollup.review.${r.review.status}`, { signed: r.review.signed, quorum: r.review.quorum });
}

export function approvalText(r: RollupRow, t: Translate, locale: Locale): string {
  if (!r.approval) return "—";
  const requested = t("rollup.requestedOn", { date: formatDate(shanghaiDate(Date.parse(r.approval.requestedAt)), locale) });
  if (!r.approval.approvedOn) return requested;
  return `${t("rollup.approvedOn", { date: formatDate(r.approval.approvedOn, locale) })} ${r.approval.documentNumber ?? ""}`.trim();
}

export const filingText = (r: RollupRow, locale: Locale) => (r.filing ? formatDate(r.filing.filedOn, locale) : "—");

/** The indicator roll-up check applies to the city plan (Σ counties against its targets); "—" for counties. */
export const mismatchText = (r: RollupRow) => (r.level === "city" ? String(r.indicatorMismatches) : "—");

export const projectsText = (r: RollupRow, t: Translate) => t("rollup.projectsCounts", r.projects);

export const roundsText = (r: RollupRow, t: Translate, locale: Locale) =>
  r.openRounds.length
    ? r.openRounds
        .map((o) =>
          t("rollup.roundCoverage", { round: o.title, replied: o.replied, invited: o.invited, date: formatDateTime(o.closesAt, locale) }),
        )
        .join("\n")
    : "—";

export const attentionText = (r: RollupRow, t: Translate) =>
  r.attention.map((a) => t(`rollup.attention.${a}`, { days: DUE_SOON_DAYS })).join(t("rollup.listSep"));
