import { describe, expect, it } from "vitest";
import { documentNumberProblem, isCalendarDate, isPdf, letterFileName } from "./records";

describe("approval records", () => {
  it("knows a PDF by its first bytes", () => {
    expect(isPdf(new TextEncoder().encode("%PDF-1.7\n…"))).toBe(true);
    expect(isPdf(new TextEncoder().encode("%PDF"))).toBe(false);
    expect(isPdf(new TextEncoder().encode("PK\u0003\u0004 a docx"))).toBe(false);
    expect(isPdf(new Uint8Array())).toBe(false);
  });

  it("accepts document numbers like 张政函〔2021〕85号 and explains the others", () => {
    for (const ok of ["张政函〔2021〕85号", "高政发〔2026〕3号", "肃南政函〔2026〕120号"]) expect(documentNumberProblem(ok)).toBeNull();
    expect(documentNumberProblem("  ")).toBe("required");
    expect(documentNumberProblem(`${"张".repeat(45)}〔2021〕85号`)).toBe("tooLong");
    for (const bad of [
      "张政函[2021]85号",
      "张政函（2021）85号",
      "张政函〔2021〕85",
      "〔2021〕85号",
      "张政函〔21〕85号",
      "张政函 〔2021〕85号",
    ])
      expect(documentNumberProblem(bad)).toBe("pattern");
  });

  it("checks calendar dates", () => {
    expect(isCalendarDate("2026-12-02")).toBe(true);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("2026-12-2")).toBe(false);
  });

  it("keeps a stored file name harmless", () => {
    expect(letterFileName("C:\\fakepath\\批复.pdf", "x")).toBe("批复.pdf");
    expect(letterFileName('../"evil"\u0000name', "x")).toBe("evilname.pdf");
    expect(letterFileName("", "张政函〔2021〕85号")).toBe("张政函〔2021〕85号.pdf");
  });
});
