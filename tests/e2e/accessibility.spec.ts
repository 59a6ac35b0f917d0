import { expect, test } from "@playwright/test";
import { login, violations } from "./helpers";

test("the main pages have no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  expect(await violations(page)).toEqual([]);
  await login(page, "ganzhou");
  expect(await violations(page)).toEqual([]);
  await page.getByTestId("rounds").getByRole("link", { name: "阅读并提出意见" }).first().click();
  await expect(page.getByTestId("round-banner")).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByTestId("round-banner").getByRole("link").first().click();
  expect(await violations(page)).toEqual([]);
});

test("the drafting, administration and review pages have no serious accessibility violations", async ({ page }) => {
  await login(page, "drafter");
  await page
    .getByTestId("documents")
    .getByRole("link", { name: /规划指标/ })
    .first()
    .click();
  expect(await violations(page)).toEqual([]);
  await page.getByTestId("edit-section").click();
  await expect(page.getByTestId("rich-text-editor")).toHaveAttribute("data-ready", "true");
  expect(await violations(page)).toEqual([]);
  await page.goto("/");
  await page.getByTestId("documents").locator("h3 a").first().click();
  expect(await violations(page)).toEqual([]);
  await page.goto("/");
  await page.getByTestId("rounds").getByRole("link").first().click();
  expect(await violations(page)).toEqual([]);
  await page.getByTestId("open-workbench").click();
  expect(await violations(page)).toEqual([]);
  await page.getByTestId("workbench").getByRole("link", { name: "答复" }).first().click();
  await expect(page.getByTestId("answer-drawer")).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.getByRole("button", { name: "退出登录" }).click();
  await login(page, "admin");
  await page.goto("/admin");
  expect(await violations(page)).toEqual([]);

  await page.getByRole("button", { name: "退出登录" }).click();
  await login(page, "expert3");
  await page.getByTestId("reviews").getByRole("link").first().click();
  expect(await violations(page)).toEqual([]);
});
