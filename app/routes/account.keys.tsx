import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ActionResult } from "~/components/action-result";
import { type Column, DataTable } from "~/components/ui/data-table";
import { translate } from "~/i18n";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/lib/time";
import { listAllKeys, listOwnKeys, revokeKey } from "~/models/signing-key.server";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { can } from "~/utils/permissions";
import { requireUser } from "~/utils/session.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: "zh-CN" | "en" } | undefined)?.locale ?? "zh-CN";
  return [{ title: `${translate(locale, "keys.title")} · ${translate(locale, "app.shortName")}` }];
};

/** The caller's signing keys (one per device); administrators also see every key and can revoke one. */
export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => ({ own: listOwnKeys(ctx), all: can(ctx.user, "manage:user:any") ? listAllKeys(ctx) : null }));
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const form = Object.fromEntries(await request.formData());
  return formAction(ctx.user.locale, "revoke", () => {
    revokeKey(ctx, String(form.keyId ?? ""));
    return translate(ctx.user.locale, "keys.revokedDone");
  });
}

type KeyRow = ReturnType<typeof useLoaderData<typeof loader>>["own"][number];

function Status({ k }: { k: KeyRow }) {
  const t = useT();
  const locale = useLocale();
  return k.revokedAt ? (
    <span className="badge badge--danger">{t("keys.revoked", { date: formatDateTime(k.revokedAt, locale) })}</span>
  ) : (
    <span className="badge badge--accent">{t("keys.active")}</span>
  );
}

function RevokeForm({ id, busy }: { id: string; busy: boolean }) {
  const t = useT();
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="keyId" value={id} />
      <label className="small">
        <input type="checkbox" name="confirm" value="yes" required /> {t("keys.revokeConfirm")}
      </label>{" "}
      <button type="submit" className="button button--small button--danger" disabled={busy}>
        {t("keys.revoke")}
      </button>
    </Form>
  );
}

export default function KeysPage() {
  const { own, all } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  const locale = useLocale();
  const fingerprint: Column<KeyRow> = {
    key: "fingerprint",
    header: t("signing.fingerprint"),
    className: "mono small",
    cell: (k) => <span title={k.fingerprint}>{k.fingerprint.slice(0, 16)}</span>,
  };
  const created: Column<KeyRow> = { key: "created", header: t("keys.created"), cell: (k) => formatDateTime(k.createdAt, locale) };
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t("keys.title")}</h1>
          <div className="page-head__meta">{t("keys.lead")}</div>
        </div>
        <Link to="/verify" className="button button--ghost">
          {t("verify.nav")}
        </Link>
      </div>
      <ActionResult result={result} testId="keys-result" />
      <section className="card" data-testid="own-keys">
        <DataTable
          rows={own}
          rowKey={(k) => k.id}
          empty={<span className="small">{t("keys.none")}</span>}
          columns={[
            { key: "device", header: t("keys.device"), cell: (k) => k.deviceLabel },
            { key: "algorithm", header: t("keys.algorithm"), cell: (k) => k.algorithm },
            fingerprint,
            created,
            { key: "status", header: t("keys.status"), cell: (k) => <Status k={k} /> },
          ]}
        />
      </section>
      {all ? (
        <section className="card" aria-labelledby="all-keys-h" data-testid="all-keys">
          <h2 id="all-keys-h">{t("keys.all")}</h2>
          <DataTable
            rows={all}
            rowKey={(k) => k.id}
            empty={<span className="small">{t("keys.noneAll")}</span>}
            rowProps={(k) => ({ "data-key": k.id })}
            columns={[
              {
                key: "owner",
                header: t("keys.owner"),
                cell: (k) => (
                  <>
                    {k.owner.name} <span className="small muted">{k.owner.username}</span>
                  </>
                ),
              },
              {
                key: "device",
                header: t("keys.device"),
                cell: (k) => (
                  <>
                    {k.deviceLabel} <span className="small muted">{k.algorithm}</span>
                  </>
                ),
              },
              fingerprint,
              created,
              {
                key: "status",
                header: t("keys.status"),
                cell: (k) => (k.revokedAt ? <Status k={k} /> : <RevokeForm id={k.id} busy={busy} />),
              },
            ]}
          />
        </section>
      ) : null}
    </>
  );
}
