import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("needs at least 10 characters", () => {
    expect(passwordProblem("zhangye-21")).toBeNull();
    expect(passwordProblem("zhangye-2")).toBe("too_short");
  });
  it("counts Chinese characters as one each", () => {
    expect(passwordProblem("生态修复规划编制专班")).toBeNull();
    expect(passwordProblem("生态修复规划编制专")).toBe("too_short");
  });
  it("refuses the username with a short suffix and trivially repeated characters", () => {
    expect(passwordProblem("ganzhou1234", "ganzhou")).toBe("same_as_username");
    expect(passwordProblem("aaaaaaaaaaaa")).toBe("too_simple");
  });
  it("refuses absurdly long input", () => {
    expect(passwordProblem("x1".repeat(200))).toBe("too_long");
  });
});
