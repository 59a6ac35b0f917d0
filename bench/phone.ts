// The phone profile: Debian's Chromium at 390 px with the CPU throttled 4× through the DevTools protocol
// (Emulation.setCPUThrottlingRate); the time to `load` of a page, best of `runs`.
import { chromium } from "@playwright/test";
import { chromiumLaunchOptions } from "../scripts/lib/chromium.mjs";

export async function phoneLoads(base: string, cookie: string, paths: string[], runs = 2): Promise<number[]> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const [name, value] = cookie.split("=");
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 3,
      isMobile: true,
      hasTouch: true,
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
    });
    await context.addCookies([{ name, value, url: base }]);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const out: number[] = [];
    for (const p of paths) {
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < runs; i++) {
        await page.goto(`${base}${p}`, { waitUntil: "load", timeout: 300_000 });
        const load = await page.evaluate(() => {
          const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
          return nav.loadEventEnd - nav.startTime;
        });
        best = Math.min(best, load);
        await page.goto("about:blank");
      }
      out.push(best);
    }
    return out;
  } finally {
    await browser.close();
  }
}
