// `npm test`: install if needed → typecheck → lint → format → import rules → build → vitest (unit + integration) →
// Playwright in Chromium. Ends with one line of its own: "N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureBuilt, ensureInstalled, root, run } from "./lib/prepare.mjs";

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
const findChromium = () => CHROMIUM_CANDIDATES.find((p) => existsSync(p));

function ensureChromium() {
  let found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    console.log("› Chromium not found; installing Debian's chromium (apt-get install -y chromium) …");
    let r = run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
    });
    if (!r.ok) {
      run("apt-get", ["update"]);
      r = run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], {
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    }
    found = findChromium();
    if (found) return found;
  }
  console.error(
    "\nNo Chromium found for the end-to-end tests. Install it with:\n    sudo apt-get install -y chromium\n(or set CHROMIUM_PATH to a Chromium binary) and run npm test again.\n",
  );
  return null;
}

const tmp = path.join(root, ".tmp");
mkdirSync(tmp, { recursive: true });
const steps = [];
let passed = 0;
let failed = 0;

if (!ensureInstalled()) process.exit(1);
const chromium = ensureChromium();

const bin = (name) => path.join(root, "node_modules/.bin", name);
const step = (name, fn) => {
  const started = Date.now();
  const ok = fn();
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
};

step("typecheck (tsc --noEmit)", () => run(bin("tsc"), ["--noEmit"]).ok);
step("lint (biome)", () => run(bin("biome"), ["lint", "."]).ok);
// Biome's formatter (biome.json); `npm run format` writes it. An unformatted file counts as a failed test.
if (!step("format (biome)", () => run(bin("biome"), ["format", "."]).ok)) failed += 1;
// Imports point down only (.dependency-cruiser.cjs); a broken rule counts as a failed test.
if (
  !step(
    "imports (dependency-cruiser)",
    () => run(bin("depcruise"), ["app", "db", "server", "scripts", "--config", ".dependency-cruiser.cjs", "--output-type", "err"]).ok,
  )
)
  failed += 1;
const built = step("build", () => ensureBuilt());

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

// Unit and integration tests (the HTTP integration tests start the built server).
const vitestReport = path.join(tmp, "vitest.json");
rmSync(vitestReport, { force: true });
step("vitest", () => run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${vitestReport}`]).ok);
const v = readJson(vitestReport);
if (v) {
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  // a file that fails before any test runs (an import error) counts as one failure per file
  if (v.numFailedTests === 0) failed += v.numFailedTestSuites;
} else failed += 1;

// End-to-end tests in real Chromium.
const pwReport = path.join(tmp, "playwright.json");
rmSync(pwReport, { force: true });
if (chromium && built) {
  step(
    "playwright",
    () => run(bin("playwright"), ["test"], { env: { ...process.env, CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport } }).ok,
  );
  const p = readJson(pwReport);
  if (p) {
    passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
    failed += p.stats?.unexpected ?? 0;
    if ((p.errors ?? []).length) failed += 1;
  } else failed += 1;
} else {
  steps.push({ name: "playwright", ok: false, seconds: 0 });
  failed += 1;
}

console.log("\nSummary");
for (const s of steps) console.log(`  ${s.ok ? "ok  " : "FAIL"}  ${s.name}  (${s.seconds.toFixed(1)} s)`);
const allOk = steps.every((s) => s.ok) && failed === 0;
console.log(`${passed} passed, ${failed} failed`);
process.exit(allOk ? 0 : 1);
