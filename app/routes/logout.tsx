import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { logout } from "~/models/auth.server";
import { sessionIdFrom, validateSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const sessionId = sessionIdFrom(request);
  const user = await validateSession(db, sessionId);
  const setCookie = await logout(db, sessionId, user?.id);
  return redirect("/login", { headers: { "Set-Cookie": setCookie } });
}

export function loader() {
  return redirect("/");
}
