import { expect, type Page, test } from "@playwright/test";
import { login, watchConsole } from "./helpers";

// Replying in the reading view: one reply form, opened where the reader clicks 回复 — in place with
// JavaScript (posting refreshes that thread only), and without JavaScript through the link's own page.

async function openRound(page: Page) {
  await page.goto("/");
  await page.getByTestId("rounds").getByRole("link", { name: /阅读/ }).first().click();
  await expect(page.getByTestId("round-banner")).toBeVisible();
}

test("with JavaScript, 回复 opens one form in its thread, and the reply appears there without a reload", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "drafter");
  await openRound(page);
  const url = page.url();
  await expect(page.getByTestId("reply-form")).toHaveCount(0);
  const thread = page.getByTestId("thread").first();
  await thread.getByRole("link", { name: "回复" }).click();
  await expect(page).toHaveURL(url);
  const form = thread.getByTestId("reply-form");
  await expect(form).toBeVisible();
  await expect(page.getByTestId("reply-form")).toHaveCount(1);
  await expect(form.getByRole("textbox", { name: "回复" })).toBeFocused();
  // a marker that a full reload would lose
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  await form.getByRole("textbox", { name: "回复" }).fill("编制专班：感谢意见，将在送审稿中一并修改。");
  await form.getByRole("button", { name: "发表回复" }).click();
  await expect(thread.locator(".thread__replies")).toContainText("编制专班：感谢意见，将在送审稿中一并修改。");
  await expect(page.getByTestId("reply-form")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  expect(errors).toEqual([]);
});

test("without JavaScript, 回复 leads to the page with that thread's form, which posts the reply", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(page, "drafter");
  await openRound(page);
  const thread = page.getByTestId("thread").nth(1);
  const id = await thread.getAttribute("id");
  await thread.getByRole("link", { name: "回复" }).click();
  await expect(page).toHaveURL(/reply=1/);
  const again = page.locator(`[id="${id}"]`);
  const form = again.getByTestId("reply-form");
  await expect(form).toBeVisible();
  await form.getByRole("textbox", { name: "回复" }).fill("编制专班：已核实，无需修改。");
  await form.getByRole("button", { name: "发表回复" }).click();
  await expect(page.locator(`[id="${id}"] .thread__replies`)).toContainText("编制专班：已核实，无需修改。");
  await context.close();
});
