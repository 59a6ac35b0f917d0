// The bench's baselines: a bare node:http server answering "ok", or (BODY_FILE) the same bytes every
// time from memory, with the content type the portal sends. Prints its port.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const body = process.env.BODY_FILE ? readFileSync(process.env.BODY_FILE) : Buffer.from("ok");
const type = process.env.BODY_FILE ? "text/html; charset=utf-8" : "text/plain";
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "Content-Type": type, "Content-Length": body.length });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(server.address().port));
process.on("SIGTERM", () => process.exit(0));
