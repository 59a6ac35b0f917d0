import { useT } from "~/i18n/use-t";
import type { ReaderData } from "~/models/reader.server";

type Window = ReaderData["threadWindow"];

/**
 * Where the thread list is in a long round ("第 41–80 条，共 200 条") and links to the groups before
 * and after it. Each link is a plain URL (`hrefOf`, which works without JavaScript); with JavaScript
 * `onGo` loads that group into the list without leaving the page.
 */
export function ThreadGroupNav({
  window: w,
  hrefOf,
  onGo,
  where,
}: {
  window: Window;
  hrefOf: (group: number) => string;
  onGo: (group: number) => void;
  where: "top" | "bottom";
}) {
  const t = useT();
  if (w.count <= 1) return null;
  const range = (group: number) => ({
    from: (group - 1) * w.size + 1,
    to: Math.min(w.total, group * w.size),
  });
  const link = (group: number, key: "reader.threadsPrev" | "reader.threadsMore") => (
    <a
      href={hrefOf(group)}
      className={key === "reader.threadsMore" ? "button button--small button--ghost" : "small"}
      data-testid={key === "reader.threadsMore" ? "threads-more" : "threads-prev"}
      onClick={(e) => {
        e.preventDefault();
        onGo(group);
      }}
    >
      {t(key, range(group))}
    </a>
  );
  if (where === "top")
    return (
      <p className="small muted thread-group" data-testid="threads-range">
        {t("reader.threadsRange", { ...range(w.index), total: w.total })}
        {w.index > 1 ? <> · {link(w.index - 1, "reader.threadsPrev")}</> : null}
      </p>
    );
  return (
    <nav className="thread-group thread-group--bottom" aria-label={t("reader.threadsNav")}>
      {w.index < w.count ? link(w.index + 1, "reader.threadsMore") : null}
      {w.index > 1 ? link(w.index - 1, "reader.threadsPrev") : null}
    </nav>
  );
}
