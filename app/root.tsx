import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { translator } from "~/i18n";
import { useT } from "~/i18n/use-t";
import stylesHref from "~/styles/app.css?url";
import { can } from "~/utils/permissions";
import { Breadcrumbs } from "~/components/breadcrumbs";
import { useNonce } from "~/components/nonce";
import { PlanSwitcher } from "~/components/plan-switcher";
import { SearchBox } from "~/components/search-box";
import { ensureClosingNotices, ensureDeadlineNotices, unreadCount } from "~/models/notification.server";
import { planSwitcher } from "~/models/plan-nav.server";
import { getDb } from "~/utils/db.server";
import { getOptionalUser, requestLocale } from "~/utils/session.server";

export const meta: MetaFunction = ({ data }) => [{ title: translator((data as RootData | undefined)?.locale ?? "zh-CN")("app.name") }];

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const locale = requestLocale(request, user);
  let unread = 0;
  let nav: ReturnType<typeof planSwitcher> = { plans: [], rollup: false };
  if (user) {
    const ctx = { db: getDb(), user };
    ensureClosingNotices(ctx);
    ensureDeadlineNotices(ctx);
    unread = unreadCount(ctx);
    nav = planSwitcher(ctx);
  }
  return {
    unread,
    nav,
    locale,
    user: user && {
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organizationName: user.organization.name,
      isAdmin: can(user, "manage:user:any"),
    },
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

function Header({ data }: { data: RootData }) {
  const t = translator(data.locale);
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            生
          </span>
          <span className="brand__name">{t("app.name")}</span>
          <span className="brand__short">{t("app.shortName")}</span>
        </Link>
        <nav className="site-nav" aria-label={t("nav.plans")}>
          {data.user && data.nav.plans.length > 1 ? <PlanSwitcher plans={data.nav.plans} /> : null}
          {data.nav.rollup ? <Link to="/rollup">{t("rollup.nav")}</Link> : null}
          {data.user ? <Link to="/rounds">{t("round.inbox")}</Link> : null}
          {data.user ? <Link to="/projects">{t("library.nav.lookup")}</Link> : null}
          {data.user && (data.user.role === "admin" || data.user.role === "coordinator") ? (
            <Link to="/projects/all">{t("library.nav.all")}</Link>
          ) : null}
          {data.user?.isAdmin ? <Link to="/admin">{t("nav.admin")}</Link> : null}
          {data.user && (data.user.role === "expert" || data.user.isAdmin) ? <Link to="/account/keys">{t("keys.nav")}</Link> : null}
        </nav>
        {data.user ? <SearchBox /> : null}
        <div className="site-user">
          {data.user ? (
            <Link
              to="/notifications"
              className="bell"
              aria-label={data.unread ? t("notifications.unread", { count: data.unread }) : t("notifications.title")}
              data-testid="notifications-bell"
            >
              <svg
                aria-hidden="true"
                width="20"
                height="20"
                viewBox="0 0 24 24"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
                <path d="M13.7 21a2 2 0 0 1-3.4 0" />
              </svg>
              {data.unread ? <span className="bell__count">{data.unread > 99 ? "99+" : data.unread}</span> : null}
            </Link>
          ) : null}
          {data.user ? (
            <span className="site-user__who" data-testid="current-user">
              <strong>{data.user.displayName}</strong>
              <span className="site-user__meta">
                {data.user.organizationName} · {t(`role.${data.user.role}`)}
              </span>
            </span>
          ) : null}
          <Form method="post" action="/locale" className="inline-form">
            <input type="hidden" name="locale" value={data.locale === "en" ? "zh-CN" : "en"} />
            <input type="hidden" name="redirectTo" value={here} />
            <button
              type="submit"
              className="button button--ghost"
              lang={data.locale === "en" ? "zh-CN" : "en"}
              data-testid="switch-language"
            >
              {t("nav.switchTo")}
            </button>
          </Form>
          {data.user ? (
            <Form method="post" action="/logout" className="inline-form">
              <button type="submit" className="button button--ghost">
                {t("nav.logout")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? "zh-CN";
  const t = translator(locale);
  const nonce = useNonce();
  return (
    <html lang={locale === "en" ? "en" : "zh-CN"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        {data ? <Header data={data} /> : null}
        <main id="main" className="site-main">
          {children}
        </main>
        <footer className="site-footer">{t("footer.text")}</footer>
        <ScrollRestoration nonce={nonce || undefined} />
        <Scripts nonce={nonce || undefined} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <>
      <Breadcrumbs home={data?.nav.rollup ? "/rollup" : "/"} />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  let status = 500;
  let message = t("error.server");
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const fromServer = (error.data as { message?: string } | null)?.message;
    message = fromServer ?? (status === 403 ? t("error.forbidden") : status === 404 ? t("error.notFound") : t("error.server"));
  } else {
    console.error(error);
  }
  const title = status === 403 ? t("error.forbiddenTitle") : status === 404 ? t("error.notFoundTitle") : `${t("error.title")}（${status}）`;
  return (
    <div className="error-page" data-status={status}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/" className="button">
          {t("error.backHome")}
        </Link>
      </p>
    </div>
  );
}
