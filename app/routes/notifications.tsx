import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { deadlineNotice } from "~/components/deadline-notice";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/lib/time";
import { listNotifications, markAllRead } from "~/models/notification.server";
import { requireUser } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return { notifications: listNotifications(ctx) };
}

export async function action({ request }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  markAllRead(ctx);
  return { ok: true };
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const unread = notifications.filter((n) => !n.read).length;
  return (
    <>
      <div className="page-head">
        <h1>{t("notifications.title")}</h1>
        {unread ? (
          <Form method="post">
            <button type="submit" className="button button--ghost">
              {t("notifications.markAllRead")}
            </button>
          </Form>
        ) : null}
      </div>
      <section className="card">
        {notifications.length === 0 ? <p className="muted">{t("notifications.none")}</p> : null}
        <ul className="history" data-testid="notifications">
          {notifications.map((n) => {
            const d = n.data;
            const deadline = deadlineNotice(n.kind, d, t, locale);
            const href =
              deadline?.href ??
              (d.commentId
                ? `/rounds/${d.roundId}/comments/${d.commentId}`
                : d.roundId
                  ? `/rounds/${d.roundId}`
                  : d.reviewId
                    ? `/reviews/${d.reviewId}`
                    : `/plans/${d.planId}/approval`);
            const date = n.kind === "round_closing" ? formatDateTime(d.date, locale) : "";
            return (
              <li key={n.id} className={n.read ? undefined : "is-current"}>
                <Link to={href}>{t(`notifications.${n.kind}`, deadline?.params ?? { ...d, date })}</Link>
                <div className="small muted">{formatDateTime(n.createdAt, locale)}</div>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
