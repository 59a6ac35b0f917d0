import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { organizationKinds, roles } from "~db/schema/enums";
import { translate } from "~/i18n";
import { ActionResult } from "~/components/action-result";
import { DataTable } from "~/components/ui/data-table";
import { Field, FieldError } from "~/components/ui/field";
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

/** Disable/enable (not oneself) and a new password, in a user's row. */
function UserActions({
  user: u,
  self,
  busy,
  error,
}: {
  user: { id: string; disabledAt: string | null };
  self: boolean;
  busy: boolean;
  error?: string;
}) {
  const t = useT();
  return (
    <div className="row-actions">
      {self ? null : (
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
      )}
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
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `pw-${u.id}-error` : undefined}
        />
        <button type="submit" name="intent" value="resetPassword" className="button button--small button--ghost" disabled={busy}>
          {t("admin.resetPassword")}
        </button>
        <FieldError id={`pw-${u.id}-error`} error={error} />
      </Form>
    </div>
  );
}

export default function Admin() {
  const { users, organizations, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const errorsFor = (intent: string) => (result && !result.ok && result.intent === intent ? result.fieldErrors : undefined);
  const busy = navigation.state === "submitting";
  const userErrors = errorsFor("createUser");
  const orgErrors = errorsFor("createOrganization");
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
            <DataTable
              testId="users-table"
              rows={users}
              rowKey={(u) => u.id}
              rowProps={(u) => ({ className: u.disabledAt ? "is-disabled" : undefined, "data-username": u.username })}
              columns={[
                { key: "username", header: t("admin.username"), className: "mono", cell: (u) => u.username },
                {
                  key: "name",
                  header: t("admin.displayName"),
                  cell: (u) => (
                    <>
                      {u.displayName}
                      {u.title ? <div className="small muted">{u.title}</div> : null}
                    </>
                  ),
                },
                { key: "organization", header: t("admin.organization"), cell: (u) => u.organizationName },
                { key: "role", header: t("admin.role"), cell: (u) => t(`role.${u.role}`) },
                {
                  key: "status",
                  header: t("admin.status"),
                  cell: (u) =>
                    u.disabledAt ? (
                      <span className="badge badge--danger">{t("admin.disabled")}</span>
                    ) : (
                      <span className="badge badge--accent">{t("admin.active")}</span>
                    ),
                },
                {
                  key: "actions",
                  header: t("admin.actions"),
                  cell: (u) => <UserActions user={u} self={u.id === me} busy={busy} error={errorsFor(`resetPassword:${u.id}`)?.password} />,
                },
              ]}
            />
          </section>
          <section className="card" aria-labelledby="orgs-h">
            <h2 id="orgs-h">{t("admin.organizations")}</h2>
            <DataTable
              testId="organizations-table"
              rows={organizations}
              rowKey={(o) => o.id}
              columns={[
                { key: "name", header: t("admin.name"), cell: (o) => o.name },
                { key: "fullName", header: t("admin.fullName"), cell: (o) => o.fullName },
                { key: "kind", header: t("admin.kind"), cell: (o) => t(`orgKind.${o.kind}`) },
                { key: "members", header: t("admin.members"), numeric: true, cell: (o) => o.members },
              ]}
            />
          </section>
        </div>
        <div>
          <section className="card" aria-labelledby="new-user-h">
            <h2 id="new-user-h">{t("admin.createUser")}</h2>
            <Form method="post" data-testid="create-user-form">
              <Field label={t("admin.username")} id="nu-username" error={userErrors?.username}>
                <input name="username" autoCapitalize="none" spellCheck={false} required />
              </Field>
              <Field label={t("admin.displayName")} id="nu-name" error={userErrors?.displayName}>
                <input name="displayName" required />
              </Field>
              <Field label={t("admin.jobTitle")} id="nu-title">
                <input name="title" />
              </Field>
              <Field label={t("admin.organization")} id="nu-org" error={userErrors?.organizationId}>
                <select name="organizationId" required>
                  {organizations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t("admin.role")} id="nu-role">
                <select name="role" defaultValue="reviewer">
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t("admin.password")} id="nu-pw" hint={t("admin.passwordHint")} error={userErrors?.password}>
                <input name="password" type="password" autoComplete="new-password" required />
              </Field>
              <button type="submit" name="intent" value="createUser" className="button" disabled={busy}>
                {t("admin.createUser")}
              </button>
            </Form>
          </section>
          <section className="card" aria-labelledby="new-org-h">
            <h2 id="new-org-h">{t("admin.createOrganization")}</h2>
            <Form method="post">
              <Field label={t("admin.name")} id="no-name" error={orgErrors?.name}>
                <input name="name" required />
              </Field>
              <Field label={t("admin.fullName")} id="no-full" error={orgErrors?.fullName}>
                <input name="fullName" required />
              </Field>
              <Field label={t("admin.kind")} id="no-kind">
                <select name="kind" defaultValue="department">
                  {organizationKinds.map((k) => (
                    <option key={k} value={k}>
                      {t(`orgKind.${k}`)}
                    </option>
                  ))}
                </select>
              </Field>
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
