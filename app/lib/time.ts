// Dates and times as a reader in China sees them: always Asia/Shanghai (UTC+8, no DST).
const OFFSET_MS = 8 * 60 * 60 * 1000;
export const TIME_ZONE = "Asia/Shanghai";

/** ISO-8601 with the +08:00 offset, e.g. 2021-10-31T18:00:00+08:00. */
export function isoShanghai(date: Date | number): string {
  const t = typeof date === "number" ? date : date.getTime();
  return `${new Date(t + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The calendar date (YYYY-MM-DD) in Shanghai of an instant. */
export function shanghaiDate(date: Date | number): string {
  const t = typeof date === "number" ? date : date.getTime();
  return new Date(t + OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `today` to `day` (both YYYY-MM-DD); negative when past. */
export function daysBetween(today: string, day: string): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Adds days to a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The instant of a Shanghai wall-clock time, e.g. ("2021-10-31", "18:00"). */
export function shanghaiInstant(day: string, hhmm = "00:00"): Date {
  return new Date(Date.parse(`${day}T${hhmm}:00+08:00`));
}

// Intl.DateTimeFormat is costly to build (a reading view formats hundreds of dates): one per locale.
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  const tag = locale === "en" ? "en-GB" : "zh-CN";
  let format = dateTimeFormats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, {
      timeZone: TIME_ZONE,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hour12: false,
    });
    dateTimeFormats.set(tag, format);
  }
  return format;
}

export function formatDateTime(date: Date | number | string, locale: string): string {
  return dateTimeFormat(locale).format(typeof date === "string" ? new Date(date) : date);
}

export function formatDate(day: string, locale: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return locale === "en" ? day : `${y}年${m}月${d}日`;
}
