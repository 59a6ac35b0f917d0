import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { isLocale, translate } from "~/i18n";
import { setLocale } from "~/models/user.server";
import { config } from "~/utils/config.server";
import { getDb } from "~/utils/db.server";
import { DomainError } from "~/utils/errors";
import { getOptionalUser, LANG_COOKIE, requestLocale, safeRedirectPath } from "~/utils/session.server";
import { MAX_FORM_BYTES, readFormCapped } from "~/utils/upload.server";

/** Switches the language: saved on the user when logged in, and in a cookie for the login page. */
export async function action({ request }: ActionFunctionArgs) {
  // before authentication too: at most 64 KB, counted as it arrives
  const form = await readFormCapped(request, MAX_FORM_BYTES).catch((e: unknown) => {
    if (e instanceof DomainError)
      throw new Response(translate(requestLocale(request, null), e.messageKey), {
        status: e.status,
        headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" },
      });
    throw e;
  });
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
