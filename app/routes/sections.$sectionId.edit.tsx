import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useBlocker, useLoaderData, useNavigation } from "@remix-run/react";
import type { JSONContent } from "@tiptap/react";
import { useEffect, useState } from "react";
import { DiffView } from "~/components/diff-view";
import { RichTextEditor } from "~/components/editor/rich-text-editor";
import { RichText } from "~/components/rich-text";
import { translate } from "~/i18n";
import { Field } from "~/components/ui/field";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/lib/time";
import { saveEditorRevision } from "~/models/revision.server";
import { editSectionPage } from "~/models/section.server";
import diffStyles from "~/styles/diff.css?url";
import editorStyles from "~/styles/editor.css?url";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: editorStyles },
  { rel: "stylesheet", href: diffStyles },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => {
    const section = editSectionPage(ctx, params.sectionId!);
    return {
      planContext: planContext(ctx, { sectionId: section.id }),
      section: {
        id: section.id,
        number: section.number,
        title: section.title,
        documentTitle: section.documentTitle,
        planId: section.planId,
      },
      base: {
        id: section.current.id,
        createdAt: section.current.createdAt.toISOString(),
        authorName: section.current.authorName,
        content: section.current.content as JSONContent,
      },
    };
  });
}

/**
 * Saves a revision. On a stale base nothing is written; the page gets the other person's version,
 * the word diff to this user's version, and the id to save on top of if the user decides to.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const form = await request.formData();
  const fields = {
    baseRevisionId: String(form.get("baseRevisionId") ?? ""),
    content: String(form.get("content") ?? ""),
    note: String(form.get("note") ?? ""),
  };
  const outcome = await formAction(ctx.user.locale, "save", () => saveEditorRevision(ctx, params.sectionId!, fields));
  if (!("result" in outcome)) return outcome;
  if (outcome.result.saved) throw redirect(`/sections/${params.sectionId}?saved=1`);
  return data(
    { ok: false as const, formError: translate(ctx.user.locale, "revision.stale"), conflict: outcome.result.conflict },
    { status: 409 },
  );
}

export default function EditSection() {
  const { section, base } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const [dirty, setDirty] = useState(false);
  const conflict = result && "conflict" in result ? result.conflict : null;
  const submitting = navigation.state === "submitting";

  // after a conflict the text in the editor is still unsaved
  useEffect(() => {
    if (conflict) setDirty(true);
  }, [conflict]);

  // Leaving with unsaved text asks first (in-app links and closing the tab alike).
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && !submitting && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state === "blocked") {
      if (window.confirm(t("edit.unsavedWarning"))) blocker.proceed();
      else blocker.reset();
    }
  }, [blocker, t]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  return (
    <>
      <div className="page-head">
        <h1>{t("edit.title", { number: section.number, title: section.title })}</h1>
        <span className="page-head__meta">{t("edit.base", { id: base.id.slice(-6), date: formatDateTime(base.createdAt, locale) })}</span>
      </div>
      {conflict ? (
        <section className="conflict" role="alert" data-testid="conflict">
          <h2>{t("conflict.title")}</h2>
          <p>{result && "formError" in result ? result.formError : null}</p>
          <div className="conflict__versions">
            <div className="conflict__version" data-testid="conflict-theirs">
              <h3>
                {t("conflict.theirs", { author: conflict.theirs.authorName, date: formatDateTime(conflict.theirs.createdAt, locale) })}
              </h3>
              {conflict.theirs.note ? <p className="small muted">{t("conflict.note", { note: conflict.theirs.note })}</p> : null}
              <RichText html={conflict.theirs.html} />
            </div>
            <div className="conflict__version" data-testid="conflict-mine">
              <h3>{t("conflict.mine")}</h3>
              <RichText html={conflict.mineHtml} />
            </div>
          </div>
          <h3 className="small">{t("conflict.diff")}</h3>
          <div className="conflict__version" data-testid="conflict-diff">
            <DiffView
              ops={conflict.ops}
              labels={{ before: t("diff.before"), after: t("diff.after"), inserted: t("diff.inserted"), deleted: t("diff.deleted") }}
            />
          </div>
          <p className="small">{t("conflict.saveMineHint")}</p>
          <p>
            <Link to={`/sections/${section.id}/edit`} reloadDocument>
              {t("conflict.reload")}
            </Link>
          </p>
        </section>
      ) : result && "formError" in result ? (
        <div className="alert alert--error" role="alert" data-testid="save-error">
          {result.formError}
        </div>
      ) : null}
      <Form method="post" className="edit-layout" data-testid="edit-form">
        <input type="hidden" name="baseRevisionId" value={conflict ? conflict.currentRevisionId : base.id} />
        <div>
          <RichTextEditor
            key={base.id}
            name="content"
            initialContent={base.content}
            onChange={() => setDirty(true)}
            ariaLabel={`${section.number} ${section.title}`}
          />
        </div>
        <aside className="card">
          <Field label={t("edit.note")} id="note">
            <textarea name="note" rows={4} maxLength={500} placeholder={t("edit.notePlaceholder")} onChange={() => setDirty(true)} />
          </Field>
          <div className="row-actions">
            <button type="submit" className="button" disabled={submitting} data-testid="save-revision" onClick={() => setDirty(false)}>
              {conflict ? t("conflict.saveMine") : t("edit.save")}
            </button>
            <Link to={`/sections/${section.id}`} className="button button--ghost">
              {t("edit.cancel")}
            </Link>
          </div>
        </aside>
      </Form>
    </>
  );
}
