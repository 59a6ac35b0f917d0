import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { translate } from "~/i18n";
import { DataTable } from "~/components/ui/data-table";
import { Field } from "~/components/ui/field";
import { useT } from "~/i18n/use-t";
import { login } from "~/models/auth.server";
import { demoAccounts } from "~/models/user.server";
import { config, DEMO_PASSWORD } from "~/utils/config.server";
import { getDb } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { clientIp, errorHeaders } from "~/utils/http.server";
import { getOptionalUser, requestLocale, safeRedirectPath } from "~/utils/session.server";
import { MAX_FORM_BYTES, readFormCapped } from "~/utils/upload.server";
import { sessionIdFrom } from "~/utils/auth.server";

export const meta: MetaFunction = ({ matches }) => {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: "zh-CN" | "en" } | undefined)?.locale ?? "zh-CN";
  return [{ title: `${translate(locale, "login.title")} · ${translate(locale, "app.shortName")}` }];
};

// a refused log-in's Retry-After reaches the browser on a document POST too
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const out = new Headers();
  const retry = actionHeaders.get("Retry-After");
  if (retry) out.set("Retry-After", retry);
  return out;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const url = new URL(request.url);
  if (user) throw redirect(safeRedirectPath(url.searchParams.get("redirectTo")));
  return { demo: config.demoSeed ? demoAccounts(getDb()) : null, demoPassword: config.demoSeed ? DEMO_PASSWORD : null };
}

const loginForm = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
  redirectTo: z.string().optional(),
});

export async function action({ request }: ActionFunctionArgs) {
  const locale = requestLocale(request, null);
  try {
    const parsed = loginForm.safeParse(Object.fromEntries(await readFormCapped(request, MAX_FORM_BYTES)));
    if (!parsed.success) return data({ error: translate(locale, "login.failed") }, { status: 400 });
    const { setCookie } = await login(getDb(), {
      username: parsed.data.username,
      password: parsed.data.password,
      ip: clientIp(request),
      userAgent: request.headers.get("User-Agent") ?? "",
      previousSessionId: sessionIdFrom(request),
    });
    return redirect(safeRedirectPath(parsed.data.redirectTo), { headers: { "Set-Cookie": setCookie } });
  } catch (e) {
    if (e instanceof DomainError)
      return data({ error: translate(locale, e.messageKey, e.params) }, { status: e.status, headers: errorHeaders(e) });
    throw e;
  }
}

export default function Login() {
  const { demo, demoPassword } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const t = useT();
  return (
    <div className="login">
      <section className="card">
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("login.lead")}</p>
        {actionData?.error ? (
          <div className="alert alert--error" role="alert" data-testid="login-error">
            {actionData.error}
          </div>
        ) : null}
        <Form method="post" replace>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
          <Field label={t("login.username")} id="username">
            <input name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required />
          </Field>
          <Field label={t("login.password")} id="password">
            <input name="password" type="password" autoComplete="current-password" required />
          </Field>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </button>
        </Form>
      </section>
      {demo ? (
        <section className="card">
          <h2>{t("login.demoTitle")}</h2>
          <p className="small muted">{t("login.demoHint", { password: demoPassword ?? "" })}</p>
          <DataTable
            className="demo-accounts"
            rows={demo}
            rowKey={(u) => u.username}
            columns={[
              { key: "username", header: t("admin.username"), className: "mono", cell: (u) => u.username },
              { key: "name", header: t("admin.displayName"), cell: (u) => u.displayName },
              { key: "role", header: t("admin.role"), cell: (u) => t(`role.${u.role}`) },
            ]}
          />
        </section>
      ) : null}
    </div>
  );
}
