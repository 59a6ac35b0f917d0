import { useLocale, useT } from "~/i18n/use-t";
import { formatDateTime } from "~/lib/time";

type Browser = {
  signature: string;
  algorithm: string | null;
  fingerprint: string | null;
  keyRevokedAt: string | null;
  verifies: boolean;
} | null;

/** Under a signed record: the device signature and its key, or that the record predates them. */
export function BrowserSignatureNote({ browser }: { browser: Browser }) {
  const t = useT();
  const locale = useLocale();
  if (!browser) return <div className="small muted">{t("signing.noBrowserSignature")}</div>;
  return (
    <div className="small muted" data-testid="browser-signature">
      <span className={`badge ${browser.verifies ? "badge--accent" : "badge--danger"}`}>
        {t(browser.verifies ? "signing.browserSigned" : "signing.browserInvalid")}
      </span>{" "}
      {browser.algorithm} · {t("signing.fingerprint")}{" "}
      <span className="mono" title={browser.fingerprint ?? ""}>
        {browser.fingerprint?.slice(0, 16)}
      </span>
      {browser.keyRevokedAt ? <> · {t("signing.keyRevokedOn", { date: formatDateTime(browser.keyRevokedAt, locale) })}</> : null}
    </div>
  );
}
