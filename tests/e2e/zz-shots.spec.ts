import { test } from "@playwright/test";
import { login } from "./helpers";

for (const width of [1366, 390]) {
  test(`shots ${width}`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await login(page, "linze");
    const plans: { id: string; title: string }[] = await (await page.request.get("/api/v1/plans")).json();
    const planId = plans.find((p) => p.title.startsWith("临泽县"))!.id;
    const plan = await (await page.request.get(`/api/v1/plans/${planId}`)).json();
    await page.goto(`/editions/${plan.editions.find((e: { label: string }) => e.label === "送审稿").id}`);
    const block = page.getByTestId("earlier-comments");
    await block.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -250));
    await page.screenshot({ path: `/tmp/later/reading-${width}.png` });
    await page.context().clearCookies();
    await login(page, "linze-drafter");
    await page.goto(`/rounds/${plan.rounds[0].id}/orphans`);
    await page.screenshot({ path: `/tmp/later/orphans-${width}.png`, fullPage: true });
    const comments: { id: string; response: { revisionId: string | null } | null }[] = await (await page.request.get(`/api/v1/rounds/${plan.rounds[0].id}/comments`)).json();
    const answered = comments.find((c) => c.response?.revisionId)!;
    await page.goto(`/rounds/${plan.rounds[0].id}/workbench?comment=${answered.id}`);
    await page.getByTestId("answer-drawer").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/later/drawer-${width}.png`, fullPage: width === 1366 });
    const eds = plan.editions as { id: string; label: string }[];
    await page.goto(`/editions/${eds.find((e) => e.label === "征求意见稿")!.id}/diff/${eds.find((e) => e.label === "送审稿")!.id}`);
    await page.getByTestId("answer-change").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/later/diff-${width}.png` });
  });
}
