// LibreOffice as a second reader of the .docx/.xlsx files we write (CI installs it; see .ci/run).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** Whether LibreOffice can open this kind of file here (Calc and Writer are separate packages). */
export function libreOfficeCan(app: "calc" | "writer"): boolean {
  try {
    const program = dirname(realpathSync(execFileSync("which", ["soffice"], { encoding: "utf8" }).trim()));
    return existsSync(join(program, app === "calc" ? "libsclo.so" : "libswlo.so"));
  } catch {
    return false;
  }
}

/** Converts with LibreOffice (its own profile, so it runs beside another instance): the PDF and its text. */
export function libreOfficePdf(bytes: Buffer, name: string): { pdf: Buffer; text: string | null } {
  const dir = mkdtempSync(join(tmpdir(), "adoption-"));
  try {
    writeFileSync(join(dir, name), bytes);
    const args = [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", dir, join(dir, name)];
    execFileSync("soffice", args, { stdio: "ignore", timeout: 120_000 });
    const pdf = join(dir, name.replace(/\.\w+$/, ".pdf"));
    if (!existsSync(pdf)) throw new Error(`LibreOffice could not convert ${name}`);
    let text: string | null = null;
    try {
      text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    } catch {
      // poppler-utils not installed: the PDF itself is the check
    }
    return { pdf: readFileSync(pdf), text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
