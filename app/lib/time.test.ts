import { describe, expect, it } from "vitest";
import { addDays, daysBetween, formatDateTime, isoShanghai, shanghaiDate, shanghaiInstant } from "./time";

describe("Shanghai time", () => {
  it("formats with a +08:00 offset", () => {
    expect(isoShanghai(Date.parse("2021-10-31T10:00:00Z"))).toBe("2021-10-31T18:00:00+08:00");
  });
  it("rolls the calendar date at Shanghai midnight, not UTC midnight", () => {
    expect(shanghaiDate(Date.parse("2021-12-19T16:30:00Z"))).toBe("2021-12-20");
  });
  it("counts days and round-trips wall-clock instants", () => {
    expect(daysBetween("2021-12-01", "2021-12-20")).toBe(19);
    expect(daysBetween("2021-12-21", "2021-12-20")).toBe(-1);
    expect(addDays("2021-12-30", 3)).toBe("2022-01-02");
    expect(isoShanghai(shanghaiInstant("2021-10-31", "18:00"))).toBe("2021-10-31T18:00:00+08:00");
  });
});

describe("formatDateTime", () => {
  it("formats in Shanghai time, per locale, the same on every call (one formatter per locale)", () => {
    const at = Date.parse("2021-10-31T10:05:00Z");
    expect(formatDateTime(at, "zh-CN")).toBe("2021/10/31 18:05");
    expect(formatDateTime(new Date(at), "en")).toBe("31/10/2021, 18:05");
    expect(formatDateTime("2021-10-31T18:05:00+08:00", "zh-CN")).toBe("2021/10/31 18:05");
    expect(formatDateTime(at + 60_000, "zh-CN")).toBe("2021/10/31 18:06");
  });
});
