import { exportReviewSheet } from "~/models/review-sheet.server";
import { apiRoute } from "~/utils/api.server";

/** 专家评审意见表 (.docx): every signed opinion with its signature and key, the hashes, the audit head. */
export const loader = apiRoute(async (ctx, { params }) => {
  const { buffer, fileName } = await exportReviewSheet(ctx, params.reviewId!);
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "Content-Disposition": `attachment; filename="review-${params.reviewId}.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
});
