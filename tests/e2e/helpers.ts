import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "zhangye-2021";

export async function login(page: Page, username: string, password = PASSWORD) {
  await page.goto("/login");
  await page.locator("#username").fill(username);
  await page.locator("#password").fill(password);
  await page
    .locator("form button[type=submit]")
    .filter({ hasText: /登录|Log in/ })
    .click();
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

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let axeSource: string | null = null;

/** Serious and critical WCAG 2 A/AA violations on the current page (axe-core injected into the page). */
export async function violations(page: Page) {
  // evaluated through the DevTools protocol: the page's CSP (scripts only with its nonce) would block an
  // injected inline <script>, as it should
  axeSource ??= readFileSync(axePath, "utf8");
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global script
    const axe = (window as any).axe;
    return axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
  });
  return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}
