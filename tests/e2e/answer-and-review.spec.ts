import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { login, watchConsole } from "./helpers";

test("the drafting team answers a comment in the workbench and downloads the adoption table", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "drafter");
  await page.getByTestId("rounds").getByRole("link").first().click();
  await page.getByTestId("open-workbench").click();
  const table = page.getByTestId("workbench");
  await expect(table.locator("tbody tr")).not.toHaveCount(0);
  const row = table.locator("tbody tr", { hasText: "市水务局" });
  await row.getByRole("link", { name: "答复" }).click();
  const drawer = page.getByTestId("answer-drawer");
  await expect(drawer).toContainText("正义峡");
  await expect(drawer.getByTestId("current-wording")).toContainText("严格完成黑河分水任务");
  await drawer.getByLabel("部分采纳").check();
  await drawer.getByLabel("理由").fill("已补充正义峡断面下泄水量要求；生态流量保障率指标在说明书中说明。");
  await drawer.getByRole("button", { name: "保存答复" }).click();
  await expect(page.getByTestId("workbench-result")).toHaveText("已保存答复。");
  await expect(page.getByTestId("workbench").locator("tbody tr", { hasText: "市水务局" })).toContainText("部分采纳");

  // the pending filter no longer lists it
  await page.getByLabel("状态").selectOption("pending");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page.getByTestId("workbench").locator("tbody tr", { hasText: "市水务局" })).toHaveCount(0);

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "下载意见采纳情况表（xlsx）" }).click();
  const file = path.join(mkdtempSync(path.join(tmpdir(), "e2e-xlsx-")), "adoption.xlsx");
  await (await downloadPromise).saveAs(file);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("意见采纳情况表")!;
  const cells: string[] = [];
  sheet.eachRow((r) => r.eachCell((c) => cells.push(String(c.value ?? ""))));
  const all = cells.join("\n");
  expect(all).toContain("市水务局");
  expect(all).toContain("部分采纳");
  expect(all).toContain("已补充正义峡断面下泄水量要求");
  expect(errors).toEqual([]);
});

test("an expert signs an opinion bound to the edition's hash", async ({ page }) => {
  await login(page, "expert2");
  await page.getByTestId("reviews").getByRole("link").first().click();
  const hash = await page.getByTestId("review-hash").getAttribute("title");
  const form = page.getByTestId("signoff-form");
  await form.getByLabel("修改后通过").check();
  await form.getByLabel("评审意见").fill("规划目标指标体系基本合理，建议补充黑河流域生态用水保障分析。");
  await form.getByLabel(/我已审阅/).check();
  await form.getByRole("button", { name: "签署评审意见" }).click();
  await expect(page.getByTestId("review-result")).toHaveText("已签署评审意见。");
  const me = page.getByTestId("panel").locator("li[data-expert='expert2']");
  await expect(me).toContainText("已签署 · 修改后通过");
  await expect(page.getByTestId("signoff-form")).toHaveCount(0);
  const api = await page.request.get(`/api/v1/reviews/${page.url().split("/").pop()}`);
  const review = await api.json();
  expect(review.signoffs).toEqual([
    expect.objectContaining({
      expert: expect.objectContaining({ username: "expert2" }),
      manifestHash: hash,
      valid: true,
      conclusion: "approve_with_changes",
    }),
  ]);
});
