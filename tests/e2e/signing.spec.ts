// An expert signs in the browser (key created on first use), downloads the 专家评审意见表, and /verify
// accepts it and rejects a copy whose opinion was edited (document.xml changed, as Word would).
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import JSZip from "jszip";
import { login, watchConsole } from "./helpers";

const SHOTS = process.env.SCREENSHOT_DIR;
const OPINION = "规划目标指标体系基本合理。\n建议补充黑河中游湿地生态用水保障分析。";

async function linzeReviewId(page: Page) {
  const plans = (await (await page.request.get("/api/v1/plans")).json()) as { id: string; title: string }[];
  const plan = plans.find((p) => p.title.includes("临泽"))!;
  const detail = (await (await page.request.get(`/api/v1/plans/${plan.id}`)).json()) as { reviews: { id: string }[] };
  return detail.reviews[0].id;
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

async function uploadToVerify(page: Page, name: string, bytes: Buffer) {
  await page.goto("/verify");
  await page
    .getByLabel("意见表文件")
    .setInputFiles({ name, mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: bytes });
  await page.getByRole("button", { name: "核验" }).click();
  return page.getByTestId("verify-report");
}

test("an expert signs in the browser; the sheet downloads; /verify accepts it and rejects an edited copy", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "expert5");
  const reviewId = await linzeReviewId(page);
  await page.goto(`/reviews/${reviewId}`);
  const form = page.getByTestId("signoff-form");
  await form.getByLabel("修改后通过").check();
  await form.getByLabel("评审意见").fill(OPINION);
  await form.getByLabel(/我已审阅/).check();
  await shoot(page, "review-signing");
  await form.getByRole("button", { name: "签署评审意见" }).click();
  await expect(page.getByTestId("review-result")).toHaveText("已签署评审意见。");
  const me = page.getByTestId("panel").locator("li[data-expert='expert5']");
  await expect(me.getByTestId("browser-signature")).toContainText("本机签名已验证");

  // the key was made on this device and registered; the API shows the signature and the public key
  const review = await (await page.request.get(`/api/v1/reviews/${reviewId}`)).json();
  const mine = review.signoffs.find((s: { expert: { username: string } }) => s.expert.username === "expert5");
  expect(mine).toMatchObject({ valid: true, signatureVerifies: true, opinion: OPINION });
  expect(["EC", "OKP"]).toContain(mine.publicKey.kty);
  expect(mine.publicKey.d).toBeUndefined();
  expect(review.status).toBe("quorum_reached");
  await page.goto("/account/keys");
  await expect(page.getByTestId("own-keys").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("own-keys")).toContainText(mine.publicKey.kty === "OKP" ? "Ed25519" : "ECDSA-P256");
  await shoot(page, "keys");

  // the sheet
  await page.goto(`/reviews/${reviewId}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("sheet-link").click()]);
  const sheet = readFileSync((await download.path())!);
  const zip = await JSZip.loadAsync(sheet);
  const xml = await zip.file("word/document.xml")!.async("string");
  expect(xml).toContain("建议补充黑河中游湿地生态用水保障分析。");

  const accepted = await uploadToVerify(page, "sheet.docx", sheet);
  await expect(accepted).toHaveAttribute("data-ok", "yes");
  await expect(accepted).toContainText("核验通过");
  await expect(accepted.locator("tr[data-ok=yes][data-line=signoff]")).toHaveCount(4);
  await shoot(page, "verify-ok");

  // "edited in Word": the opinion's visible text changed inside document.xml
  zip.file("word/document.xml", xml.replace("建议补充黑河中游湿地生态用水保障分析。", "同意，无需补充。"));
  const edited = Buffer.from(await zip.generateAsync({ type: "uint8array" }));
  const rejected = await uploadToVerify(page, "edited.docx", edited);
  await expect(rejected).toHaveAttribute("data-ok", "no");
  const bad = rejected.locator("tr[data-ok=no]");
  await expect(bad).toHaveCount(1);
  await expect(bad).toContainText("表中可见文字与平台记录不一致（意见）");
  await shoot(page, "verify-rejected");
  expect(errors).toEqual([]);
});

// after the first test: expert5's signature brought the 临泽 review to its quorum
test("the chair's 修改后通过 lists conditions and is signed in the browser", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "expert1");
  const reviewId = await linzeReviewId(page);
  await page.goto(`/reviews/${reviewId}`);
  const form = page.getByTestId("conclusion-form");
  await form.getByLabel("修改后通过").check();
  await form.getByLabel("评审意见").fill("专家组同意修改完善后报批。");
  await form.getByLabel("修改条件").fill("补充黑河中游湿地生态用水保障分析。\n细化重点工程实施时序。");
  await form.getByLabel(/我已审阅/).check();
  await form.getByRole("button", { name: "出具专家组意见" }).click();
  await expect(page.getByTestId("review-result")).toHaveText("已出具专家组意见。");
  const panel = page.getByTestId("panel-conclusion");
  await expect(panel.getByTestId("conditions").locator("li")).toHaveText(["补充黑河中游湿地生态用水保障分析。", "细化重点工程实施时序。"]);
  await expect(panel.getByTestId("browser-signature")).toContainText("本机签名已验证");
  expect(errors).toEqual([]);
});

// after the second test: the chair confirms, on a later edition, that the conditions are met
test("the chair's confirmation shows the conditions and the diff and is signed in the browser", async ({ page, browser }) => {
  const errors = watchConsole(page);
  const drafter = await browser.newPage();
  await login(drafter, "linze-drafter");
  const reviewId = await linzeReviewId(drafter);
  const review = await (await drafter.request.get(`/api/v1/reviews/${reviewId}`)).json();
  const edition = await (await drafter.request.get(`/api/v1/editions/${review.editionId}`)).json();
  const published = await drafter.request.post(`/api/v1/documents/${edition.documentId}/editions`, {
    data: { label: "报批稿", changelog: "落实专家组修改意见。" },
    headers: { Origin: new URL(drafter.url()).origin },
  });
  expect(published.status()).toBe(201);
  const later = await published.json();
  await drafter.close();

  await login(page, "expert1");
  await page.goto(`/reviews/${reviewId}?confirm=${later.id}`);
  const step = page.getByTestId("confirmation-step");
  await expect(step.getByTestId("conditions").locator("li")).toHaveCount(2);
  await expect(step.getByTestId("confirmation-diff-summary")).toBeVisible();
  const form = step.getByTestId("confirmation-form");
  await form.getByRole("checkbox").check();
  await form.getByRole("button", { name: "确认修改落实" }).click();
  await expect(page.getByTestId("review-result")).toHaveText("已确认修改落实。");
  await expect(page.getByTestId("confirmations").getByTestId("browser-signature")).toContainText("本机签名已验证");
  const after = await (await page.request.get(`/api/v1/reviews/${reviewId}`)).json();
  expect(after.confirmations).toEqual([expect.objectContaining({ editionId: later.id, valid: true, signatureVerifies: true })]);
  expect(errors).toEqual([]);
});
