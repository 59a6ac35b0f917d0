import { reviewSheetDocxResponse } from "~/http/review-sheet.server";
import { apiRoute } from "~/utils/api.server";

/** 专家评审意见表 (.docx): every signed opinion with its signature and key, the hashes, the audit head. */
export const loader = apiRoute((ctx, { params }) => reviewSheetDocxResponse(ctx, params.reviewId!));
