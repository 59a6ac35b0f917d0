import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale } from "~/i18n";
import { setLocale } from "~/models/user.server";
import { config } from "~/utils/config.server";
import { getDb } from "~/utils/db.server";
import { getOptionalUser, LANG_COOKIE, safeRedirectPath } from "~/utils/session.server";

/** Switches the language: saved on the user when logged in, and in a cookie for the login page. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const back = safeRedirectPath(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(back);
  const user = await getOptionalUser(request);
  if (user) setLocale({ db: getDb(), user }, locale);
  const cookie = `${LANG_COOKIE}=${encodeURIComponent(locale)}; Path=/; SameSite=Lax; Max-Age=31536000${config.secureCookies ? "; Secure" : ""}`;
  return redirect(back, { headers: { "Set-Cookie": cookie } });
}

export function loader() {
  return redirect("/");
}
