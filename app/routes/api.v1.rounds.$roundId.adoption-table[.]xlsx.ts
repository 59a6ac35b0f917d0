import { adoptionTableXlsxResponse } from "~/http/adoption-table.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx, { params }) => adoptionTableXlsxResponse(ctx, params.roundId!));
