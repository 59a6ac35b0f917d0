// The approval dossier as one .zip: every file inside one folder named after the plan. Pure.
import JSZip from "jszip";

export interface DossierFile {
  name: string;
  bytes: Uint8Array;
}

/** A name that is safe as a path segment on Windows and elsewhere. */
export function safeName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const clean = name.replace(/[\u0000-\u001f\\/:*?"<>|]/g, "_").trim();
  const dot = clean.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ""];
  return [...stem].slice(0, 120).join("") + ext;
}

export async function dossierZip(folder: string, files: DossierFile[], date = new Date()): Promise<Buffer> {
  const zip = new JSZip();
  const dir = zip.folder(safeName(folder))!;
  // zip times are local wall-clock times: write Beijing time, as the users read it
  const local = new Date(date.getTime() + 8 * 3600_000 + date.getTimezoneOffset() * 60_000);
  for (const f of files) dir.file(safeName(f.name), f.bytes, { date: local, binary: true });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", platform: "DOS" });
}
