import { describe, expect, it } from "vitest";
import { readJson } from "./api.server";
import { DomainError } from "./errors";

/** A body that sends `chunk` bytes at a time and never ends: a reader that waits for the end hangs. */
function endless(chunk = 64 * 1024) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      // a macrotask per chunk, as from a socket, so timers still run
      await new Promise((r) => setImmediate(r));
      // "endless" within reason: 32 MB, far beyond any cap here
      if (pulled >= 32 * 1024 * 1024) return controller.close();
      pulled += chunk;
      controller.enqueue(new Uint8Array(chunk).fill(0x20));
    },
  });
  return { stream, pulled: () => pulled };
}

const post = (body: BodyInit | ReadableStream, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/v1/x", {
    method: "POST",
    body,
    headers: { "Content-Type": "application/json", ...headers },
    duplex: "half",
  } as RequestInit);

describe("readJson", () => {
  it("stops reading a streamed body as soon as it passes the cap (413), without waiting for its end", async () => {
    const { stream, pulled } = endless();
    const result = await Promise.race([
      readJson(post(stream), 256 * 1024).then(
        () => "parsed",
        (e: unknown) => e,
      ),
      new Promise((r) => setTimeout(() => r("hung"), 2000)),
    ]);
    expect(result).toBeInstanceOf(DomainError);
    expect((result as DomainError).code).toBe("too_large");
    expect(pulled()).toBeLessThan(1024 * 1024);
  });
  it("caps at 2 MB by default", async () => {
    const { stream } = endless();
    await expect(readJson(post(stream))).rejects.toMatchObject({ code: "too_large" });
    const justUnder = JSON.stringify({ text: "a".repeat(2 * 1024 * 1024 - 20) });
    expect(await readJson(post(justUnder))).toMatchObject({ text: expect.any(String) });
    await expect(readJson(post(JSON.stringify({ text: "a".repeat(2 * 1024 * 1024) })))).rejects.toMatchObject({ code: "too_large" });
  });
  it("refuses a declared length over the cap before reading, and malformed JSON with 400", async () => {
    await expect(readJson(post("{}", { "Content-Length": String(5 * 1024 * 1024) }), 1024)).rejects.toMatchObject({ code: "too_large" });
    await expect(readJson(post("{nope"))).rejects.toMatchObject({ code: "invalid" });
  });
});
