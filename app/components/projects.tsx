// Small pieces shared by the key-project pages.
import { useLocale, useT } from "~/i18n/use-t";
import type { ProjectStatus } from "~/lib/projects/fields";

export function StatusBadge({ status }: { status: ProjectStatus }) {
  const t = useT();
  const tone = status === "included" ? " badge--accent" : status === "excluded" ? " badge--danger" : "";
  return <span className={`badge${tone}`}>{t(`library.status.${status}`)}</span>;
}

/** 公顷 and 万元 with at most two decimals, grouped the way the reader's language groups. */
export function useAmount() {
  const locale = useLocale();
  const format = new Intl.NumberFormat(locale === "en" ? "en" : "zh-CN", { maximumFractionDigits: 2 });
  return (n: number | null | undefined) => (n === null || n === undefined ? "" : format.format(n));
}
