import type { StageKey } from "~db/schema/enums";
import { formatDate } from "~/lib/time";
import { useLocale, useT } from "~/i18n/use-t";

export interface StageView {
  stage: StageKey;
  startsOn: string | null;
  dueOn: string | null;
  note: string;
  state: "done" | "current" | "upcoming";
  daysLeft: number | null;
}

export function StageTimeline({ stages }: { stages: StageView[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <ol className="timeline" data-testid="stage-timeline">
      {stages.map((s) => (
        <li key={s.stage} className={`is-${s.state}`} aria-current={s.state === "current" ? "step" : undefined}>
          <span className="timeline__name">{t(`stage.${s.stage}`)}</span>
          {s.startsOn && s.dueOn ? (
            <span className="timeline__dates">
              {formatDate(s.startsOn, locale)} — {formatDate(s.dueOn, locale)}
            </span>
          ) : null}
          <span className="timeline__state">
            {s.state === "done" ? (
              <span className="badge">{t("dashboard.done")}</span>
            ) : s.state === "current" && s.daysLeft !== null ? (
              <span
                className={`badge ${s.daysLeft < 0 ? "badge--danger" : s.daysLeft <= 7 ? "badge--warn" : "badge--accent"}`}
                data-testid="current-stage-days"
              >
                {s.daysLeft > 0
                  ? t("dashboard.daysLeft", { days: s.daysLeft })
                  : s.daysLeft === 0
                    ? t("dashboard.dueToday")
                    : t("dashboard.overdue", { days: -s.daysLeft })}
              </span>
            ) : s.state === "upcoming" && s.daysLeft !== null ? (
              <span className="muted small">{t("dashboard.daysLeft", { days: s.daysLeft })}</span>
            ) : null}
          </span>
          {s.note ? <span className="timeline__note">{s.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}
