import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client";
import { loginAttempts, sessions } from "../../db/schema";
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, login, logout, validateSession } from "../../app/utils/auth.server";
import { DomainError } from "../../app/utils/errors";
import { resetPassword, setUserDisabled } from "../../app/models/user.server";
import { verifyAuditChain } from "../../app/models/audit.server";
import { createTestDb, ctxFor, userId } from "./helpers";

let db: Db;
let cleanup: () => void;
beforeAll(() => ({ db, cleanup } = createTestDb()));
afterAll(() => cleanup());

const sessionIdOf = (setCookie: string) => /portal_session=([^;]+)/.exec(setCookie)![1];
const HOUR = 3_600_000;

async function rejects(p: Promise<unknown>, code: string, key?: string) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DomainError);
  expect((e as DomainError).code).toBe(code);
  if (key) expect((e as DomainError).messageKey).toBe(key);
}

describe("demo accounts", () => {
  it("every demo account of CONTRACT.md logs in with zhangye-2021, in its organisation and role", async () => {
    const { demoUsers } = await import("../../db/seed/organizations");
    expect(demoUsers.map((u) => u.username)).toEqual(["admin", "drafter", "ganzhou", "linze", "gaotai", "shandan", "minle", "sunan", "fgw", "sthjj", "swj", "lcj", "expert1", "expert2", "expert3", "expert4", "expert5", "zrj", "ganzhou-drafter", "linze-drafter", "gaotai-drafter", "shandan-drafter", "minle-drafter", "sunan-drafter"]);
    const expected: Record<string, [string, string]> = { zrj: ["张掖市自然资源局", "coordinator"], "gaotai-drafter": ["高台县自然资源局", "drafter"], "sunan-drafter": ["肃南县自然资源局", "drafter"], admin: ["张掖市自然资源局", "admin"], drafter: ["规划编制专班", "drafter"], ganzhou: ["甘州区", "reviewer"], sunan: ["肃南县", "reviewer"], fgw: ["市发展和改革委员会", "reviewer"], sthjj: ["市生态环境局", "reviewer"], swj: ["市水务局", "reviewer"], lcj: ["市林业和草原局", "reviewer"], expert1: ["专家组", "expert"] };
    for (const [i, u] of demoUsers.entries()) {
      const { user } = await login(db, { username: u.username, password: "zhangye-2021", ip: `9.9.9.${i}` });
      expect(user.username).toBe(u.username);
      if (expected[u.username]) expect([user.organization.name, user.role]).toEqual(expected[u.username]);
    }
  });
});

describe("login", () => {
  it("gives an HttpOnly, SameSite=Lax cookie for the right password", async () => {
    const { user, setCookie } = await login(db, { username: "drafter", password: "zhangye-2021", ip: "1.1.1.1" });
    expect(user.username).toBe("drafter");
    expect(user.organization.name).toBe("规划编制专班");
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // ORIGIN is http in tests
    expect(await validateSession(db, sessionIdOf(setCookie))).toMatchObject({ username: "drafter", role: "drafter" });
  });

  it("refuses a wrong password and an unknown user with the same message", async () => {
    await rejects(login(db, { username: "drafter", password: "wrong-password", ip: "1.1.1.2" }), "unauthorized", "login.failed");
    await rejects(login(db, { username: "nobody", password: "zhangye-2021", ip: "1.1.1.2" }), "unauthorized", "login.failed");
  });

  it("rotates: a new session id at every login, and the previous one ends", async () => {
    const first = sessionIdOf((await login(db, { username: "linze", password: "zhangye-2021", ip: "1.1.1.3" })).setCookie);
    const second = sessionIdOf((await login(db, { username: "linze", password: "zhangye-2021", ip: "1.1.1.3", previousSessionId: first })).setCookie);
    expect(second).not.toBe(first);
    expect(await validateSession(db, first)).toBeNull();
    expect(await validateSession(db, second)).not.toBeNull();
  });

  it("ends the session at logout", async () => {
    const id = sessionIdOf((await login(db, { username: "gaotai", password: "zhangye-2021", ip: "1.1.1.4" })).setCookie);
    const cookie = await logout(db, id);
    expect(cookie).toMatch(/Max-Age=0/);
    expect(await validateSession(db, id)).toBeNull();
  });

  it("throttles after five failures for one username, even with the right password next", async () => {
    for (let i = 0; i < 5; i++) await rejects(login(db, { username: "shandan", password: `wrong-${i}-password`, ip: `2.2.2.${i}` }), "unauthorized");
    await rejects(login(db, { username: "shandan", password: "zhangye-2021", ip: "2.2.2.9" }), "too_many_requests", "login.throttled");
    // another user from another address is not affected
    await login(db, { username: "minle", password: "zhangye-2021", ip: "2.2.3.1" });
  });

  it("throttles after five failures from one address, whatever the usernames", async () => {
    for (let i = 0; i < 5; i++) await rejects(login(db, { username: `guess${i}`, password: "wrong-password", ip: "3.3.3.3" }), "unauthorized");
    await rejects(login(db, { username: "sunan", password: "zhangye-2021", ip: "3.3.3.3" }), "too_many_requests");
    // failures older than 15 minutes no longer count
    db.update(loginAttempts).set({ at: Date.now() - 16 * 60_000 }).where(eq(loginAttempts.ip, "3.3.3.3")).run();
    await login(db, { username: "sunan", password: "zhangye-2021", ip: "3.3.3.3" });
  });
});

describe("session lifetime", () => {
  it("expires after 12 idle hours but lives on while used", async () => {
    const id = sessionIdOf((await login(db, { username: "fgw", password: "zhangye-2021", ip: "4.4.4.4" })).setCookie);
    const t0 = Date.now();
    expect(await validateSession(db, id, t0 + 11 * HOUR)).not.toBeNull(); // used: the idle deadline moves
    expect(await validateSession(db, id, t0 + 22 * HOUR)).not.toBeNull(); // 11 h after last use
    expect(await validateSession(db, id, t0 + 22 * HOUR + IDLE_TIMEOUT_MS + 1000)).toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.id, id)).get()).toBeUndefined();
  });

  it("ends after 7 days however active", async () => {
    const id = sessionIdOf((await login(db, { username: "swj", password: "zhangye-2021", ip: "4.4.4.5" })).setCookie);
    const t0 = Date.now();
    for (let t = 10 * HOUR; t < ABSOLUTE_LIFETIME_MS; t += 10 * HOUR) expect(await validateSession(db, id, t0 + t)).not.toBeNull();
    expect(await validateSession(db, id, t0 + ABSOLUTE_LIFETIME_MS + 1000)).toBeNull();
  });
});

describe("administration", () => {
  it("disabling a user ends their sessions at once and blocks login", async () => {
    const admin = await ctxFor(db, "admin");
    const id = sessionIdOf((await login(db, { username: "lcj", password: "zhangye-2021", ip: "5.5.5.5" })).setCookie);
    setUserDisabled(admin, userId(db, "lcj"), true);
    expect(await validateSession(db, id)).toBeNull();
    await rejects(login(db, { username: "lcj", password: "zhangye-2021", ip: "5.5.5.6" }), "forbidden", "login.disabled");
    setUserDisabled(admin, userId(db, "lcj"), false);
    await login(db, { username: "lcj", password: "zhangye-2021", ip: "5.5.5.7" });
  });

  it("a password reset ends sessions and the new password works", async () => {
    const admin = await ctxFor(db, "admin");
    const id = sessionIdOf((await login(db, { username: "expert5", password: "zhangye-2021", ip: "6.6.6.6" })).setCookie);
    await resetPassword(admin, userId(db, "expert5"), { password: "Qilian-Heihe-2035" });
    expect(await validateSession(db, id)).toBeNull();
    await login(db, { username: "expert5", password: "Qilian-Heihe-2035", ip: "6.6.6.7" });
  });

  it("refuses passwords under 10 characters", async () => {
    const admin = await ctxFor(db, "admin");
    await expect(resetPassword(admin, userId(db, "expert4"), { password: "short-pw" })).rejects.toThrow();
  });

  it("only admins may disable users (checked in the domain, not only the page)", async () => {
    const drafter = await ctxFor(db, "drafter");
    expect(() => setUserDisabled(drafter, userId(db, "linze"), true)).toThrow(DomainError);
  });

  it("keeps the audit chain intact through all of it", () => {
    const result = verifyAuditChain(db);
    expect(result.ok).toBe(true);
    expect(result.events).toBeGreaterThan(10);
  });
});
