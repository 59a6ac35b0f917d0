// A plan's key-project library as a dense table; its drafters include, exclude (with a reason) and edit inline.
import { Form, Link } from "@remix-run/react";
import { DataTable } from "~/components/ui/data-table";
import { useT } from "~/i18n/use-t";
import { type ProjectListRow, useProjectColumns } from "./project-columns";

type Row = ProjectListRow & { id: string };

function StatusForm({
  id,
  status,
  busy,
  label,
  className,
}: {
  id: string;
  status: string;
  busy: boolean;
  label: string;
  className: string;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="status" />
      <input type="hidden" name="projectId" value={id} />
      <input type="hidden" name="status" value={status} />
      <button type="submit" className={className} disabled={busy}>
        {label}
      </button>
    </Form>
  );
}

function RowActions({ p, busy, editHref }: { p: Row; busy: boolean; editHref: string }) {
  const t = useT();
  return (
    <div className="row-actions">
      {p.status !== "included" ? (
        <StatusForm id={p.id} status="included" busy={busy} label={t("library.include")} className="button button--small" />
      ) : null}
      {p.status !== "excluded" ? (
        <details className="exclude">
          <summary className="button button--small button--danger">{t("library.exclude")}</summary>
          <Form method="post" className="row-actions">
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="projectId" value={p.id} />
            <input type="hidden" name="status" value="excluded" />
            <input
              name="reason"
              required
              maxLength={500}
              placeholder={t("library.reasonPlaceholder")}
              aria-label={t("library.reasonPlaceholder")}
            />
            <button type="submit" className="button button--small button--danger" disabled={busy}>
              {t("library.exclude")}
            </button>
          </Form>
        </details>
      ) : (
        <StatusForm
          id={p.id}
          status="candidate"
          busy={busy}
          label={t("library.toCandidate")}
          className="button button--small button--ghost"
        />
      )}
      <Link to={editHref} className="small">
        {t("library.edit")}
      </Link>
    </div>
  );
}

export function ProjectTable({
  projects,
  editable,
  editingId,
  busy,
  editHref,
  empty,
}: {
  projects: Row[];
  editable: boolean;
  editingId: string | null;
  busy: boolean;
  editHref: (id: string) => string;
  empty: string;
}) {
  const t = useT();
  const columns = useProjectColumns<Row>({ detail: true });
  return (
    <DataTable
      testId="library-table"
      className="data--dense"
      stack
      rows={projects}
      rowKey={(p) => p.id}
      rowProps={(p) => ({ "data-testid": "project-row", className: editingId === p.id ? "is-selected" : undefined })}
      empty={empty}
      columns={[
        { key: "number", header: t("library.number"), numeric: true, className: "muted stack-hide", cell: (_, i) => i + 1 },
        ...columns,
        editable && {
          key: "actions",
          header: t("library.actions"),
          className: "stack-full",
          cell: (p) => <RowActions p={p} busy={busy} editHref={editHref(p.id)} />,
        },
      ]}
    />
  );
}
