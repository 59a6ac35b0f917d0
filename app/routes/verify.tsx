import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useNavigation } from "@remix-run/react";
import { ActionResult } from "~/components/action-result";
import { DataTable } from "~/components/ui/data-table";
import { UploadForm } from "~/components/ui/upload-form";
import { translate } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { Reason } from "~/lib/review-sheet/sheet";
import { MAX_SHEET_BYTES, verifyReviewSheet } from "~/models/review-sheet.server";
import { formAction } from "~/utils/form.server";
import { requireUser } from "~/utils/session.server";
import { FORM_OVERHEAD_BYTES, formFile, readFormCapped } from "~/utils/upload.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: "zh-CN" | "en" } | undefined)?.locale ?? "zh-CN";
  return [{ title: `${translate(locale, "verify.title")} · ${translate(locale, "app.shortName")}` }];
};

type TFunction = ReturnType<typeof useT>;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  return formAction(ctx.user.locale, "verify", async () => {
    // counted as it streams in: a body past the cap is refused (413) before it is parsed
    const form = await readFormCapped(request, MAX_SHEET_BYTES + FORM_OVERHEAD_BYTES, "verify.tooLarge");
    return verifyReviewSheet(ctx, await formFile(form, "file"));
  });
}

function reasonText(t: TFunction, r: Reason) {
  if (r.key === "text")
    return t("verify.reason.text", {
      field: r.field === "header" ? t("verify.row.header") : t(`verify.field.${(r.field ?? "opinion") as "opinion"}`),
    });
  return t(`verify.reason.${r.key}`);
}

export default function VerifyPage() {
  const t = useT();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const report = result?.ok ? result.result : null;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("verify.title")}</h1>
          <div className="page-head__meta">{t("verify.lead")}</div>
        </div>
      </div>
      <section className="card">
        <UploadForm id="verify-file" label={t("verify.file")} accept="docx" submit={t("verify.submit")} busy={busy} testId="verify-form" />
      </section>
      {result && !result.ok ? <ActionResult result={result} testId="verify-error" /> : null}
      {report ? (
        <section className="card" aria-labelledby="verify-h" data-testid="verify-report" data-ok={report.ok ? "yes" : "no"}>
          <h2 id="verify-h">
            <span className={`badge ${report.ok ? "badge--accent" : "badge--danger"}`}>
              {report.ok ? t("verify.ok") : t("verify.failed", { count: report.lines.filter((l) => !l.ok).length })}
            </span>
          </h2>
          <DataTable
            rows={report.lines}
            rowKey={(l, i) => `${l.kind}-${i}`}
            rowProps={(l) => ({ "data-line": l.kind, "data-ok": l.ok ? "yes" : "no" })}
            columns={[
              {
                key: "line",
                header: t("verify.line"),
                cell: (l) =>
                  l.kind === "header"
                    ? `${t("verify.row.header")}：${l.name}`
                    : l.kind === "signoff"
                      ? t("verify.row.signoff", { name: l.name })
                      : `${t("verify.row.conclusion")}（${l.name}）`,
              },
              {
                key: "result",
                header: t("verify.result"),
                cell: (l) => (
                  <>
                    <span className={`badge ${l.ok ? "badge--accent" : "badge--danger"}`}>
                      {l.ok ? t("verify.match") : t("verify.mismatch")}
                    </span>{" "}
                    {l.reasons.map((r) => reasonText(t, r)).join("；")}
                  </>
                ),
              },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}
