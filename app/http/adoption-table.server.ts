// The 意见采纳情况表 as file downloads (.csv, .xlsx, .docx).
import { adoptionTableCsv } from "~/lib/adoption-table/csv";
import { adoptionTableDocx } from "~/lib/adoption-table/docx";
import { adoptionTableXlsx } from "~/lib/adoption-table/xlsx";
import { adoptionFileName, adoptionInput } from "~/models/adoption.server";
import { underExportGate } from "~/utils/export-gate.server";
import { fileResponse } from "~/utils/file-response.server";
import type { Ctx } from "~/utils/session.server";

const download = (body: string | Buffer, type: string, fileName: string) =>
  fileResponse(typeof body === "string" ? Buffer.from(body, "utf8") : body, type, fileName, `adoption-table.${fileName.split(".").pop()}`);

export function adoptionTableCsvResponse(ctx: Ctx, roundId: string) {
  const input = adoptionInput(ctx, roundId);
  return download(adoptionTableCsv(input), "text/csv; charset=utf-8", adoptionFileName(input, "csv"));
}

// the two file builds wait their turn in the export queue, and read the round only once it is theirs
export function adoptionTableXlsxResponse(ctx: Ctx, roundId: string) {
  return underExportGate(async () => {
    const input = adoptionInput(ctx, roundId);
    return download(
      await adoptionTableXlsx(input),
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      adoptionFileName(input, "xlsx"),
    );
  });
}

export function adoptionTableDocxResponse(ctx: Ctx, roundId: string) {
  return underExportGate(async () => {
    const input = adoptionInput(ctx, roundId);
    return download(
      await adoptionTableDocx(input),
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      adoptionFileName(input, "docx"),
    );
  });
}
