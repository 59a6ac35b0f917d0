// The 专家评审意见表 as a file download.
import { exportReviewSheet } from "~/models/review-sheet.server";
import { fileResponse } from "~/utils/file-response.server";
import type { Ctx } from "~/utils/session.server";

export async function reviewSheetDocxResponse(ctx: Ctx, reviewId: string) {
  const { buffer, fileName } = await exportReviewSheet(ctx, reviewId);
  return fileResponse(
    buffer,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    fileName,
    `review-${reviewId}.docx`,
  );
}
