import { describe, expect, it } from "vitest";
import {
  bannerSize,
  CHAR_PITCH,
  CHAR_SPACE,
  CHARS_PER_LINE,
  LINE_PITCH,
  LINES_PER_PAGE,
  mm,
  PAGE,
  signatureIndents,
  TEXT_WIDTH,
  widthInChars,
} from "./gbt9704";

describe("the GB/T 9704 page", () => {
  it("is A4 with the standard's margins and a 156 × 225 mm type area", () => {
    expect(PAGE).toEqual({ width: 11906, height: 16838, top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) });
    expect(Math.abs(TEXT_WIDTH - mm(156))).toBeLessThanOrEqual(1);
    expect(PAGE.height - PAGE.top - PAGE.bottom).toBeCloseTo(mm(225), -1);
  });

  it("holds 22 lines of 28 characters of 三号", () => {
    expect(LINE_PITCH * LINES_PER_PAGE).toBeLessThanOrEqual(PAGE.height - PAGE.top - PAGE.bottom);
    expect(LINE_PITCH / 20).toBeCloseTo(28.95, 2);
    expect(CHAR_PITCH * CHARS_PER_LINE).toBeCloseTo(TEXT_WIDTH, 6);
    // Word's charSpace: (15.79 pt − 16 pt) × 4096
    expect(CHAR_SPACE).toBe(Math.round((TEXT_WIDTH / 28 / 20 - 16) * 4096));
    expect(CHAR_SPACE).toBeGreaterThan(-900);
    expect(CHAR_SPACE).toBeLessThan(-800);
  });

  it("measures text in characters (ASCII counts half)", () => {
    expect(widthInChars("高台县自然资源局")).toBe(8);
    expect(widthInChars("2026年12月2日")).toBe(6.5);
    expect(widthInChars("—")).toBe(1);
  });

  it("places the date two characters right of the signature's start, both at least two from the margin", () => {
    // a long name: it sits 2 from the margin, the date starts 2 right of it
    const long = signatureIndents("张掖市国土空间生态修复规划编制专班", "2026年12月2日");
    expect(long.signatureRight).toBe(2);
    expect(17 + long.signatureRight - 2).toBe(6.5 + long.dateRight);
    // a name about as long as the date: the date keeps 2 from the margin and the name moves left
    const short = signatureIndents("高台县自然资源局", "2026年12月2日");
    expect(short).toEqual({ signatureRight: 2.5, dateRight: 2 });
    expect(8 + short.signatureRight - 2).toBe(6.5 + short.dateRight);
  });

  it("sizes the 发文机关标志 to fit the line", () => {
    expect(bannerSize("高台县自然资源局文件")).toBe(42);
    expect(bannerSize("肃南裕固族自治县自然资源局文件") * 20 * 15).toBeLessThanOrEqual(TEXT_WIDTH);
  });
});
