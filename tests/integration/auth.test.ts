import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "~db/client";
import { loginAttempts, sessions } from "~db/schema";
import { login, logout } from "../../app/models/auth.server";
import { ABSOLUTE_LIFETIME_MS, IDLE_TIMEOUT_MS, validateSession } from "../../app/utils/auth.server";
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
  it("every demo account of the README logs in with zhangye-2021, in its organisation and role", async () => {
    const { demoUsers } = await import("~db/seed/organizations");
    expect(demoUsers.map((u) => u.username)).toEqual([
      "admin",
      "drafter",
      "ganzhou",
      "linze",
      "gaotai",
      "shandan",
      "minle",
      "sunan",
      "fgw",
      "sthjj",
      "swj",
      "lcj",
      "expert1",
      "expert2",
      "expert3",
      "expert4",
      "expert5",
      "zrj",
      "ganzhou-drafter",
      "linze-drafter",
      "gaotai-drafter",
      "shandan-drafter",
      "minle-drafter",
      "sunan-drafter",
    ]);
    const expected: Record<string, [string, string]> = {
      zrj: ["张掖市自然资源局", "coordinator"],
      "gaotai-drafter": ["高台县自然资源局", "drafter"],
      "sunan-drafter": ["肃南县自然资源局", "drafter"],
      admin: ["张掖市自然资源局", "admin"],
      drafter: ["规划编制专班", "drafter"],
      ganzhou: ["甘州区", "reviewer"],
      sunan: ["肃南县", "reviewer"],
      fgw: ["市发展和改革委员会", "reviewer"],
      sthjj: ["市生态环境局", "reviewer"],
      swj: ["市水务局", "reviewer"],
      lcj: ["市林业和草原局", "reviewer"],
      expert1: ["专家组", "expert"],
    };
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
    const second = sessionIdOf(
      (await login(db, { username: "linze", password: "zhangye-2021", ip: "1.1.1.3", previousSessionId: first })).setCookie,
    );
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

  it("after five failures for one account, each further attempt waits 2^n seconds; the right password after the wait works", async () => {
    for (let i = 0; i < 5; i++)
      await rejects(login(db, { username: "shandan", password: `wrong-${i}-password`, ip: `2.2.2.${i}` }), "unauthorized");
    const refused = await login(db, { username: "shandan", password: "zhangye-2021", ip: "2.2.2.9" }).catch((e: DomainError) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe("too_many_requests");
    expect((refused as DomainError).messageKey).toBe("login.throttled");
    expect((refused as DomainError).extra.details?.retryAfterSeconds).toBe(2);
    // another user from another address is not affected
    await login(db, { username: "minle", password: "zhangye-2021", ip: "2.2.3.1" });
    // a refused attempt is not a failure: the wait does not grow while the user waits
    const shift = (ms: number) =>
      db
        .update(loginAttempts)
        .set({ at: sql`${loginAttempts.at} - ${ms}` })
        .where(eq(loginAttempts.username, "shandan"))
        .run();
    shift(2500);
    // one more failure after the wait: now 4 s
    await rejects(login(db, { username: "shandan", password: "wrong-again-password", ip: "2.2.2.8" }), "unauthorized");
    const longer = await login(db, { username: "shandan", password: "zhangye-2021", ip: "2.2.2.9" }).catch((e: DomainError) => e);
    expect((longer as DomainError).extra.details?.retryAfterSeconds).toBe(4);
    shift(4500);
    await login(db, { username: "shandan", password: "zhangye-2021", ip: "2.2.2.9" });
    // a success starts the count again
    await rejects(login(db, { username: "shandan", password: "wrong-password-1", ip: "2.2.2.9" }), "unauthorized");
    await login(db, { username: "shandan", password: "zhangye-2021", ip: "2.2.2.9" });
  });

  it("one address (a county's NAT) is not locked out by a colleague's failures, only after many", async () => {
    for (let i = 0; i < 12; i++)
      await rejects(login(db, { username: `guess${i % 3}`, password: "wrong-password", ip: "3.3.3.3" }), "unauthorized");
    await login(db, { username: "sunan", password: "zhangye-2021", ip: "3.3.3.3" });
    // a hundred failures in 15 minutes from one address: everyone behind it waits
    const at = Date.now() - 60_000;
    db.insert(loginAttempts)
      .values(Array.from({ length: 100 }, (_, i) => ({ username: `bot${i}`, ip: "3.3.3.4", succeeded: false, at: at + i })))
      .run();
    await rejects(login(db, { username: "sunan", password: "zhangye-2021", ip: "3.3.3.4" }), "too_many_requests", "login.throttled");
    // failures older than 15 minutes no longer count
    db.update(loginAttempts)
      .set({ at: Date.now() - 16 * 60_000 })
      .where(eq(loginAttempts.ip, "3.3.3.4"))
      .run();
    await login(db, { username: "sunan", password: "zhangye-2021", ip: "3.3.3.4" });
  });

  it("counts each attempt before the password check, so parallel guesses cannot pass the limit", async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        login(db, { username: "ganzhou", password: `parallel-guess-${i}`, ip: `7.7.7.${i}` }).then(
          () => "ok",
          (e: DomainError) => e.code,
        ),
      ),
    );
    expect(results.filter((r) => r === "unauthorized")).toHaveLength(5);
    expect(results.filter((r) => r === "too_many_requests")).toHaveLength(7);
    // the address limit is atomic too
    const at = Date.now() - 60_000;
    db.insert(loginAttempts)
      .values(Array.from({ length: 95 }, (_, i) => ({ username: `bot${i}`, ip: "8.8.8.8", succeeded: false, at: at + i })))
      .run();
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        login(db, { username: `spray${i}`, password: "wrong-password", ip: "8.8.8.8" }).then(
          () => "ok",
          (e: DomainError) => e.code,
        ),
      ),
    );
    expect(burst.filter((r) => r === "unauthorized")).toHaveLength(5);
    expect(burst.filter((r) => r === "too_many_requests")).toHaveLength(5);
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
