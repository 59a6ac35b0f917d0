// Environment, read once. README's Configuration names these variables.

/** The password of every demo account (DEMO_SEED=1 only; shown on the login page of a demo). */
export const DEMO_PASSWORD = "zhangye-2021";

export const config = {
  get port() {
    return Number(process.env.PORT ?? 3000);
  },
  get host() {
    return process.env.HOST ?? "127.0.0.1";
  },
  get origin() {
    return (process.env.ORIGIN ?? `http://localhost:${this.port}`).replace(/\/$/, "");
  },
  get demoSeed() {
    return (process.env.DEMO_SEED ?? "1") !== "0";
  },
  get secureCookies() {
    return this.origin.startsWith("https://");
  },
};
