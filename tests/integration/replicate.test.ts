// `npm run replicate` (scripts/replicate.ts, Litestream): a database written while it replicates to a
// directory is restored from that replica into a new file, which passes the integrity and audit checks.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { verifyIntegrity } from "../../app/models/integrity.server";
import { openDatabase } from "~db/client";
import * as s from "~db/schema";
import { seedDemo } from "~db/seed";
import { createComment } from "../../app/models/comment-create.server";
import { ctxFor } from "./helpers";

const dir = mkdtempSync(path.join(tmpdir(), "portal-replica-"));
const env = { ...process.env, DATABASE_PATH: path.join(dir, "portal.db"), LITESTREAM_REPLICA_URL: path.join(dir, "replica") };
let replicate: ChildProcess | null = null;
afterAll(() => {
  replicate?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

const until = async (ok: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
  return ok();
};

describe("npm run replicate", () => {
  it("generates a Litestream config with the database and a file replica", () => {
    const out = spawnSync(process.execPath, ["--import", "tsx", "scripts/replicate.ts", "config"], { env, encoding: "utf8" });
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({
      dbs: [{ path: env.DATABASE_PATH, replicas: [{ path: env.LITESTREAM_REPLICA_URL, "sync-interval": "1s" }] }],
    });
  });

  it("replicates writes made while it runs, and restores them into a new file that verifies", async () => {
    const db = openDatabase(env.DATABASE_PATH);
    seedDemo(db);
    replicate = spawn(process.execPath, ["--import", "tsx", "scripts/replicate.ts"], { env, stdio: "ignore" });
    expect(
      await until(
        () =>
          existsSync(path.join(env.LITESTREAM_REPLICA_URL, "generations")) &&
          readdirSync(path.join(env.LITESTREAM_REPLICA_URL, "generations")).length > 0,
      ),
    ).toBe(true);
    // writes after the first snapshot travel as WAL segments: 20 comments through the domain (audited, bound)
    const ctx = await ctxFor(db, "gaotai");
    const round = db
      .select()
      .from(s.rounds)
      .all()
      .find((r) => r.title.startsWith("《张掖市国土空间生态修复规划"))!;
    const section = db.select().from(s.editionSections).where(eq(s.editionSections.editionId, round.editionId)).get()!;
    const roundId = round.id;
    const before = db.select().from(s.comments).where(eq(s.comments.roundId, roundId)).all().length;
    for (let i = 0; i < 20; i++)
      createComment(ctx, roundId, { sectionId: section.sectionId, body: `复制测试意见 ${i}`, category: "other" });
    const written = db.select().from(s.comments).where(eq(s.comments.roundId, roundId)).all().length;
    expect(written).toBe(before + 20);
    await new Promise((r) => setTimeout(r, 3000)); // sync-interval is 1 s
    replicate.kill("SIGTERM");
    await new Promise((r) => replicate!.once("exit", r));
    replicate = null;
    db.$client.close();

    const target = path.join(dir, "restored");
    const restored = spawnSync(process.execPath, ["--import", "tsx", "scripts/replicate.ts", "restore", path.join(target, "portal.db")], {
      env,
      encoding: "utf8",
    });
    expect(restored.stderr + restored.stdout).toContain("integrity ok");
    expect(restored.status).toBe(0);
    const copy = openDatabase(path.join(target, "portal.db"), { runMigrations: false });
    expect(copy.select().from(s.comments).where(eq(s.comments.roundId, roundId)).all()).toHaveLength(written);
    expect(verifyIntegrity(copy).ok).toBe(true);
    copy.$client.close();
    // never over an existing file
    const again = spawnSync(process.execPath, ["--import", "tsx", "scripts/replicate.ts", "restore", path.join(target, "portal.db")], {
      env,
      encoding: "utf8",
    });
    expect(again.status).toBe(2);
  }, 60_000);
});
