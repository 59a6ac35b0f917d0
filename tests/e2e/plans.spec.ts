import { expect, type Page, test } from "@playwright/test";
import { login, watchConsole } from "./helpers";

/** The first section of a plan's text, found through the API with the page's own session. */
async function firstSectionOf(page: Page, region: string) {
  const plans: { id: string; region: string }[] = await (await page.request.get("/api/v1/plans")).json();
  const plan = plans.find((p) => p.region === region)!;
  const detail = await (await page.request.get(`/api/v1/plans/${plan.id}`)).json();
  const text = detail.documents.find((d: { kind: string }) => d.kind === "text");
  return { planId: plan.id, section: text.sections[0] as { id: string; title: string } };
}

test("gaotai-drafter cannot open 甘州区's editor, and edits its own plan", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "gaotai-drafter");
  const theirs = await firstSectionOf(page, "甘州区");
  await page.goto(`/sections/${theirs.section.id}`);
  await expect(page.getByTestId("section-text")).toBeVisible();
  await expect(page.getByTestId("edit-section")).toHaveCount(0);
  const res = await page.goto(`/sections/${theirs.section.id}/edit`);
  expect(res?.status()).toBe(403);
  await expect(page.locator(".error-page")).toContainText("您只能编辑本单位负责编制的规划");

  const mine = await firstSectionOf(page, "高台县");
  await page.goto(`/sections/${mine.section.id}`);
  await page.getByTestId("edit-section").click();
  await expect(page.getByTestId("rich-text-editor")).toHaveAttribute("data-ready", "true");
  expect(errors.filter((e) => !/403|Forbidden/.test(e))).toEqual([]);
});

test("shandan-drafter finds the approved plan frozen", async ({ page }) => {
  await login(page, "shandan-drafter");
  const mine = await firstSectionOf(page, "山丹县");
  await page.goto(`/sections/${mine.section.id}`);
  await expect(page.getByTestId("plan-frozen")).toContainText("已经人民政府批复");
  await expect(page.getByTestId("edit-section")).toHaveCount(0);
  const res = await page.goto(`/sections/${mine.section.id}/edit`);
  expect(res?.status()).toBe(409);
  await expect(page.locator(".error-page")).toContainText("成果已冻结");
});
