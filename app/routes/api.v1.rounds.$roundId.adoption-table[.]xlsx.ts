import { adoptionTableXlsxResponse } from "~/utils/adoption-response.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => adoptionTableXlsxResponse(ctx, params.roundId!));
