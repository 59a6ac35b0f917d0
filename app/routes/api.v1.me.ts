import { me } from "~/models/user.server";
import { apiRoute } from "~/utils/api.server";

export const loader = apiRoute((ctx) => me(ctx));
