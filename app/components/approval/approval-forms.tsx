// The forms of the 报批与备案 page: recording the approval, the approval on record (with a late letter), the
// filing and the dossier download. Errors come from the page's action, already in the user's language.
import { Form, useNavigation } from "@remix-run/react";
import { Field, FieldError } from "~/components/ui/field";
import { ACCEPT } from "~/components/ui/upload-form";
import { useLocale, useT } from "~/i18n/use-t";
import { formatDate } from "~/lib/time";

type Errors = Record<string, string>;

export function RecordForm({ defaults, errors }: { defaults: { authority: string; today: string }; errors: Errors }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  return (
    <section className="card" aria-labelledby="record-h">
      <h2 id="record-h">{t("approval.record")}</h2>
      <p className="small muted">{t("approval.recordHelp")}</p>
      <Form method="post" encType="multipart/form-data" className="form-narrow" data-testid="record-form">
        <Field label={t("approval.authority")} id="authority" error={errors.authority}>
          <input name="authority" defaultValue={defaults.authority} required maxLength={100} />
        </Field>
        <Field
          label={t("approval.documentNumber")}
          id="documentNumber"
          hint={t("approval.documentNumberHint")}
          error={errors.documentNumber}
        >
          <input name="documentNumber" required maxLength={50} />
        </Field>
        <Field label={t("approval.approvedOn")} id="approvedOn" error={errors.approvedOn}>
          <input name="approvedOn" type="date" required max={defaults.today} defaultValue={defaults.today} />
        </Field>
        <Field label={t("approval.letter")} id="letter" error={errors.letter}>
          <input name="letter" type="file" accept={ACCEPT.pdf} />
        </Field>
        <button type="submit" name="intent" value="approve" className="button" disabled={busy}>
          {t("approval.record")}
        </button>
      </Form>
    </section>
  );
}

export type ApprovalOnRecord = { authority: string; documentNumber: string; approvedOn: string; hasLetter: boolean };

export function ApprovalRecord({
  planId,
  approval: a,
  canAttachLetter,
  errors,
}: {
  planId: string;
  approval: ApprovalOnRecord;
  canAttachLetter: boolean;
  errors: Errors;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="approval-h" data-testid="approval-record">
      <h2 id="approval-h">{t("approval.recordTitle")}</h2>
      <dl className="facts">
        <dt>{t("approval.authority")}</dt>
        <dd>{a.authority}</dd>
        <dt>{t("approval.documentNumber")}</dt>
        <dd>{a.documentNumber}</dd>
        <dt>{t("approval.approvedOn")}</dt>
        <dd>{formatDate(a.approvedOn, locale)}</dd>
        <dt>{t("approval.letterLabel")}</dt>
        <dd>
          {a.hasLetter ? (
            <a href={`/plans/${planId}/approval/letter.pdf`}>{t("approval.letterDownload")}</a>
          ) : (
            <span className="muted">{t("approval.letterMissing")}</span>
          )}
        </dd>
      </dl>
      {canAttachLetter ? (
        <Form method="post" encType="multipart/form-data" className="row-actions">
          <input
            name="letter"
            type="file"
            accept={ACCEPT.pdf}
            required
            aria-label={t("approval.letter")}
            aria-invalid={errors.letter ? true : undefined}
            aria-describedby={errors.letter ? "letter-error" : undefined}
          />
          <button type="submit" name="intent" value="letter" className="button button--small">
            {t("approval.letterAttach")}
          </button>
          <FieldError id="letter-error" error={errors.letter} />
        </Form>
      ) : null}
    </section>
  );
}

export function FilingForm({ today, errors }: { today: string; errors: Errors }) {
  const t = useT();
  const busy = useNavigation().state !== "idle";
  return (
    <section className="card" aria-labelledby="file-h">
      <h2 id="file-h">{t("approval.file")}</h2>
      <p className="small muted">{t("approval.fileHelp")}</p>
      <Form method="post" className="form-narrow" data-testid="filing-form">
        <Field label={t("approval.filedOn")} id="filedOn" error={errors.filedOn}>
          <input name="filedOn" type="date" required max={today} defaultValue={today} />
        </Field>
        <Field label={t("approval.filingNumber")} id="filingNumber" error={errors.filingNumber}>
          <input name="filingNumber" maxLength={50} />
        </Field>
        <button type="submit" name="intent" value="file" className="button" disabled={busy}>
          {t("approval.file")}
        </button>
      </Form>
    </section>
  );
}

export function DossierCard({
  planId,
  editionId,
  editionLabel,
  dossier,
}: {
  planId: string;
  editionId: string | null;
  editionLabel: string;
  dossier: { numberHint: string; contact: string; cc: string };
}) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="dossier-h" data-testid="dossier">
      <h2 id="dossier-h">{t("approval.dossier")}</h2>
      <p className="small muted">{t("approval.dossierHelp")}</p>
      {editionLabel ? <p className="small">{editionLabel}</p> : null}
      <form method="get" action={`/plans/${planId}/dossier.zip`}>
        {editionId ? <input type="hidden" name="edition" value={editionId} /> : null}
        <Field label={t("approval.dossierNumber")} id="dossier-number">
          <input name="number" maxLength={50} placeholder={dossier.numberHint} />
        </Field>
        <Field label={t("approval.dossierContact")} id="dossier-contact">
          <input name="contact" maxLength={20} defaultValue={dossier.contact} />
        </Field>
        <Field label={t("approval.dossierPhone")} id="dossier-phone">
          <input name="phone" maxLength={30} />
        </Field>
        <Field label={t("approval.dossierCc")} id="dossier-cc">
          <input name="cc" maxLength={200} defaultValue={dossier.cc} />
        </Field>
        <button type="submit" className="button button--ghost" data-testid="dossier-download">
          {t("approval.dossierDownload")}
        </button>
      </form>
    </section>
  );
}
