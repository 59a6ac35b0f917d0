// The server Playwright starts: a fresh demo database every run, then the real production server.
import { rmSync } from "node:fs";
import path from "node:path";
import { root } from "./lib/prepare.mjs";

const dir = path.join(root, ".tmp/e2e");
rmSync(dir, { recursive: true, force: true });
process.env.DATABASE_PATH = path.join(dir, "portal.db");
await import(path.join(root, "server.mjs"));
