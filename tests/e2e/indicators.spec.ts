import { expect, type Page, test } from "@playwright/test";
import { login, violations, watchConsole } from "./helpers";

/** The city plan, its published 征求意见稿 of the plan text and the open round on it. */
async function cityRound(page: Page) {
  const plans = await (await page.request.get("/api/v1/plans")).json();
  const city = plans.find((p: { level: string }) => p.level === "city");
  const detail = await (await page.request.get(`/api/v1/plans/${city.id}`)).json();
  const round = detail.rounds[0];
  return { planId: city.id as string, editionId: round.editionId as string, roundId: round.id as string };
}

test("minle comments on a 2030 target of the city plan's indicator table in the open round", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "minle");
  const { editionId, roundId } = await cityRound(page);
  await page.goto(`/editions/${editionId}?round=${roundId}`);
  const table = page.getByTestId("frozen-indicators");
  await expect(table.locator("caption")).toHaveText("规划指标表");
  await expect(table.locator("thead th")).toHaveText([
    "序号",
    "指标名称",
    "单位",
    "基期年（2020年）",
    "2025年",
    "2030年",
    "2035年",
    "属性",
  ]);

  const cell = table.locator('a[data-cell="ZB02:2030"]');
  await expect(cell).toHaveText("20.9");
  await cell.click();
  const form = page.getByTestId("cell-comment-form");
  await expect(form.getByTestId("cell-quote")).toHaveText("森林覆盖率 2030 年目标值：20.9%");
  expect(await violations(page)).toEqual([]);
  const body = form.getByLabel("意见内容");
  await expect(body).toHaveValue("森林覆盖率 2030 年目标值：20.9%。");
  await form.getByLabel("意见类型").selectOption("question");
  await body.press("End");
  await body.pressSequentially("我县浅山区宜林地有限，建议复核分解任务。");
  await form.getByRole("button", { name: "提交意见" }).click();

  const thread = page.getByTestId("thread").filter({ hasText: "建议复核分解任务" });
  await expect(thread).toBeVisible();
  await expect(thread.locator("blockquote")).toHaveText("森林覆盖率（2030年）：20.9%");
  await expect(thread).toContainText("第二节 规划指标");
  // the cell carries the highlight; clicking it brings the thread forward
  const mark = table.locator('td[data-year="2030"] mark.hl').first();
  await expect(mark).toBeVisible();
  await page.reload();
  await table.locator('tr[data-indicator="ZB02"] td[data-year="2030"] mark.hl').click();
  await expect(page.getByTestId("thread").filter({ hasText: "建议复核分解任务" })).toHaveAttribute("aria-current", "true");

  // the API answers the comment with its cell
  const comments = await (await page.request.get(`/api/v1/rounds/${roundId}/comments`)).json();
  expect(comments.find((c: { body: string }) => c.body.includes("建议复核分解任务")).cell).toEqual({
    indicator: "ZB02",
    year: "2030",
    name: "森林覆盖率",
    unit: "%",
    value: 20.9,
  });
  expect(errors).toEqual([]);
});

test("a drafter edits a target, sees the error for a negative number at the cell, then saves", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "drafter");
  const { planId } = await cityRound(page);
  await page.goto(`/plans/${planId}`);
  await page.getByTestId("indicators-card").getByRole("link", { name: "规划指标表" }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/indicators$`));
  await expect(page.getByTestId("check-section")).toContainText("上下衔接校核");

  const target = page.locator('input[name="indicators.3.targets.2030"]');
  await expect(target).toHaveValue("68");
  await target.fill("-68");
  await page.getByTestId("save-indicators").click();
  await expect(page.getByTestId("cell-error")).toHaveText("不能为负数。");
  await expect(page.getByTestId("indicator-errors")).toContainText("第 4 行“2030年”：不能为负数。");
  await expect(target).toHaveAttribute("aria-invalid", "true");
  await expect(target).toHaveValue("-68");
  // the editor with an error shown, and the roll-up check, pass axe's WCAG 2 A/AA rules
  expect(await violations(page)).toEqual([]);

  await target.fill("69");
  await page.getByTestId("add-row").click();
  const last = page.locator("[data-row]").last();
  await last.locator('input[name$=".code"]').fill("ZB30");
  await last.locator('input[name$=".name"]').fill("生态廊道长度");
  await last.locator('input[name$=".unit"]').fill("千米");
  await last.locator('input[name$=".targets.2035"]').fill("120");
  await page.getByTestId("save-indicators").click();
  await expect(page.getByTestId("indicators-result")).toHaveText("指标表已保存，2 项指标有变化。");
  await expect(page.getByTestId("cell-error")).toHaveCount(0);

  await page.reload();
  await expect(page.locator('input[name="indicators.3.targets.2030"]')).toHaveValue("69");
  await expect(page.locator('input[value="ZB30"]')).toBeVisible();
  // the refused save is a 400 answer, which Chromium logs; nothing else may be
  expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
});
