import { describe, expect, it } from "vitest";
import { en } from "./en";
import { localeFromAcceptLanguage, translate } from "./index";
import { zhCN } from "./zh-CN";

describe("i18n", () => {
  it("has the same keys in both catalogues and no empty strings", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const v of [...Object.values(en), ...Object.values(zhCN)]) expect(v.trim()).not.toBe("");
  });
  it("uses the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) expect(names(en[key])).toEqual(names(zhCN[key]));
  });
  it("fills placeholders", () => {
    expect(translate("zh-CN", "dashboard.daysLeft", { days: 3 })).toBe("距截止还有 3 天");
    expect(translate("en", "dashboard.daysLeft", { days: 3 })).toBe("3 days left");
  });
  it("defaults to Chinese unless the browser prefers English", () => {
    expect(localeFromAcceptLanguage(null)).toBe("zh-CN");
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
  });
});
