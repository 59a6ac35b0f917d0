import { expect, type Page, test } from "@playwright/test";
import { login, watchConsole } from "./helpers";

/** The 临泽县 plan's editions and rounds, as the logged-in user may see them (through the page's session). */
async function linzePlan(page: Page) {
  const plans: { id: string; title: string }[] = await (await page.request.get("/api/v1/plans")).json();
  const plan = plans.find((p) => p.title.startsWith("临泽县"))!;
  return (await (await page.request.get(`/api/v1/plans/${plan.id}`)).json()) as {
    editions: { id: string; label: string }[];
    rounds: { id: string }[];
  };
}

test("a reviewer opens a later edition and sees their earlier comments: one changed with the new wording, one removed", async ({
  page,
}) => {
  const errors = watchConsole(page);
  await login(page, "linze");
  const plan = await linzePlan(page);
  await page.goto(`/editions/${plan.editions.find((e) => e.label === "送审稿")!.id}`);
  const block = page.getByTestId("earlier-comments");
  // a private round: the reviewer sees only their own organisation's comments
  await expect(block).toHaveCount(1);
  await expect(block).toContainText("此前各轮意见在本稿中的位置（2 条）");
  const changed = block.locator('[data-state="changed"]');
  await expect(changed).toContainText("原文已修改");
  await expect(changed.getByTestId("earlier-now")).toContainText("中国科学院西北生态环境资源研究院临泽内陆河流域研究站");
  await expect(changed).toContainText("采纳");
  const removed = block.locator('[data-state="orphaned"]');
  await expect(removed).toContainText("原文已删除");
  await expect(removed.locator("blockquote")).toHaveText("沙河、平川、板桥、蓼泉等镇具备开展全域土地综合整治的条件");
  await expect(removed.locator("del")).toContainText("沙河、平川、板桥、蓼泉等镇具备开展全域土地综合整治的条件");
  await expect(page.locator("body")).not.toContainText("市生态环境局");
  expect(errors).toEqual([]);
});

test("the county's drafter lists the round's comments whose passage is gone, with the change that removed it", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "linze-drafter");
  const plan = await linzePlan(page);
  await page.goto(`/rounds/${plan.rounds[0].id}`);
  await page.getByTestId("open-orphans").click();
  await expect(page.locator("h1")).toContainText("原文已删除的意见（以送审稿为准，1 条）");
  const row = page.getByTestId("orphans").locator("tbody tr");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("临泽县");
  await expect(row.getByTestId("orphan-hunk").locator("del")).toContainText("全域土地综合整治的条件");
  await expect(row).toContainText("已删除试点镇表述");
  expect(errors).toEqual([]);
});
