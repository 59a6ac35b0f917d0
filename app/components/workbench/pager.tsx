// Page links of the workbench: plain links that keep the filters in the URL.
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export function WorkbenchPager({
  page,
  pages,
  pageSize,
  filtered,
  linkWith,
}: {
  page: number;
  pages: number;
  pageSize: number;
  filtered: number;
  linkWith: (key: string, value: string) => string;
}) {
  const t = useT();
  const from = filtered ? (page - 1) * pageSize + 1 : 0;
  const to = Math.min(page * pageSize, filtered);
  return (
    <nav className="row-actions workbench-pager" aria-label={t("workbench.pagination")} data-testid="pager">
      <span className="small muted">{t("workbench.pageRange", { from, to, count: filtered })}</span>
      {pages > 1 ? (
        <>
          {page > 1 ? (
            <Link to={linkWith("page", String(page - 1))} className="button button--ghost button--small" rel="prev">
              {t("workbench.prev")}
            </Link>
          ) : null}
          <span className="small">{t("workbench.page", { page, pages })}</span>
          {page < pages ? (
            <Link to={linkWith("page", String(page + 1))} className="button button--ghost button--small" rel="next">
              {t("workbench.next")}
            </Link>
          ) : null}
        </>
      ) : null}
    </nav>
  );
}
