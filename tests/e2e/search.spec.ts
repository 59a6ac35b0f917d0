import { expect, test } from "@playwright/test";
import { login, violations, watchConsole } from "./helpers";

test("a reviewer types a two-character word in the header box and finds their comment", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "gaotai");
  const box = page.getByTestId("site-search").getByRole("searchbox");
  await box.fill("巷道");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=%E5%B7%B7%E9%81%93/);
  const comment = page.locator('[data-testid="search-result"][data-kind="comment"]').filter({ hasText: "高台县" }).first();
  await expect(comment).toBeVisible();
  await expect(comment.locator("mark").first()).toHaveText("巷道");
  await expect(box).toHaveValue("巷道");
  expect(await violations(page)).toEqual([]);
  await comment.getByRole("link").click();
  await expect(page).toHaveURL(/\/editions\/[^?]+\?round=[^&]+&comment=/);
  await expect(page.getByTestId("threads")).toContainText("南华镇");
  expect(errors).toEqual([]);
});

test("another county's reviewer does not find that comment in the private round", async ({ page }) => {
  await login(page, "shandan");
  await page.goto(`/search?q=${encodeURIComponent("南华镇、巷道镇")}`);
  await expect(page.getByTestId("search-none")).toContainText("南华镇、巷道镇");
  await page.goto(`/search?q=${encodeURIComponent("巷道")}`);
  await expect(page.locator('[data-testid="search-result"][data-kind="comment"]')).toHaveCount(0);
});
