// Export figures, run in a child process of the bench so its memory readings are its own:
//   npx tsx bench/exports.ts DB_FILE ROUND_ID EDITION_ID  → one line of JSON
// The adoption table of the round (2,000 comments) as .xlsx and as .docx (median of 3 each), and the
// edition's .docx (500,000 characters): time, file size, and how far the process's RSS and heap rose.
import { pathToFileURL } from "node:url";
import { adoptionTableDocx } from "../app/lib/adoption-table/docx";
import { adoptionTableXlsx } from "../app/lib/adoption-table/xlsx";
import { editionToDocx } from "../app/lib/docx/export.server";
import { isoShanghai } from "../app/lib/time";
import { adoptionInput } from "../app/models/adoption.server";
import { currentAuditHead } from "../app/models/audit.server";
import { getEdition } from "../app/models/edition.server";
import { openDatabase } from "~db/client";
import { ctxFor } from "../tests/integration/helpers";

export interface ExportFigures {
  adoption: { comments: number; xlsx_ms: number; docx_ms: number; ratio: number; xlsx_bytes: number; docx_bytes: number };
  edition_docx: { chars: number; ms: number; bytes: number; rss_delta_mb: number; heap_delta_mb: number; text_mb: number };
}

async function median(fn: () => Promise<unknown>, runs = 3): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

async function main(file: string, roundId: string, editionId: string): Promise<ExportFigures> {
  const db = openDatabase(file, { runMigrations: false });
  const ctx = await ctxFor(db, "drafter");
  const input = adoptionInput(ctx, roundId);
  const xlsx = await adoptionTableXlsx(input);
  const docx = await adoptionTableDocx(input);
  const xlsx_ms = await median(() => adoptionTableXlsx(input));
  const docx_ms = await median(() => adoptionTableDocx(input));

  // the edition, as the export route builds it; memory measured from before it is read
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let rssPeak = rss0;
  let heapPeak = heap0;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rssPeak = Math.max(rssPeak, m.rss);
    heapPeak = Math.max(heapPeak, m.heapUsed);
  }, 5);
  const start = performance.now();
  const edition = getEdition(ctx, editionId);
  const chars = edition.sections.reduce((n, s) => n + s.text.length, 0);
  const buffer = await editionToDocx({
    planTitle: edition.planTitle,
    documentTitle: edition.documentTitle,
    label: edition.label,
    manifestHash: edition.manifestHash,
    manifestSm3: edition.manifestSm3,
    auditHead: currentAuditHead(ctx.db),
    publishedAt: isoShanghai(edition.publishedAt),
    sections: edition.sections.map((s) => ({
      number: s.number,
      title: s.title,
      depth: s.parentSectionId ? 1 : 0,
      content: (s.content ?? { type: "doc", content: [] }) as Record<string, unknown>,
      tables: [],
    })),
  });
  const ms = performance.now() - start;
  const m = process.memoryUsage();
  rssPeak = Math.max(rssPeak, m.rss);
  heapPeak = Math.max(heapPeak, m.heapUsed);
  clearInterval(timer);
  db.$client.close();
  const mb = (n: number) => n / 1024 / 1024;
  return {
    adoption: {
      comments: input.comments.length,
      xlsx_ms,
      docx_ms,
      ratio: docx_ms / xlsx_ms,
      xlsx_bytes: xlsx.length,
      docx_bytes: docx.length,
    },
    edition_docx: {
      chars,
      ms,
      bytes: buffer.length,
      rss_delta_mb: mb(rssPeak - rss0),
      heap_delta_mb: mb(heapPeak - heap0),
      text_mb: mb(chars * 2),
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [file, roundId, editionId] = process.argv.slice(2);
  console.log(JSON.stringify(await main(file, roundId, editionId)));
}
