const digits = "〇一二三四五六七八九";

/** 1 → 一, 12 → 十二, 20 → 二十, 99 → 九十九 (chapter and section numbers). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return digits[n];
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ""}`;
  return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ""}`;
}
