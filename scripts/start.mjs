// `npm start`: install if needed → build if stale → serve (server.mjs migrates and seeds at start), with the
// V8 flags of lib/server-flags.mjs (why: there).
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureBuilt, ensureInstalled, root } from "./lib/prepare.mjs";
import { SERVER_NODE_FLAGS } from "./lib/server-flags.mjs";

if (!ensureInstalled() || !ensureBuilt()) process.exit(1);
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, path.join(root, "server.mjs")], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
