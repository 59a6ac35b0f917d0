import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { login, watchConsole } from "./helpers";

// The large edition (tests/support/large-edition.ts: 300 sections, ~500,000 characters) added once to
// the e2e server's database; its round invites 市水务局 and 市林业和草原局, whom the other specs leave alone.
let large: { editionId: string; roundId: string };
test.beforeAll(() => {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", "tests/support/large-edition-cli.ts", path.join(".tmp/e2e/portal.db"), "swj", "lcj"],
    { encoding: "utf8", timeout: 240_000 },
  );
  large = JSON.parse(out.trim().split("\n").at(-1)!);
});

const pages = (page: Page) => page.locator("[data-reader-page]");

test("on a phone, the large edition reads by chapter: contents jump, the next part loads while scrolling, back returns", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, "swj");
  const first = `/editions/${large.editionId}?round=${large.roundId}`;
  await page.goto(first);
  await expect(page.getByTestId("round-banner")).toBeVisible();
  await expect(pages(page)).toHaveCount(1);
  await expect(page.locator(".doc-text h2").first()).toContainText("第一章");
  await expect(page.getByTestId("pager")).toContainText(/第 1\/\d+ 部分/);
  // the whole edition is one click away for printing
  await expect(page.getByTestId("full-text")).toHaveAttribute("href", `/editions/${large.editionId}/full`);
  await page.screenshot({ path: "test-results/reader-390.png" });

  // the contents, folded above the text on a phone: jump to chapter 8
  const toc = page.getByTestId("reader-toc");
  await toc.locator("summary").click();
  await toc.getByRole("link", { name: /第八章/ }).click();
  await expect(page).toHaveURL(/chapter=sec_/);
  const chapter8 = page.locator("section.section-block", { has: page.getByRole("heading", { name: /第八章/ }) });
  await expect(chapter8).toBeVisible();
  await expect(page.locator(".doc-text h2", { hasText: "第一章" })).toHaveCount(0);
  const jumped = page.url();

  // scrolling to the end of the part loads the next one below it
  for (let i = 0; i < 40 && (await pages(page).count()) < 2; i++) {
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(250);
  }
  await expect(pages(page)).toHaveCount(2);
  await expect(pages(page).nth(1).locator("section.section-block").first()).toBeVisible();

  // the back button returns to the first part
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`${first.replace(/[?]/g, "\\?")}$`));
  await expect(page.locator(".doc-text h2").first()).toContainText("第一章");
  await expect(pages(page)).toHaveCount(1);
  await page.goForward();
  await expect(page.locator(".doc-text h2", { hasText: "第八章" })).toBeVisible();
  expect(jumped).toContain("chapter=");
  expect(errors).toEqual([]);
});

test("the large edition at 1366 px: contents beside the text, threads of the part on screen", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "lcj");
  await page.goto(`/editions/${large.editionId}?round=${large.roundId}`);
  await expect(page.getByTestId("reader-toc").getByRole("link", { name: /第十五章/ })).toBeVisible();
  const threads = page.getByTestId("threads").getByTestId("thread");
  expect(await threads.count()).toBeGreaterThan(0);
  expect(await threads.count()).toBeLessThan(60);
  await page.screenshot({ path: "test-results/reader-1366.png" });
});

test("a passage selected before the page's JavaScript ran is offered for a comment once it has", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "ganzhou");
  const plans = await (await page.request.get("/api/v1/plans")).json();
  const city = plans.find((p: { level: string }) => p.level === "city");
  const round = (await (await page.request.get(`/api/v1/plans/${city.id}`)).json()).rounds[0];
  // hold the page's scripts back until the passage is selected
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`/editions/${round.editionId}?round=${round.id}`, { waitUntil: "commit" });
  await page.locator(".doc-text [data-section-text]").first().waitFor();
  const passage = "一廊：黑河生态廊道";
  await page.evaluate((text) => {
    const walker = document.createTreeWalker(document.querySelector(".doc-text")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = node.textContent!.indexOf(text);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + text.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
      return;
    }
    throw new Error("passage not found");
  }, passage);
  await expect(page.getByTestId("add-comment")).toHaveCount(0);
  release();
  await page.getByTestId("add-comment").click();
  await expect(page.getByTestId("comment-form").locator("blockquote")).toHaveText(passage);
  expect(errors).toEqual([]);
});

test("a part with many threads lists 30 at a time: more loads in place, a highlight of an unlisted thread brings its group", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, "lcj");
  const origin = new URL(page.url()).origin;
  const first = (await (await page.request.get(`/editions/${large.editionId}/page?round=${large.roundId}`)).json()) as {
    sections: { id: string; html: string }[];
  };
  // 40 more comments on passages of the part's second section, through the API (the part has a few already)
  const section = first.sections[1];
  const text = section.html
    .replace(/<\/p><p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&");
  for (let i = 0; i < 40; i++) {
    const start = 5 + i * 7;
    const res = await page.request.post(`/api/v1/rounds/${large.roundId}/comments`, {
      headers: { Origin: origin },
      data: {
        sectionId: section.id,
        category: "revise",
        body: `市林业和草原局第 ${i + 1} 条意见。`,
        anchor: { exact: text.slice(start, start + 6), prefix: "", suffix: "", start, end: start + 6 },
      },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  await page.goto(`/editions/${large.editionId}?round=${large.roundId}`);
  const threads = page.getByTestId("threads").getByTestId("thread");
  await expect(threads).toHaveCount(30);
  await expect(page.getByTestId("threads-range")).toContainText("第 1–30 条");
  const firstListed = (await threads.first().getAttribute("id"))!.replace("thread-", "");
  const url = page.url();
  await page.getByTestId("threads-more").click();
  await expect(page.getByTestId("threads-range")).toContainText("第 31–");
  await expect(page.locator(`[id="thread-${firstListed}"]`)).toHaveCount(0);
  expect(page.url()).toBe(url);
  // the passage of a thread no longer listed: clicking it brings its group back, with that thread active
  await page.locator(`mark.hl[data-comment-id="${firstListed}"]`).first().click();
  await expect(page.locator(`[id="thread-${firstListed}"]`)).toHaveAttribute("aria-current", "true");
  await expect(page.getByTestId("threads-range")).toContainText("第 1–30 条");
  expect(errors).toEqual([]);
});
