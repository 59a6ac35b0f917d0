import { commentJson, getComment } from "~/models/comment.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => commentJson(getComment(ctx, params.commentId!)));
