import type { LoaderFunctionArgs } from "@remix-run/node";
import { translator } from "~/i18n";
import { parseRollupQuery } from "~/lib/rollup/table";
import { rollupXlsx } from "~/lib/rollup/xlsx";
import { rollupView } from "~/models/rollup.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

/** /rollup.xlsx: the roll-up as shown (same filters and order), as an Excel workbook. */
export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  const view = forPage(ctx, () => rollupView(ctx, parseRollupQuery(new URL(request.url).searchParams)));
  const t = translator(ctx.user.locale);
  const bytes = await rollupXlsx({ rows: view.rows, region: view.region, generatedAt: view.generatedAt, locale: ctx.user.locale, t });
  const fileName = `${t("rollup.xlsx.title", { region: view.region })}（${view.generatedAt.slice(0, 10)}）.xlsx`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="rollup.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
