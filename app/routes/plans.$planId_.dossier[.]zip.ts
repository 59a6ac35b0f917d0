import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildDossier } from "~/models/dossier.server";
import { fileResponse } from "~/utils/file-response.server";
import { rethrowForPage } from "~/utils/http.server";
import { requireUser } from "~/utils/session.server";

/** 报批材料包: the 请示, the 报批稿, the adoption tables and the expert sign-off record in one .zip. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const dossier = await buildDossier(ctx, params.planId!, query);
    return fileResponse(dossier.bytes, "application/zip", dossier.fileName, "approval-dossier.zip");
  } catch (e) {
    rethrowForPage(e, ctx.user.locale);
  }
}
