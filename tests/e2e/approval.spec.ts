// 报批与备案 in the browser, on the demo's plans: 临泽县 (in technical review) cannot go for approval yet
// and its drafters read why; 山丹县 (approved) is filed by the city bureau's coordinator.
import { expect, test } from "@playwright/test";
import { login, violations, watchConsole } from "./helpers";

test("linze-drafter asks for 临泽县's approval and reads, in words, what is still missing", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "linze-drafter");
  // a drafter lands on their own plan; the dashboard's card leads to 报批与备案
  await expect(page.getByTestId("plan-level")).toContainText("临泽县");
  await expect(page.getByTestId("approval-card")).toContainText("未报批");
  await page.getByTestId("approval-card").getByRole("link", { name: "办理报批与备案" }).click();
  await expect(page).toHaveURL(/\/plans\/plan_\w+\/approval$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("报批与备案");

  // the gate as a checklist: consultation closed, one comment unanswered, the review short of its conclusion
  const checklist = page.getByTestId("checklist");
  await expect(checklist.locator("li")).toHaveCount(3);
  await expect(checklist.locator("li.is-met")).toContainText("征求意见已全部结束");
  await expect(checklist.locator("li[data-code=comments_unanswered]")).toContainText("尚有 1 条意见未答复");
  await expect(checklist.locator("li[data-code=review_not_concluded]")).toContainText("已签署 3 人，法定人数 4 人");
  expect(await violations(page)).toEqual([]);

  await page.getByRole("button", { name: "提交报批" }).click();
  const result = page.getByTestId("approval-result");
  await expect(result).toContainText("尚不具备报批条件：1. 尚有 1 条意见未答复");
  await expect(result).toContainText("2. 技术审查尚未形成专家组结论");
  await expect(page.getByTestId("approval-state")).toHaveText("未报批");
  await expect(page.getByTestId("approval-history")).toHaveText("");

  // the unmet condition's link opens the workbench on the unanswered comment
  await checklist.locator("li[data-code=comments_unanswered]").getByRole("link").click();
  await expect(page).toHaveURL(/\/workbench\?status=pending$/);
  await expect(page.getByTestId("workbench").locator("tbody tr")).toHaveCount(1);
  // the refused request answers 409; nothing else may go wrong in the page
  expect(errors.filter((e) => !/409|Conflict/.test(e))).toEqual([]);
});

test("zrj files 山丹县's approved plan and the roll-up row changes", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "zrj");
  // the coordinator starts on the roll-up: 山丹县 approved, waiting to be filed
  await expect(page).toHaveURL(/\/rollup$/);
  const shandanRow = page.locator("tr[data-plan='山丹县']");
  await expect(shandanRow).toContainText("待备案");
  await expect(shandanRow.getByTestId("rollup-filing")).toHaveText("—");
  const switcher = page.getByTestId("plan-switcher");
  await switcher.locator("summary").click();
  await switcher.locator("a[data-plan='山丹县']").click();
  await expect(page.getByTestId("frozen-banner")).toContainText("经山丹县人民政府批复（山政函〔");
  const card = page.getByTestId("approval-card");
  await expect(card).toContainText("已批复，待备案");
  await card.getByRole("link", { name: "办理报批与备案" }).click();

  await expect(page.getByTestId("approval-state")).toHaveText("已批复，待备案");
  await expect(page.getByTestId("approval-record")).toContainText("山政函〔");
  // the coordinator files; the dossier is the drafters' and is not offered here
  await expect(page.getByTestId("dossier")).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
  const form = page.getByTestId("filing-form");
  await form.getByLabel("备案编号（可选）").fill("张自然资规备〔2026〕7号");
  await form.getByRole("button", { name: "登记备案" }).click();
  await expect(page.getByTestId("approval-result")).toHaveText("已登记备案。");
  await expect(page.getByTestId("approval-state")).toHaveText("已备案");
  await expect(page.getByTestId("filing-record")).toContainText("张自然资规备〔2026〕7号");
  await expect(page.getByTestId("filing-form")).toHaveCount(0);
  await expect(page.getByTestId("approval-history").locator("li").last()).toContainText("登记备案");

  // the dashboard shows it filed
  await page
    .getByTestId("breadcrumbs")
    .getByRole("link", { name: /山丹县国土空间生态修复规划/ })
    .click();
  await expect(page.getByTestId("approval-card")).toContainText("已备案");

  // and the roll-up row now shows the filing, no longer waiting for it
  await page.goto("/rollup");
  await expect(shandanRow.getByTestId("rollup-filing")).toContainText("年");
  await expect(shandanRow).not.toContainText("待备案");
  await expect(page.getByTestId("rollup-summary")).toContainText("2 个已备案");
  expect(errors).toEqual([]);
});
