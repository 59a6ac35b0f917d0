import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ActionResult } from "~/components/action-result";
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

export default function KeysPage() {
  const { own, all } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT();
  const locale = useLocale();
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
        {own.length === 0 ? (
          <p className="small muted">{t("keys.none")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th>{t("keys.device")}</th>
                  <th>{t("keys.algorithm")}</th>
                  <th>{t("signing.fingerprint")}</th>
                  <th>{t("keys.created")}</th>
                  <th>{t("keys.status")}</th>
                </tr>
              </thead>
              <tbody>
                {own.map((k) => (
                  <tr key={k.id}>
                    <td>{k.deviceLabel}</td>
                    <td>{k.algorithm}</td>
                    <td className="mono small" title={k.fingerprint}>
                      {k.fingerprint.slice(0, 16)}
                    </td>
                    <td>{formatDateTime(k.createdAt, locale)}</td>
                    <td>
                      <Status k={k} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {all ? (
        <section className="card" aria-labelledby="all-keys-h" data-testid="all-keys">
          <h2 id="all-keys-h">{t("keys.all")}</h2>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th>{t("keys.owner")}</th>
                  <th>{t("keys.device")}</th>
                  <th>{t("signing.fingerprint")}</th>
                  <th>{t("keys.created")}</th>
                  <th>{t("keys.status")}</th>
                </tr>
              </thead>
              <tbody>
                {all.map((k) => (
                  <tr key={k.id} data-key={k.id}>
                    <td>
                      {k.owner.name} <span className="small muted">{k.owner.username}</span>
                    </td>
                    <td>
                      {k.deviceLabel} <span className="small muted">{k.algorithm}</span>
                    </td>
                    <td className="mono small" title={k.fingerprint}>
                      {k.fingerprint.slice(0, 16)}
                    </td>
                    <td>{formatDateTime(k.createdAt, locale)}</td>
                    <td>
                      {k.revokedAt ? (
                        <Status k={k} />
                      ) : (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="keyId" value={k.id} />
                          <label className="small">
                            <input type="checkbox" name="confirm" value="yes" required /> {t("keys.revokeConfirm")}
                          </label>{" "}
                          <button type="submit" className="button button--small button--danger" disabled={busy}>
                            {t("keys.revoke")}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
