import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { organizationKinds, roles } from "~db/schema/enums";
import { translate } from "~/i18n";
import { ActionResult } from "~/components/action-result";
import { useT } from "~/i18n/use-t";
import { createUser, listUsers, resetPassword, setUserDisabled } from "~/models/user.server";
import { createOrganization, listOrganizations } from "~/models/organization.server";
import { invalid } from "~/utils/errors";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => {
    const users = listUsers(ctx); // admins only: anyone else gets the 403 page
    const organizations = listOrganizations(ctx).map((o) => ({ ...o, members: users.filter((u) => u.organizationId === o.id).length }));
    return { users: users.map((u) => ({ ...u, disabledAt: u.disabledAt?.toISOString() ?? null })), organizations, me: ctx.user.id };
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const locale = ctx.user.locale;
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? "");
  const userId = String(form.userId ?? "");
  switch (intent) {
    case "createOrganization":
      return formAction(locale, intent, () => {
        createOrganization(ctx, form);
        return translate(locale, "admin.created.organization", { name: String(form.name).trim() });
      });
    case "createUser":
      return formAction(locale, intent, async () =>
        translate(locale, "admin.created.user", { username: (await createUser(ctx, form)).username }),
      );
    case "disable":
    case "enable":
      return formAction(locale, intent, () => {
        const { username } = setUserDisabled(ctx, userId, intent === "disable");
        return translate(locale, intent === "disable" ? "admin.disabledUser" : "admin.enabledUser", { username });
      });
    case "resetPassword":
      return formAction(locale, `${intent}:${userId}`, async () =>
        translate(locale, "admin.passwordReset", { username: (await resetPassword(ctx, userId, form)).username }),
      );
    default:
      return formAction(locale, intent, () => {
        throw invalid([{ path: "intent", message: "validation.choice" }]);
      });
  }
}

function FieldError({ errors, name }: { errors?: Record<string, string>; name: string }) {
  const message = errors?.[name];
  return message ? (
    <span className="field-error" id={`${name}-error`}>
      {message}
    </span>
  ) : null;
}

export default function Admin() {
  const { users, organizations, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const errorsFor = (intent: string) => (result && !result.ok && result.intent === intent ? result.fieldErrors : undefined);
  const busy = navigation.state === "submitting";
  return (
    <>
      <div className="page-head">
        <h1>{t("admin.title")}</h1>
        <Link to="/account/keys" className="button button--ghost">
          {t("keys.all")}
        </Link>
      </div>
      <ActionResult result={result} testId="admin-result" />
      <div className="admin-grid">
        <div>
          <section className="card" aria-labelledby="users-h">
            <h2 id="users-h">{t("admin.users")}</h2>
            <div className="table-wrap">
              <table className="data" data-testid="users-table">
                <thead>
                  <tr>
                    <th>{t("admin.username")}</th>
                    <th>{t("admin.displayName")}</th>
                    <th>{t("admin.organization")}</th>
                    <th>{t("admin.role")}</th>
                    <th>{t("admin.status")}</th>
                    <th>{t("admin.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.map((u) => (
                    <tr key={u.id} className={u.disabledAt ? "is-disabled" : undefined} data-username={u.username}>
                      <td className="mono">{u.username}</td>
                      <td>
                        {u.displayName}
                        {u.title ? <div className="small muted">{u.title}</div> : null}
                      </td>
                      <td>{u.organizationName}</td>
                      <td>{t(`role.${u.role}`)}</td>
                      <td>
                        {u.disabledAt ? (
                          <span className="badge badge--danger">{t("admin.disabled")}</span>
                        ) : (
                          <span className="badge badge--accent">{t("admin.active")}</span>
                        )}
                      </td>
                      <td>
                        <div className="row-actions">
                          {u.id !== me ? (
                            <Form method="post">
                              <input type="hidden" name="userId" value={u.id} />
                              <button
                                type="submit"
                                name="intent"
                                value={u.disabledAt ? "enable" : "disable"}
                                className={`button button--small ${u.disabledAt ? "button--ghost" : "button--danger"}`}
                                disabled={busy}
                              >
                                {u.disabledAt ? t("admin.enable") : t("admin.disable")}
                              </button>
                            </Form>
                          ) : null}
                          <Form method="post" className="row-actions">
                            <input type="hidden" name="userId" value={u.id} />
                            <label className="visually-hidden" htmlFor={`pw-${u.id}`}>
                              {t("admin.newPassword")}
                            </label>
                            <input
                              id={`pw-${u.id}`}
                              name="password"
                              type="password"
                              autoComplete="new-password"
                              placeholder={t("admin.newPassword")}
                              minLength={10}
                              required
                            />
                            <button
                              type="submit"
                              name="intent"
                              value="resetPassword"
                              className="button button--small button--ghost"
                              disabled={busy}
                            >
                              {t("admin.resetPassword")}
                            </button>
                            <FieldError errors={errorsFor(`resetPassword:${u.id}`)} name="password" />
                          </Form>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card" aria-labelledby="orgs-h">
            <h2 id="orgs-h">{t("admin.organizations")}</h2>
            <div className="table-wrap">
              <table className="data" data-testid="organizations-table">
                <thead>
                  <tr>
                    <th>{t("admin.name")}</th>
                    <th>{t("admin.fullName")}</th>
                    <th>{t("admin.kind")}</th>
                    <th>{t("admin.members")}</th>
                  </tr>
                </thead>
                <tbody>
                  {organizations.map((o) => (
                    <tr key={o.id}>
                      <td>{o.name}</td>
                      <td>{o.fullName}</td>
                      <td>{t(`orgKind.${o.kind}`)}</td>
                      <td>{o.members}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
        <div>
          <section className="card" aria-labelledby="new-user-h">
            <h2 id="new-user-h">{t("admin.createUser")}</h2>
            <Form method="post" data-testid="create-user-form">
              <div className="field">
                <label htmlFor="nu-username">{t("admin.username")}</label>
                <input id="nu-username" name="username" autoCapitalize="none" spellCheck={false} required />
                <FieldError errors={errorsFor("createUser")} name="username" />
              </div>
              <div className="field">
                <label htmlFor="nu-name">{t("admin.displayName")}</label>
                <input id="nu-name" name="displayName" required />
                <FieldError errors={errorsFor("createUser")} name="displayName" />
              </div>
              <div className="field">
                <label htmlFor="nu-title">{t("admin.jobTitle")}</label>
                <input id="nu-title" name="title" />
              </div>
              <div className="field">
                <label htmlFor="nu-org">{t("admin.organization")}</label>
                <select id="nu-org" name="organizationId" required>
                  {organizations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
                <FieldError errors={errorsFor("createUser")} name="organizationId" />
              </div>
              <div className="field">
                <label htmlFor="nu-role">{t("admin.role")}</label>
                <select id="nu-role" name="role" defaultValue="reviewer">
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="nu-pw">{t("admin.password")}</label>
                <input id="nu-pw" name="password" type="password" autoComplete="new-password" required />
                <span className="field-hint">{t("admin.passwordHint")}</span>
                <FieldError errors={errorsFor("createUser")} name="password" />
              </div>
              <button type="submit" name="intent" value="createUser" className="button" disabled={busy}>
                {t("admin.createUser")}
              </button>
            </Form>
          </section>
          <section className="card" aria-labelledby="new-org-h">
            <h2 id="new-org-h">{t("admin.createOrganization")}</h2>
            <Form method="post">
              <div className="field">
                <label htmlFor="no-name">{t("admin.name")}</label>
                <input id="no-name" name="name" required />
                <FieldError errors={errorsFor("createOrganization")} name="name" />
              </div>
              <div className="field">
                <label htmlFor="no-full">{t("admin.fullName")}</label>
                <input id="no-full" name="fullName" required />
                <FieldError errors={errorsFor("createOrganization")} name="fullName" />
              </div>
              <div className="field">
                <label htmlFor="no-kind">{t("admin.kind")}</label>
                <select id="no-kind" name="kind" defaultValue="department">
                  {organizationKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`orgKind.${k}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" name="intent" value="createOrganization" className="button" disabled={busy}>
                {t("admin.createOrganization")}
              </button>
            </Form>
          </section>
        </div>
      </div>
    </>
  );
}
