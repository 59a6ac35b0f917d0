import { getDb } from "~/utils/db.server";

export function loader() {
  try {
    getDb().$client.prepare("select 1").get();
    return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ ok: false }, { status: 503 });
  }
}
