import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import mammoth from "mammoth";
import { makeSampleDocx, SAMPLE_HEADINGS } from "../fixtures/make-docx";
import { login, watchConsole } from "./helpers";

async function openSection(page: Page, title: RegExp) {
  await page.goto("/");
  await page.getByTestId("documents").getByRole("link", { name: title }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(title);
}

async function openEditor(page: Page) {
  await page.getByTestId("edit-section").click();
  await expect(page.getByTestId("rich-text-editor")).toHaveAttribute("data-ready", "true");
}

test("a drafter edits a section: types, bolds, adds a table row, saves, and sees the revision in the history", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "drafter");
  await openSection(page, /规划指标/);
  const rowsBefore = await page.getByTestId("section-text").locator("table tr").count();
  await openEditor(page);

  const editor = page.getByTestId("editor-content");
  await editor.locator("p").first().click();
  await page.keyboard.press("End");
  const added = "新增约束性指标说明";
  await page.keyboard.type(added);
  for (let i = 0; i < added.length; i++) await page.keyboard.press("Shift+ArrowLeft");
  await page.getByTestId("editor-bold").click();
  await expect(editor.locator("strong", { hasText: added })).toBeVisible();

  await editor.locator("table td").first().click();
  await page.getByTestId("editor-add-row").click();
  await expect(editor.locator("table tr")).toHaveCount(rowsBefore + 1);

  await page.getByLabel("修改说明").fill("补充指标说明并预留一行");
  await page.getByTestId("save-revision").click();
  await expect(page).toHaveURL(/\/sections\/[^/]+\?saved=1$/);
  await expect(page.getByRole("status")).toContainText("已保存新的修订");
  const text = page.getByTestId("section-text");
  await expect(text.locator("strong", { hasText: added })).toBeVisible();
  await expect(text.locator("table tr")).toHaveCount(rowsBefore + 1);
  await expect(page.getByTestId("revision-history").locator("li").first()).toContainText("补充指标说明并预留一行");
  await expect(text).toContainText("未发布的工作稿");
  expect(errors).toEqual([]);
});

test("two drafters edit the same section: the second sees the conflict view and can save on top knowingly", async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  for (const page of [a, b]) {
    await login(page, "drafter");
    await openSection(page, /规划背景/);
    await openEditor(page);
  }
  const typeAtStart = async (page: Page, words: string) => {
    await page.getByTestId("editor-content").locator("p").first().click();
    await page.keyboard.press("Home");
    await page.keyboard.type(words);
  };
  await typeAtStart(a, "甲：");
  await a.getByTestId("save-revision").click();
  await expect(a).toHaveURL(/saved=1/);

  await typeAtStart(b, "乙：");
  await b.getByLabel("修改说明").fill("乙的修改");
  await b.getByTestId("save-revision").click();
  const conflict = b.getByTestId("conflict");
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText("保存冲突");
  await expect(b.getByTestId("conflict-theirs")).toContainText("甲：");
  await expect(b.getByTestId("conflict-mine")).toContainText("乙：");
  await expect(b.getByTestId("conflict-diff").locator("ins")).toContainText("乙");
  await expect(b.getByTestId("conflict-diff").locator("del")).toContainText("甲");
  // nothing typed is lost: the editor still holds B's text
  await expect(b.getByTestId("editor-content")).toContainText("乙：");

  await b.getByRole("button", { name: "确认以我的版本覆盖保存" }).click();
  await expect(b).toHaveURL(/saved=1/);
  await expect(b.getByTestId("section-text")).toContainText("乙：");
  const history = b.getByTestId("revision-history");
  await expect(history.locator("li").first()).toContainText("乙的修改");
  expect(await history.locator("li").count()).toBeGreaterThanOrEqual(3);
});

test("a drafter imports a Word document: preview first, then its sections", async ({ page }) => {
  const dir = mkdtempSync(path.join(tmpdir(), "e2e-docx-"));
  const file = path.join(dir, "某县规划文本.docx");
  writeFileSync(file, await makeSampleDocx());
  const notDocx = path.join(dir, "伪装.docx");
  writeFileSync(notDocx, "这不是 Word 文件");

  await login(page, "drafter");
  await page.goto("/");
  await page.locator("summary", { hasText: "新增成果文件" }).click();
  await page.getByPlaceholder("文件名称").fill("某县导入测试文本");
  await page.getByRole("button", { name: "新增成果文件" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("某县导入测试文本");
  await page.getByRole("link", { name: "导入 Word 文档" }).click();

  await page.getByLabel(/Word 文件/).setInputFiles(notDocx);
  await page.getByRole("button", { name: "上传并预览" }).click();
  await expect(page.getByTestId("import-error")).toContainText("不是有效的 Word");

  await page.getByLabel(/Word 文件/).setInputFiles(file);
  await page.getByRole("button", { name: "上传并预览" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  for (const heading of SAMPLE_HEADINGS) await expect(preview).toContainText(heading);
  await expect(page.getByTestId("images-dropped")).toContainText("1 张图片未导入");

  await page.getByTestId("confirm-import").click();
  await expect(page.getByTestId("outline-result")).toContainText("已导入 4 个章节");
  const outline = page.getByTestId("outline");
  for (const heading of SAMPLE_HEADINGS) await expect(outline).toContainText(heading);
  await outline.getByRole("link", { name: /规划指标/ }).click();
  await expect(page.getByTestId("section-text").locator("table tr")).toHaveCount(3);
});

test("an edition exports to a Word file that contains its headings and hash", async ({ page }) => {
  await login(page, "linze");
  await page
    .getByTestId("documents")
    .getByRole("link", { name: /征求意见稿/ })
    .click();
  const hash = await page.getByTestId("manifest-hash").getAttribute("title");
  const downloadPromise = page.waitForEvent("download");
  await page.getByTestId("export-docx").click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const saved = path.join(mkdtempSync(path.join(tmpdir(), "e2e-export-")), "edition.docx");
  await download.saveAs(saved);
  const bytes = readFileSync(saved);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
  const { value: text } = await mammoth.extractRawText({ buffer: bytes });
  for (const heading of ["总则", "现状与问题", "目标与指标", "总体格局", "重点区域", "重点工程", "实施保障", "规划指标"])
    expect(text).toContain(heading);
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(bytes);
  const footers = await Promise.all(
    Object.keys(zip.files)
      .filter((f) => /word\/footer\d*\.xml$/.test(f))
      .map((f) => zip.file(f)!.async("string")),
  );
  expect(footers.join("")).toContain(hash!);
  expect(footers.join("")).toContain("征求意见稿");
});
