import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { login, violations, watchConsole } from "./helpers";

const REASON = "已在送审稿中将北山片区砂石采坑综合整治项目按甘州区、临泽县、高台县分县列明整治面积和估算投资。";

test("a drafter groups three similar comments, answers once, and the adoption table has three rows with that answer", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "drafter");
  await page.getByTestId("rounds").getByRole("link").first().click();
  await page.getByTestId("open-workbench").click();

  // the workbench proposes the three comments (two counties, a city department) on the 北山 sand-pit project as one group
  const proposal = page.getByTestId("proposal").filter({ hasText: "北山片区砂石采坑" });
  await expect(proposal).toHaveCount(1);
  for (const org of ["甘州区", "市生态环境局", "高台县"]) await expect(proposal).toContainText(org);
  await expect(proposal).toContainText("3 条意见");
  await proposal.getByRole("button", { name: "确认合并" }).click();
  await expect(page.getByTestId("workbench-result")).toHaveText("已合并 3 条意见，可一次答复。");
  await expect(page.getByTestId("proposal")).toHaveCount(0);
  const group = page.getByTestId("group");
  await expect(group).toHaveCount(1);
  await expect(group).toContainText("已答复 0/3");
  await expect(page.getByTestId("workbench").getByTestId("group-badge")).toHaveCount(3);
  expect(await violations(page)).toEqual([]);

  // answer once
  await group.getByRole("link", { name: "合并答复" }).click();
  const drawer = page.getByTestId("group-drawer");
  await expect(drawer.locator("ol li")).toHaveCount(3);
  await drawer.getByLabel("采纳", { exact: true }).check();
  await drawer.getByLabel("理由").fill(REASON);
  await drawer.getByRole("button", { name: "合并答复" }).click();
  await expect(page.getByTestId("workbench-result")).toHaveText("已合并答复 3 条意见，每条意见分别记录答复。");
  await expect(page.getByTestId("group")).toContainText("已答复 3/3");
  const grouped = page.getByTestId("workbench").locator("tbody tr", { has: page.getByTestId("group-badge") });
  await expect(grouped).toHaveCount(3);
  for (const row of await grouped.all()) await expect(row).toContainText("采纳");

  // the adoption table: three rows, three organisations, the same answer, marked as answered together
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载意见采纳情况表（xlsx）" }).click();
  const file = path.join(mkdtempSync(path.join(tmpdir(), "e2e-groups-")), "adoption.xlsx");
  await (await downloadPromise).saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("意见采纳情况表")!;
  const rows: string[][] = [];
  sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
  const answered = rows.filter((r) => r[4]?.includes("北山片区砂石采坑"));
  expect(answered).toHaveLength(3);
  expect(answered.map((r) => r[1]).sort()).toEqual(["市生态环境局", "甘州区", "高台县"].sort());
  expect(answered.every((r) => r[5] === "采纳")).toBe(true);
  expect(new Set(answered.map((r) => r[6])).size).toBe(1);
  expect(answered[0][6]).toContain(REASON);
  expect(answered[0][6]).toMatch(/（第 \d+、\d+、\d+ 条合并答复）/);
  expect(errors).toEqual([]);
});

test("a drafter assigns a comment to themself in the drawer; the row changes in place and 'assigned to me' finds it", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "drafter");
  await page.getByTestId("rounds").getByRole("link").first().click();
  await page.getByTestId("open-workbench").click();
  const row = page.getByTestId("workbench").locator("tbody tr", { hasText: "市林业和草原局" });
  await row.getByRole("link", { name: "答复" }).click();
  const drawer = page.getByTestId("answer-drawer");
  await expect(drawer).toContainText("草畜平衡");
  // the drawer's write reloads nothing but its row
  let pageReloads = 0;
  page.on("request", (r) => {
    if (r.url().includes("/workbench?") && r.url().includes("_data=")) pageReloads++;
  });
  await drawer.getByLabel("承办人").selectOption({ label: "陈思远" });
  await drawer.getByRole("button", { name: "交办" }).click();
  await expect(page.getByTestId("workbench-result")).toHaveText("已交办。");
  await expect(row.getByTestId("assignee")).toHaveText("陈思远");
  expect(pageReloads).toBe(0);

  await page.getByLabel("承办人", { exact: true }).first().selectOption("me");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/assignee=me/);
  await expect(page.getByTestId("workbench").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("workbench").locator("tbody tr")).toContainText("市林业和草原局");
  await expect(page.getByTestId("assignee-counts")).toContainText("陈思远 待答复 1 / 共 1");
  expect(errors).toEqual([]);
});
