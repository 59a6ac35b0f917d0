// Screenshots of the main pages at desktop and phone widths, for looking at them as users would.
// Usage: node scripts/screenshots.mjs [baseUrl] [outDir]   (needs fonts-noto-cjk for Chinese glyphs)
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "./lib/chromium.mjs";

const base = process.argv[2] ?? "http://localhost:3000";
const out = process.argv[3] ?? "screenshots";
mkdirSync(out, { recursive: true });
const browser = await chromium.launch(chromiumLaunchOptions);

async function shoot(username, pages) {
  for (const [width, height, tag] of [
    [1366, 900, "desktop"],
    [390, 844, "phone"],
  ]) {
    const context = await browser.newContext({ viewport: { width, height }, locale: "zh-CN" });
    const page = await context.newPage();
    if (username) {
      await page.goto(`${base}/login`);
      await page.fill("#username", username);
      await page.fill("#password", "zhangye-2021");
      await page.click("button[type=submit]:has-text('登录')");
      await page.waitForURL((u) => !u.pathname.startsWith("/login"));
    }
    for (const [name, path] of pages) {
      const target = typeof path === "function" ? await path(page) : path;
      await page.goto(`${base}${target}`);
      // long reading pages: the first screen is what a reader sees; the rest, full height
      await page.screenshot({ path: `${out}/${name}-${tag}.png`, fullPage: !/reading|edition|section/.test(name) });
    }
    await context.close();
  }
}

const firstSection = async (page) => {
  await page.goto(`${base}/`);
  return page.locator("[data-testid=documents] .toc a").nth(4).getAttribute("href");
};
const firstEdition = async (page) => {
  await page.goto(`${base}/`);
  return page.locator("[data-testid=documents] a.badge--accent").first().getAttribute("href");
};
const roundReading = async (page) => {
  await page.goto(`${base}/`);
  return page
    .locator("[data-testid=rounds] a", { hasText: /阅读并提出意见/ })
    .first()
    .getAttribute("href");
};
const roundPage = async (page) => {
  await page.goto(`${base}/`);
  return page.locator("[data-testid=rounds] a").first().getAttribute("href");
};
const outline = async (page) => {
  await page.goto(`${base}/`);
  return page.locator("[data-testid=documents] h3 a").first().getAttribute("href");
};
const workbench = async (page) => `${await roundPage(page)}/workbench`;
const reviewPage = async (page) => {
  await page.goto(`${base}/`);
  return page.locator("[data-testid=reviews] a").first().getAttribute("href");
};
const editPage = async (page) => `${await firstSection(page)}/edit`;
const newRound = async (page) => `${await firstEdition(page)}/rounds/new`;
await shoot(null, [["login", "/login"]]);
await shoot("drafter", [
  ["dashboard-drafter", "/"],
  ["section-drafter", firstSection],
  ["edit-drafter", editPage],
  ["outline-drafter", outline],
  ["round-drafter", roundPage],
  ["reading-drafter", roundReading],
  ["new-round", newRound],
  ["notifications-drafter", "/notifications"],
  ["workbench-drafter", workbench],
]);
await shoot("ganzhou", [
  ["dashboard-reviewer", "/"],
  ["edition-reviewer", firstEdition],
  ["reading-reviewer", roundReading],
  ["round-reviewer", roundPage],
  ["inbox-reviewer", "/rounds"],
  ["admin-403", "/admin"],
]);
await shoot("admin", [["admin", "/admin"]]);
await shoot("expert1", [["review-expert", reviewPage]]);
await browser.close();
console.log(`screenshots in ${out}/`);
