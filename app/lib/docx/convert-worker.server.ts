// mammoth's .docx → HTML conversion in a worker thread with a memory cap and a time limit, so a hostile
// document that gets past checkDocxUpload still cannot exhaust the server's heap or hold its event loop:
// the worker dies (or is terminated) and the request gets a clear refusal; the server carries on.
import { createRequire } from "node:module";
import path from "node:path";
import { Worker } from "node:worker_threads";

export const CONVERT_TIMEOUT_MS = 20_000;
export const CONVERT_MAX_OLD_GENERATION_MB = 256;

export type ConversionFailure = "timeout" | "out_of_memory" | "failed";
export class ConversionError extends Error {
  constructor(
    readonly kind: ConversionFailure,
    message: string,
  ) {
    super(message);
    this.name = "ConversionError";
  }
}

export interface Converted {
  html: string;
  messages: string[];
  imagesDropped: number;
}

export interface ConvertLimits {
  timeoutMs?: number;
  maxOldGenerationSizeMb?: number;
  maxYoungGenerationSizeMb?: number;
}

// Word's built-in names, and the names WPS / Chinese Word write into styles.xml.
const STYLE_MAP = [1, 2, 3].flatMap((n) => [
  `p[style-name='Heading ${n}'] => h${n}:fresh`,
  `p[style-name='标题 ${n}'] => h${n}:fresh`,
  `p[style-name='标题${n}'] => h${n}:fresh`,
]);
STYLE_MAP.push("p[style-name='Title'] => h1:fresh", "p[style-name='标题'] => h1:fresh");

// The worker's code, as plain CommonJS: the server bundle has no separate file a Worker could load.
// Images are never read (no data URI, nothing stored); they are counted and dropped.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const mammoth = require(workerData.mammoth);
let imagesDropped = 0;
mammoth
  .convertToHtml(
    { buffer: Buffer.from(workerData.bytes) },
    { styleMap: workerData.styleMap, convertImage: mammoth.images.imgElement(async () => { imagesDropped++; return { src: "" }; }) },
  )
  .then((r) => parentPort.postMessage({ ok: true, html: r.value, messages: r.messages.map((m) => m.message), imagesDropped }))
  .catch((e) => parentPort.postMessage({ ok: false, message: String((e && e.message) || e).slice(0, 200) }));
`;

let mammothPath: string | null = null;
function resolveMammoth(): string {
  mammothPath ??= createRequire(path.join(process.cwd(), "package.json")).resolve("mammoth");
  return mammothPath;
}

/** Converts a .docx (already accepted by checkDocxUpload) to HTML in a worker with the given limits. */
export function convertDocxInWorker(bytes: Uint8Array, limits: ConvertLimits = {}): Promise<Converted> {
  const { timeoutMs = CONVERT_TIMEOUT_MS, maxOldGenerationSizeMb = CONVERT_MAX_OLD_GENERATION_MB, maxYoungGenerationSizeMb = 32 } = limits;
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { bytes, mammoth: resolveMammoth(), styleMap: STYLE_MAP },
      resourceLimits: { maxOldGenerationSizeMb, maxYoungGenerationSizeMb, stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () => finish(() => reject(new ConversionError("timeout", `conversion took longer than ${timeoutMs} ms`))),
      timeoutMs,
    );
    worker.on("message", (m: { ok: true; html: string; messages: string[]; imagesDropped: number } | { ok: false; message: string }) =>
      finish(() =>
        m.ok
          ? resolve({ html: m.html, messages: m.messages, imagesDropped: m.imagesDropped })
          : reject(new ConversionError("failed", m.message)),
      ),
    );
    worker.on("error", (e: Error & { code?: string }) =>
      finish(() =>
        reject(
          e.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new ConversionError("out_of_memory", "conversion ran out of memory")
            : new ConversionError("failed", e.message.slice(0, 200)),
        ),
      ),
    );
    worker.on("exit", (code) => finish(() => reject(new ConversionError("failed", `conversion stopped (exit ${code})`))));
  });
}
