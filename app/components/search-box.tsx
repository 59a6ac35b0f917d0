import { Form, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** The one search box in the site header: a plain GET form to /search (works without JavaScript). */
export function SearchBox() {
  const t = useT();
  const location = useLocation();
  const current = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  return (
    <Form method="get" action="/search" role="search" aria-label={t("search.label")} className="site-search" data-testid="site-search">
      <input
        key={current}
        name="q"
        type="search"
        defaultValue={current}
        maxLength={100}
        placeholder={t("search.placeholder")}
        aria-label={t("search.label")}
        className="input site-search__input"
      />
      <button type="submit" className="button button--ghost site-search__button">
        {t("search.submit")}
      </button>
    </Form>
  );
}
