// The V8 flags the portal server runs with: `npm start` (scripts/start.mjs) and the bench (bench/portal.ts)
// start server.mjs with these, so the bench measures the server as it is run.
//
// --heap-growing-percent=25: after each full collection V8 lets the old generation grow to 1.25× what
// survived, instead of its default of up to 4× on a machine with plenty of memory (the limit is 4 GB
// there). What the server really holds after a full collection stays about 100–150 MB under load (caches
// of ~100 MB included); with the default factor the heap filled with garbage to 300–480 MB between
// collections under 32 concurrent big pages. Measured (bench/README.md, "Memory: where it goes"): peak
// RSS over every heavy request kind at 32 connections 551 → 346 MB with 50 %, CPU per request unchanged within
// the noise. After the later merges whole bench runs with 50 % peaked at 399–419 MB (on the 400 MB line);
// with 25 % at 320 MB, CPU per demo render 15 → 16 ms and per comment POST 0.94 → 1.04 ms (about 5 %). It is not a ceiling: the heap may still grow as far as the live data needs, so nothing runs out
// of memory where it did not before.
export const SERVER_NODE_FLAGS = ["--heap-growing-percent=25"];
