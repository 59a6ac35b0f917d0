import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { login, violations, watchConsole } from "./helpers";

test("zrj lands on the roll-up of the seven plans, sees 肃南县 overdue, sorts and downloads it", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "zrj");
  await expect(page).toHaveURL(/\/rollup$/);
  const rows = page.getByTestId("rollup-row");
  await expect(rows).toHaveCount(7);
  await expect(rows.first()).toHaveAttribute("data-plan", "张掖市");
  await expect(page.getByTestId("rollup-summary")).toContainText("7 个规划");
  await expect(page.getByTestId("rollup-summary")).toContainText("1 个逾期");
  expect(await violations(page)).toEqual([]);

  const sunan = page.locator("tr[data-plan^='肃南']");
  await expect(sunan).toHaveClass(/is-overdue/);
  const late = sunan.getByTestId("rollup-deadline").locator(".rollup-overdue");
  await expect(late).toHaveText(/^逾期 \d+ 天$/);
  expect(await late.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(164, 38, 44)");

  // sort by the deadline: the overdue plan first; again: the other way round, the filed plan still last
  await page.locator("th a[data-sort=deadline]").click();
  await expect(page).toHaveURL(/sort=deadline/);
  await expect(rows.first()).toHaveAttribute("data-plan", /^肃南/);
  await expect(page.locator("th[aria-sort=ascending]")).toContainText("下一截止日期");
  await page.locator("th a[data-sort=deadline]").click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(rows.last()).toHaveAttribute("data-plan", "民乐县");

  // filter to what needs attention: 肃南县 is among them, 民乐县 (filed) is not
  await page.getByLabel("只看需关注").check();
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/attention=1/);
  await expect(page.locator("tr[data-plan^='肃南']")).toHaveCount(1);
  await expect(page.locator("tr[data-plan='民乐县']")).toHaveCount(0);

  const download = page.waitForEvent("download");
  await page.getByTestId("rollup-export").click();
  const file = path.join(mkdtempSync(path.join(tmpdir(), "e2e-rollup-")), "rollup.xlsx");
  await (await download).saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("编制进展汇总")!;
  expect(String(sheet.getCell("A1").value)).toContain("编制进展汇总表");
  const cells: string[] = [];
  sheet.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? ""))));
  expect(cells.join("\n")).toMatch(/逾期 \d+ 天/);
  expect(cells.join("\n")).not.toContain("民乐县国土空间"); // the export is the filtered table

  // a cell leads to where the work is: 临泽县's review
  await page.goto("/rollup");
  await page
    .locator("tr[data-plan='临泽县']")
    .getByRole("link", { name: /评审中/ })
    .click();
  await expect(page).not.toHaveURL(/\/rollup/);
  await expect(page.getByTestId("breadcrumbs")).toContainText("临泽县");
  expect(errors).toEqual([]);
});

test("gaotai-drafter sees their own plan marked in the switcher and may not open the roll-up", async ({ page }) => {
  await login(page, "gaotai-drafter");
  await expect(page.getByTestId("plan-level")).toContainText("高台县");
  await expect(page.getByTestId("breadcrumbs")).toContainText("高台县国土空间生态修复规划");
  const switcher = page.getByTestId("plan-switcher");
  await switcher.locator("summary").click();
  expect(await violations(page)).toEqual([]);
  const mine = switcher.locator("a", { has: page.getByTestId("your-plan") });
  await expect(mine).toHaveCount(1);
  await expect(mine).toHaveAttribute("data-plan", "高台县");
  await expect(mine).toHaveAttribute("aria-current", "page");
  await expect(switcher.locator("a[data-plan]")).toHaveCount(7);
  await expect(page.getByRole("link", { name: "汇总" })).toHaveCount(0);

  // moving to another county's plan through the switcher
  await switcher.locator("a[data-plan='山丹县']").click();
  await expect(page.getByTestId("plan-level")).toContainText("山丹县");
  await expect(page.getByTestId("plan-switcher").locator("summary")).toContainText("山丹县");

  const res = await page.goto("/rollup");
  expect(res?.status()).toBe(403);
  await expect(page.locator(".error-page")).toContainText("汇总");
});
