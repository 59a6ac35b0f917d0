// How the roll-up's deadline notices (models/notification.server.ts#ensureDeadlineNotices) read on
// /notifications: the stage in the reader's language, the date as a calendar date, and where to go.
import type { StageKey } from "~db/schema/enums";
import type { Translate } from "~/i18n";
import { formatDate } from "~/lib/time";

const kinds = new Set(["stage_due_soon", "stage_overdue", "filing_overdue"]);

export function deadlineNotice(kind: string, d: Record<string, string>, t: Translate, locale: "zh-CN" | "en") {
  if (!kinds.has(kind)) return null;
  return {
    // a late filing is recorded on the plan's approval page; a stage deadline is on the dashboard
    href: kind === "filing_overdue" ? `/plans/${d.planId}/approval` : `/plans/${d.planId}`,
    params: { ...d, stage: t(`stage.${d.stage as StageKey}`), date: formatDate(d.date, locale) },
  };
}
