// The key-project library in Chromium: a county drafter imports projects from the template (a bad row
// is named, fixed, uploaded again, confirmed); the coordinator asks whether a project is in an approved plan.
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { login, violations, watchConsole } from "./helpers";

async function planId(page: Page, region: string): Promise<string> {
  const plans: { id: string; level: string; region: string }[] = await (await page.request.get("/api/v1/plans")).json();
  return plans.find((p) => p.level === "county" && p.region === region)!.id;
}

const rows = [
  [
    "甘州区黑河滩湿地植被恢复项目（导入）",
    "重要河流湿地保护修复",
    "甘州区",
    "三闸镇",
    420,
    1800,
    1200,
    300,
    300,
    0,
    "2021-2025",
    "黑河中游湿地生态修复区",
    "",
    "",
  ],
  [
    "甘州区北部荒漠封育项目（导入）",
    "湿地工程",
    "甘州区",
    "靖安乡",
    2600,
    3200,
    null,
    null,
    null,
    null,
    "2026-2030",
    "北部荒漠防风固沙区",
    "",
    "",
  ],
  [
    "甘州区城西废弃砖厂复绿项目（导入）",
    "历史遗留矿山修复",
    "甘州区",
    "新墩镇",
    35.5,
    900,
    null,
    null,
    null,
    null,
    "2021-2025",
    "",
    "",
    "",
  ],
];

test("a county drafter downloads the template, sees the bad row named, fixes it and imports", async ({ page }, testInfo) => {
  const errors = watchConsole(page);
  await login(page, "ganzhou-drafter");
  const id = await planId(page, "甘州区");
  await page.goto(`/plans/${id}/projects`);
  await page.getByTestId("import-link").click();
  await expect(page).toHaveURL(new RegExp(`/plans/${id}/projects/import$`));

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-template").click()]);
  const templatePath = testInfo.outputPath("template.xlsx");
  await download.saveAs(templatePath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const sheet = workbook.getWorksheet("重点项目库")!;
  expect(sheet.getRow(1).getCell(1).value).toBe("项目名称");
  for (const r of rows) sheet.addRow(r);
  const file = testInfo.outputPath("甘州区重点项目.xlsx");
  await workbook.xlsx.writeFile(file);

  await page.locator("#file").setInputFiles(file);
  await page.getByTestId("upload").click();
  await expect(page.getByTestId("import-blocked")).toContainText("有 1 行存在问题，本次不能导入");
  const bad = page.locator('[data-testid="problem-row"][data-row="3"]');
  await expect(bad).toContainText("甘州区北部荒漠封育项目（导入）");
  await expect(bad).toContainText("项目类型");
  await expect(bad).toContainText("湿地工程");
  await expect(bad).toContainText("项目类型不在十类生态修复工程之列");
  await expect(page.getByTestId("problem-row")).toHaveCount(1);
  await expect(page.getByTestId("confirm-import")).toHaveCount(0);
  // nothing was written
  await page.goto(`/plans/${id}/projects`);
  await expect(page.getByTestId("library-table")).not.toContainText("（导入）");
  await page.goBack();

  sheet.getRow(3).getCell(2).value = "生态廊道和生态网络构建";
  await workbook.xlsx.writeFile(file);
  await page.locator("#file").setInputFiles(file);
  await page.getByTestId("upload").click();
  await expect(page.getByTestId("import-ready")).toBeVisible();
  await expect(page.getByTestId("import-summary")).toContainText("可导入 3 行（新增 3，修改 0，未变 0），有问题 0 行");
  await page.getByTestId("confirm-import").click();

  await expect(page).toHaveURL(new RegExp(`/plans/${id}/projects\\?notice=imported`));
  await expect(page.getByTestId("imported")).toContainText("新增 3 个");
  const table = page.getByTestId("library-table");
  for (const r of rows) await expect(table).toContainText(String(r[0]));
  const imported = page.getByTestId("project-row").filter({ hasText: "甘州区北部荒漠封育项目（导入）" });
  await expect(imported).toContainText("生态廊道和生态网络构建");
  await expect(imported).toContainText("候选");
  expect(errors).toEqual([]);
});

test("the drafter excludes a project inline with a reason, and includes it again", async ({ page }) => {
  await login(page, "ganzhou-drafter");
  const id = await planId(page, "甘州区");
  await page.goto(`/plans/${id}/projects?status=candidate`);
  const row = page.getByTestId("project-row").filter({ hasText: "甘州区城市外围生态缓冲带建设项目" });
  await row.locator("summary", { hasText: "不纳入" }).click();
  await row.getByPlaceholder("不纳入的理由").fill("与城市开发边界外围绿带重复，并入城区生态网络项目");
  await row.locator("details form button[type=submit]").click();
  await expect(page.getByTestId("library-result")).toContainText("已更新");
  await page.goto(`/plans/${id}/projects?status=excluded`);
  const excluded = page.getByTestId("project-row").filter({ hasText: "甘州区城市外围生态缓冲带建设项目" });
  await expect(excluded).toContainText("与城市开发边界外围绿带重复");
  await excluded.getByRole("button", { name: "纳入", exact: true }).click();
  await expect(page.getByTestId("library-result")).toContainText("已更新");
  await page.goto(`/plans/${id}/projects?status=included`);
  await expect(page.getByTestId("library-table")).toContainText("甘州区城市外围生态缓冲带建设项目");
});

test("zrj finds a project of an approved plan by two characters of its name", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "zrj");
  await page.goto("/projects");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("项目是否纳入已批准规划？");
  await page.getByRole("searchbox", { name: "项目名称" }).fill("焉支");
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/q=%E7%84%89%E6%94%AF/);
  const hit = page.getByTestId("lookup-result").filter({ hasText: "山丹县焉支山（大黄山）森林生态保护修复项目" });
  await expect(hit.getByTestId("verdict")).toHaveText("已纳入已批准规划");
  await expect(hit).toContainText("山丹县国土空间生态修复规划");
  await expect(hit.getByTestId("edition-label")).not.toBeEmpty();
  const hash = await hit.getByTestId("edition-hash").getAttribute("data-hash");
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await expect(hit.getByTestId("edition-hash")).toHaveText(`${hash!.slice(0, 12)}…`);
  await expect(hit.getByTestId("edition-hash")).toHaveAttribute("title", new RegExp(hash!));
  // the city plan's own 焉支山 project is in a plan not yet approved: the coordinator sees it, marked so
  const city = page.getByTestId("lookup-result").filter({ hasText: "山丹县焉支山生态保护修复项目" });
  await expect(city.getByTestId("verdict")).toHaveText("规划尚未批准");
  expect(errors).toEqual([]);
});

test("the library pages have no serious accessibility violations", async ({ page }, testInfo) => {
  await login(page, "ganzhou-drafter");
  const id = await planId(page, "甘州区");
  await page.goto(`/plans/${id}/projects`);
  expect(await violations(page)).toEqual([]);
  await page.goto(`/plans/${id}/projects/import`);
  expect(await violations(page)).toEqual([]);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("重点项目库");
  sheet.addRow(["项目名称", "项目类型", "所在县区", "面积（公顷）", "投资（万元）", "实施期限"]);
  sheet.addRow(["无障碍检查项目", "湿地", "甘州区", -1, 10, "2021-2025"]);
  const file = testInfo.outputPath("a11y.xlsx");
  await workbook.xlsx.writeFile(file);
  await page.locator("#file").setInputFiles(file);
  await page.getByTestId("upload").click();
  await expect(page.getByTestId("import-blocked")).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.getByRole("button", { name: "退出登录" }).click();
  await login(page, "zrj");
  await page.goto(`/projects?q=${encodeURIComponent("湿地")}`);
  expect(await violations(page)).toEqual([]);
  await page.goto("/projects/all");
  expect(await violations(page)).toEqual([]);
});
