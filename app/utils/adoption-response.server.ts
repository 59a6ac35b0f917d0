import { adoptionTableCsv } from "~/lib/adoption-table/csv";
import { adoptionTableDocx } from "~/lib/adoption-table/docx";
import { adoptionTableXlsx } from "~/lib/adoption-table/xlsx";
import { adoptionFileName, adoptionInput } from "~/models/adoption.server";
import type { Ctx } from "./session.server";

function download(body: string | Buffer, type: string, fileName: string) {
  return new Response(typeof body === "string" ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="adoption-table.${fileName.split(".").pop()}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

export function adoptionTableCsvResponse(ctx: Ctx, roundId: string) {
  const input = adoptionInput(ctx, roundId);
  return download(adoptionTableCsv(input), "text/csv; charset=utf-8", adoptionFileName(input, "csv"));
}

export async function adoptionTableXlsxResponse(ctx: Ctx, roundId: string) {
  const input = adoptionInput(ctx, roundId);
  return download(await adoptionTableXlsx(input), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", adoptionFileName(input, "xlsx"));
}

export async function adoptionTableDocxResponse(ctx: Ctx, roundId: string) {
  const input = adoptionInput(ctx, roundId);
  return download(await adoptionTableDocx(input), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", adoptionFileName(input, "docx"));
}
