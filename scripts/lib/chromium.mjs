// How the project starts Debian's Chromium (the e2e tests, `scripts/screenshots.mjs`, the bench's phone
// profile): the binary (CHROMIUM_PATH or /usr/bin/chromium) and flags for a headless machine without
// network access beyond localhost.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
