import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { translate } from "~/i18n";
import { ActionResult } from "~/components/action-result";
import { Field, FieldError } from "~/components/ui/field";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/lib/time";
import { publishEdition } from "~/models/edition.server";
import { addSection, moveSection, renameSection, retireSection } from "~/models/section.server";
import { documentPage, renumberDocument } from "~/models/document.server";
import { invalid } from "~/utils/errors";
import { formAction } from "~/utils/form.server";
import { forPage } from "~/utils/page.server";
import { requireUser } from "~/utils/session.server";
import { planContext } from "~/models/plan-nav.server";

/** The drafting team's view of one document: its structure, and publishing an edition. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await requireUser(request);
  return forPage(ctx, () => {
    const page = documentPage(ctx, params.documentId!);
    return {
      planContext: planContext(ctx, { documentId: page.document.id }),
      document: { id: page.document.id, title: page.document.title, kind: page.document.kind, planId: page.document.planId },
      sections: page.sections,
      editions: page.editions.map((e) => ({
        id: e.id,
        label: e.label,
        manifestHash: e.manifestHash,
        publishedAt: e.publishedAt.toISOString(),
        changelog: e.changelog,
      })),
      latestEditionId: page.latestEditionId,
    };
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await requireUser(request);
  const locale = ctx.user.locale;
  const form = Object.fromEntries(await request.formData());
  const intent = String(form.intent ?? "");
  const sectionId = String(form.sectionId ?? "");
  const documentId = params.documentId!;
  const done = translate(locale, "outline.done");
  switch (intent) {
    case "add":
      return formAction(locale, intent, () => {
        addSection(ctx, documentId, form);
        return done;
      });
    case "rename":
      return formAction(locale, `${intent}:${sectionId}`, () => {
        renameSection(ctx, sectionId, form);
        return done;
      });
    case "move":
      return formAction(locale, intent, () => {
        moveSection(ctx, sectionId, form);
        return done;
      });
    case "retire":
      return formAction(locale, intent, () => {
        retireSection(ctx, sectionId);
        return done;
      });
    case "renumber":
      return formAction(locale, intent, () =>
        translate(locale, "outline.renumbered", { count: renumberDocument(ctx, documentId).renumbered }),
      );
    case "publish":
      return formAction(locale, intent, () => {
        const e = publishEdition(ctx, documentId, form);
        return translate(locale, "edition.published", { label: e.label, hash: e.manifestHash.slice(0, 12) });
      });
    default:
      return formAction(locale, intent, () => {
        throw invalid([{ path: "intent", message: "validation.choice" }]);
      });
  }
}

export default function DocumentOutline() {
  const { document, sections, editions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const locale = useLocale();
  const [showRetired, setShowRetired] = useState(false);
  const [params] = useSearchParams();
  const busy = navigation.state !== "idle";
  const chapters = sections.filter((s) => !s.parentId && !s.retired);
  const shown = sections.filter((s) => showRetired || !s.retired);
  const errorsFor = (intent: string) => (result && !result.ok && result.intent === intent ? result.fieldErrors : undefined);
  return (
    <>
      <div className="page-head">
        <h1>{t("outline.title", { title: document.title })}</h1>
        <div className="row-actions">
          <Link className="button button--ghost" to={`/documents/${document.id}/import`}>
            {t("import.title")}
          </Link>
          <Form method="post">
            <button type="submit" name="intent" value="renumber" className="button button--ghost" disabled={busy}>
              {t("outline.renumber")}
            </button>
          </Form>
        </div>
      </div>
      {params.get("imported") && !result ? (
        <div className="alert alert--ok" role="status" data-testid="outline-result">
          {t("import.done", { count: params.get("imported") ?? "" })}
        </div>
      ) : null}
      <ActionResult result={result} testId="outline-result" />
      <div className="admin-grid">
        <section className="card" aria-label={t("section.contents")}>
          <label className="small">
            <input type="checkbox" checked={showRetired} onChange={(e) => setShowRetired(e.target.checked)} /> {t("outline.showRetired")}
          </label>
          {shown.length === 0 ? <p className="muted">{t("outline.empty")}</p> : null}
          <ol className="outline" data-testid="outline">
            {shown.map((s) => (
              <li
                key={s.id}
                className={`outline__item${s.parentId ? " outline__item--child" : ""}${s.retired ? " is-retired" : ""}`}
                data-section-title={s.title}
              >
                <div className="outline__head">
                  <Link to={`/sections/${s.id}`} className="outline__title">
                    <span className="toc__num">{s.number}</span>
                    {s.title}
                  </Link>
                  {s.retired ? <span className="badge">{t("section.retired")}</span> : null}
                  {s.unpublished && !s.retired ? <span className="badge badge--warn">{t("outline.unpublished")}</span> : null}
                </div>
                {s.retired ? null : (
                  <div className="row-actions">
                    <Link className="button button--small" to={`/sections/${s.id}/edit`}>
                      {t("outline.edit")}
                    </Link>
                    {(["up", "down", s.parentId ? "outdent" : "indent"] as const).map((direction) => (
                      <Form method="post" key={direction}>
                        <input type="hidden" name="sectionId" value={s.id} />
                        <input type="hidden" name="direction" value={direction} />
                        <button
                          type="submit"
                          name="intent"
                          value="move"
                          className="button button--small button--ghost"
                          disabled={busy}
                          aria-label={`${t(`outline.${direction}`)}${t("common.colon")}${s.title}`}
                        >
                          {t(`outline.${direction}`)}
                        </button>
                      </Form>
                    ))}
                    <details className="outline__rename">
                      <summary className="button button--small button--ghost">{t("outline.rename")}</summary>
                      <Form method="post" className="row-actions">
                        <input type="hidden" name="sectionId" value={s.id} />
                        <input name="number" defaultValue={s.number} aria-label={t("outline.number")} className="input input--short" />
                        <input
                          name="title"
                          defaultValue={s.title}
                          aria-label={t("outline.addTitle")}
                          className="input"
                          required
                          aria-invalid={errorsFor(`rename:${s.id}`)?.title ? true : undefined}
                          aria-describedby={errorsFor(`rename:${s.id}`)?.title ? `rename-${s.id}-error` : undefined}
                        />
                        <button type="submit" name="intent" value="rename" className="button button--small" disabled={busy}>
                          {t("admin.save")}
                        </button>
                        <FieldError id={`rename-${s.id}-error`} error={errorsFor(`rename:${s.id}`)?.title} />
                      </Form>
                    </details>
                    <Form method="post" onSubmit={(e) => !window.confirm(t("outline.retireConfirm")) && e.preventDefault()}>
                      <input type="hidden" name="sectionId" value={s.id} />
                      <button type="submit" name="intent" value="retire" className="button button--small button--danger" disabled={busy}>
                        {t("outline.retire")}
                      </button>
                    </Form>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
        <div>
          <section className="card" aria-labelledby="publish-h">
            <h2 id="publish-h">{t("edition.publish")}</h2>
            {editions.length ? (
              <p className="small" data-testid="unpublished-count">
                {t("edition.unpublishedChanges", { count: sections.filter((s) => s.unpublished).length })}
              </p>
            ) : null}
            <Form method="post" data-testid="publish-form">
              <Field
                label={t("edition.label")}
                id="label"
                error={errorsFor("publish")?.label}
                after={
                  <datalist id="edition-labels">
                    {["征求意见稿", "送审稿", "报批稿", "审定稿"].map((l) => (
                      <option key={l} value={l} />
                    ))}
                  </datalist>
                }
              >
                <input name="label" list="edition-labels" required maxLength={40} />
              </Field>
              <Field label={t("edition.changelog")} id="changelog" error={errorsFor("publish")?.changelog}>
                <textarea name="changelog" rows={3} placeholder={t("edition.changelogPlaceholder")} />
              </Field>
              <button type="submit" name="intent" value="publish" className="button" disabled={busy}>
                {t("edition.publish")}
              </button>
            </Form>
            <p className="small muted">{t("edition.hashHelp")}</p>
          </section>
          <section className="card" aria-labelledby="editions-h">
            <h2 id="editions-h">{t("edition.list")}</h2>
            {editions.length === 0 ? <p className="muted small">{t("dashboard.noEditions")}</p> : null}
            <ul className="history" data-testid="editions">
              {editions.map((e, i) => (
                <li key={e.id}>
                  <Link to={`/editions/${e.id}`}>{e.label}</Link>{" "}
                  <span className="small muted">{formatDateTime(e.publishedAt, locale)}</span>
                  <div className="small">
                    <span className="mono" title={e.manifestHash}>
                      {e.manifestHash.slice(0, 12)}
                    </span>{" "}
                    · <a href={`/editions/${e.id}/export.docx`}>{t("edition.export")}</a>
                    {editions[i + 1] ? (
                      <>
                        {" "}
                        · <Link to={`/editions/${editions[i + 1].id}/diff/${e.id}`}>{t("edition.compare")}</Link>
                      </>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="add-h">
            <h2 id="add-h">{t("outline.add")}</h2>
            <Form method="post" data-testid="add-section-form">
              <Field label={t("outline.addTitle")} id="new-title" error={errorsFor("add")?.title}>
                <input name="title" required maxLength={100} />
              </Field>
              <Field label={t("outline.addParent")} id="new-parent">
                <select name="parentId" defaultValue="">
                  <option value="">{t("outline.topLevel")}</option>
                  {chapters.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.number} {c.title}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t("outline.addNumber")} id="new-number" error={errorsFor("add")?.number}>
                <input name="number" maxLength={20} />
              </Field>
              <button type="submit" name="intent" value="add" className="button" disabled={busy}>
                {t("outline.add")}
              </button>
            </Form>
          </section>
        </div>
      </div>
    </>
  );
}
