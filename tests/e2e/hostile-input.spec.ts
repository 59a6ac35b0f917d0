import { expect, test } from "@playwright/test";
import { login } from "./helpers";

// What people type is shown as text, never run: comment bodies, replies and link targets.
test("script in a comment and a javascript: link never run", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs++;
    await d.dismiss();
  });
  await login(page, "sunan");
  await page.getByTestId("rounds").getByRole("link", { name: "阅读并提出意见" }).first().click();
  const section = page.locator("section.section-block").first();
  await section.getByRole("link", { name: "对本章节整体提出意见" }).click();
  const hostile = `<img src=x onerror="alert('xss')"><script>alert('xss')</script>`;
  const form = section.getByTestId("section-comment-form");
  await form.getByLabel("意见内容").fill(hostile);
  await form.getByLabel("建议修改为（可选）").fill(`<a href="javascript:alert(1)">点我</a>`);
  await form.getByRole("button", { name: "提交意见" }).click();
  const thread = page.getByTestId("thread").filter({ hasText: "onerror" });
  await expect(thread).toBeVisible();
  await expect(thread.locator(".thread__body")).toHaveText(hostile);
  await expect(thread.locator("img, script, a[href^='javascript']")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("thread").filter({ hasText: "onerror" })).toBeVisible();

  // the API refuses a javascript: link inside plan content outright
  const drafter = await page.context().browser()!.newContext();
  const p2 = await drafter.newPage();
  await login(p2, "drafter");
  const plans = await (await p2.request.get("/api/v1/plans")).json();
  const plan = await (await p2.request.get(`/api/v1/plans/${plans[0].id}`)).json();
  const sectionId = plan.documents[0].sections[0].id;
  const current = await (await p2.request.get(`/api/v1/sections/${sectionId}`)).json();
  const res = await p2.request.post(`/api/v1/sections/${sectionId}/revisions`, {
    headers: { Origin: new URL(p2.url()).origin },
    data: {
      baseRevisionId: current.currentRevision.id,
      note: "",
      content: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [{ type: "text", text: "点我", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }],
          },
        ],
      },
    },
  });
  expect(res.status()).toBe(400);
  await drafter.close();
  expect(dialogs).toBe(0);
});
