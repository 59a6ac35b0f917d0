import { expect, test } from "@playwright/test";
import { login, watchConsole } from "./helpers";

test("pages hydrate under the nonce CSP, and an inline script without the nonce is blocked", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "drafter");
  const response = await page.goto("/rollup");
  const csp = response?.headers()["content-security-policy"] ?? "";
  const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(response?.headers()["cache-control"]).toBe("private, no-store");

  // hydrated: Remix's router is running, and a client-side navigation works
  await page.waitForFunction(() => "__remixRouter" in window);
  const inline = await page.evaluate(() => [...document.querySelectorAll("script:not([src])")].map((s) => (s as HTMLScriptElement).nonce));
  expect(inline.length).toBeGreaterThan(0);
  for (const n of inline) expect(n).toBe(nonce);
  expect(errors).toEqual([]);

  // an injected inline script without the nonce does not run, and the browser reports the violation
  const outcome = await page.evaluate(
    () =>
      new Promise<{ ran: boolean; violated: string }>((resolve) => {
        document.addEventListener("securitypolicyviolation", (e) => resolve({ ran: "__pwned" in window, violated: e.effectiveDirective }), {
          once: true,
        });
        const s = document.createElement("script");
        s.textContent = "window.__pwned = 1";
        document.body.appendChild(s);
        setTimeout(() => resolve({ ran: "__pwned" in window, violated: "" }), 2000);
      }),
  );
  expect(outcome).toEqual({ ran: false, violated: "script-src-elem" });
});

test("links navigate on the client (the scripts run under the CSP)", async ({ page }) => {
  const errors = watchConsole(page);
  await login(page, "drafter");
  await page.goto("/rollup");
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.evaluate(() => {
    (window as unknown as { __samePage: boolean }).__samePage = true;
  });
  await page
    .getByRole("link", { name: /甘州区/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/plans\//);
  // no full reload: the marker set on the previous page is still there
  expect(await page.evaluate(() => (window as unknown as { __samePage?: boolean }).__samePage)).toBe(true);
  expect(errors).toEqual([]);
});
