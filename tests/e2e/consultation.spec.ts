import { expect, type Page, test } from "@playwright/test";
import { login, watchConsole } from "./helpers";

test.describe.configure({ mode: "serial" });

const PASSAGE = "一廊：黑河生态廊道";
const COMMENT = "建议在黑河生态廊道中明确甘州区段的生态用水保障要求。";

async function openRoundReading(page: Page) {
  await page.goto("/");
  await page.getByTestId("rounds").getByRole("link", { name: "阅读并提出意见" }).first().click();
  await expect(page.getByTestId("round-banner")).toBeVisible();
}

/** Selects a passage in the reading view the way a mouse drag would, then lets the page notice. */
async function selectPassage(page: Page, passage: string) {
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector(".doc-text")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent!.indexOf(text);
      if (i >= 0) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + text.length);
        (node.parentElement as HTMLElement).scrollIntoView({ block: "center" });
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
        return;
      }
    }
    throw new Error(`passage not found: ${text}`);
  }, passage);
}

test("ganzhou selects a passage and comments; after a reload the highlight and thread are there", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "ganzhou");
  await openRoundReading(page);
  await expect(page.getByTestId("round-banner")).toContainText("各单位意见互不可见");
  await selectPassage(page, PASSAGE);
  await page.getByTestId("add-comment").click();
  const form = page.getByTestId("comment-form");
  await expect(form.locator("blockquote")).toHaveText(PASSAGE);
  await form.getByLabel("意见类型").selectOption("add");
  await form.getByLabel("意见内容").fill(COMMENT);
  await form.getByRole("button", { name: "提交意见" }).click();
  const thread = page.getByTestId("thread").filter({ hasText: COMMENT });
  await expect(thread).toBeVisible();
  await expect(thread.locator("blockquote")).toHaveText(PASSAGE);
  await expect(page.locator("mark.hl", { hasText: PASSAGE })).toBeVisible();

  await page.reload();
  await expect(page.locator("mark.hl", { hasText: PASSAGE })).toBeVisible();
  await page.locator("mark.hl", { hasText: PASSAGE }).click();
  await expect(page.getByTestId("thread").filter({ hasText: COMMENT })).toHaveAttribute("aria-current", "true");
  expect(errors).toEqual([]);
});

test("linze cannot see ganzhou's comment in the private round, and sends a 无意见 reply", async ({ page }) => {
  await login(page, "linze");
  await openRoundReading(page);
  await expect(page.getByTestId("threads")).toBeVisible();
  await expect(page.getByText(COMMENT)).toHaveCount(0);
  await expect(page.locator("mark.hl", { hasText: PASSAGE })).toHaveCount(0);

  await page.getByTestId("round-banner").getByRole("link").first().click();
  page.once("dialog", (d) => d.accept());
  await page.getByTestId("no-comments").check();
  await expect(page.getByLabel("反馈函内容")).toHaveValue(/无意见/);
  await page.getByRole("button", { name: "提交正式反馈" }).click();
  await expect(page.getByTestId("round-result")).toHaveText("已提交正式反馈。");
  await expect(page.getByTestId("submission")).toContainText("已反馈：无意见");

  // the reading view now says the organisation's comments are locked
  await page.getByTestId("read-and-comment").click();
  await expect(page.getByTestId("round-banner")).toContainText("意见已锁定");
  await expect(page.getByTestId("add-comment-panel")).toHaveCount(0);
});

test("the drafter sees both in the coverage table", async ({ page }) => {
  await login(page, "drafter");
  await page.goto("/");
  await page.getByTestId("rounds").getByRole("link").first().click();
  const coverage = page.getByTestId("coverage");
  await expect(coverage.locator("tr[data-organization='甘州区']")).toContainText("已填写 2 条意见");
  await expect(coverage.locator("tr[data-organization='临泽县']")).toContainText("已反馈：无意见");
  await expect(coverage.locator("tr[data-organization='市发展和改革委员会']")).toContainText("已正式反馈");
  await expect(page.getByText(/已反馈 2\/20 家/)).toBeVisible();
});

test("the whole-section comment form works with JavaScript disabled", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.locator("#username").fill("minle");
  await page.locator("#password").fill("zhangye-2021");
  await page.locator("form[action='/login'] button[type=submit]").click();
  await expect(page).toHaveURL(/\/plans\//);
  await page.getByTestId("rounds").getByRole("link", { name: "阅读并提出意见" }).first().click();
  const section = page.locator("section.section-block", { has: page.getByRole("heading", { name: /规划目标/ }) });
  await section.getByRole("link", { name: "对本章节整体提出意见" }).click();
  const form = section.getByTestId("section-comment-form");
  await form.getByLabel("意见类型").selectOption("question");
  await form.getByLabel("意见内容").fill("民乐县：2030年目标值的测算依据是什么？");
  await form.getByRole("button", { name: "提交意见" }).click();
  const thread = page.getByTestId("thread").filter({ hasText: "民乐县：2030年目标值的测算依据是什么？" });
  await expect(thread).toBeVisible();
  await expect(thread).toContainText("针对本章节整体");
  await context.close();
});
