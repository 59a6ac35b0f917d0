import { expect, test } from "@playwright/test";
import { login, watchConsole } from "./helpers";

test("a drafter logs in, sees the plan dashboard and opens a section", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "drafter");
  await expect(page).toHaveURL(/\/plans\//);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("张掖市国土空间生态修复规划（2021—2035年）");
  await expect(page.getByTestId("current-user")).toContainText("规划编制专班");
  await expect(page.getByTestId("current-user")).toContainText("编制人员");
  const timeline = page.getByTestId("stage-timeline");
  for (const stage of ["启动部署", "规划编制", "征求意见和评审", "审批", "备案"]) await expect(timeline).toContainText(stage);
  await expect(page.getByTestId("current-stage-days")).toHaveText(/距截止还有 \d+ 天/);
  const documents = page.getByTestId("documents");
  await expect(documents).toContainText("规划文本");
  await expect(documents).toContainText("全域土地综合整治专题研究报告");

  await documents.getByRole("link", { name: /规划指标/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("规划指标");
  const text = page.getByTestId("section-text");
  await expect(text.locator("table")).toBeVisible();
  await expect(text.locator("table").first()).toContainText("肃南县");
  await expect(text.locator("th").first()).toHaveText("县区");
  await expect(page.getByTestId("revision-history").locator("li")).not.toHaveCount(0);
  expect(errors).toEqual([]);
});

test("the language switches to English, is remembered for the user, and switches back", async ({ page }) => {
  await login(page, "sthjj");
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await page.getByTestId("switch-language").click();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Stages" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  // remembered per user: log out, log in again, still English
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await login(page, "sthjj");
  await expect(page.getByRole("heading", { name: "Stages" })).toBeVisible();

  await page.getByTestId("switch-language").click();
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "工作阶段" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("a county reviewer gets a 403 page on the admin pages", async ({ page }) => {
  await login(page, "ganzhou");
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("无权访问（403）");
  await expect(page.locator("body")).toContainText("您没有权限");
  await expect(page.getByRole("link", { name: "系统管理" })).toHaveCount(0);
});

test("a wrong password shows a clear message and no session", async ({ page, context }) => {
  await page.goto("/login");
  await page.locator("#username").fill("linze");
  await page.locator("#password").fill("not-the-password");
  await page.locator("form button[type=submit]").filter({ hasText: "登录" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("用户名或密码不正确。");
  await expect(page).toHaveURL(/\/login/);
  const cookies = await context.cookies();
  expect(cookies.find((c) => c.name === "portal_session")).toBeUndefined();
});

test("a reviewer reads the published edition but not unpublished drafts", async ({ page }) => {
  await login(page, "linze");
  const documents = page.getByTestId("documents");
  await expect(documents.getByRole("link", { name: /征求意见稿/ })).toBeVisible();
  // the topic reports are not published: the reviewer sees that they exist, not their text
  await expect(documents).toContainText("尚未发布");
  await documents.getByRole("link", { name: /征求意见稿/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("规划文本（征求意见稿）");
  await expect(page.getByTestId("manifest-hash")).toHaveText(/^[0-9a-f]{12}$/);
});

test("an administrator creates a user who can then log in", async ({ page, browser }) => {
  await login(page, "admin");
  await page.goto("/admin");
  const form = page.getByTestId("create-user-form");
  await form.getByLabel("用户名").fill("ganzhou2");
  await form.getByLabel("姓名").fill("赵晓东");
  await form.getByLabel("所属单位").selectOption({ label: "甘州区" });
  await form.getByLabel("初始密码").fill("short");
  await form.getByRole("button", { name: "新增用户" }).click();
  await expect(page.getByText("密码至少需要 10 个字符。")).toBeVisible();
  await form.getByLabel("初始密码").fill("Ganzhou-review-2021");
  await form.getByRole("button", { name: "新增用户" }).click();
  await expect(page.getByTestId("admin-result")).toHaveText("已新增用户 ganzhou2。");
  await expect(page.getByTestId("users-table")).toContainText("赵晓东");

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await login(otherPage, "ganzhou2", "Ganzhou-review-2021");
  await expect(otherPage.getByTestId("current-user")).toContainText("甘州区");
  await other.close();
});
