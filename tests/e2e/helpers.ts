import { expect, type Page } from "@playwright/test";

export const PASSWORD = "zhangye-2021";

export async function login(page: Page, username: string, password = PASSWORD) {
  await page.goto("/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page.locator("form button[type=submit]").filter({ hasText: /登录|Log in/ }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** Fails the test on any console error or uncaught exception in the page. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}
