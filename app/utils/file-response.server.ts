/** A file download: the UTF-8 name for browsers that read `filename*`, an ASCII one for the rest. */
export function fileResponse(body: Uint8Array | Buffer, type: string, fileName: string, asciiName: string, { inline = false } = {}) {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": type,
      "Content-Length": String(body.byteLength),
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
