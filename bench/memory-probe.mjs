// Preloaded into the bench's portal servers (`node --import ./bench/memory-probe.mjs server.mjs`): every
// 200 ms one line of JSON to $BENCH_MEMORY_LOG with the process's memory as V8 and Node see it — RSS,
// heap used and total, external and array buffers, and each heap space's size — so the bench can say
// which phase pushed the peak and what it was made of. Without the variable it does nothing.
import { appendFileSync } from "node:fs";
import { PerformanceObserver, constants } from "node:perf_hooks";
import v8 from "node:v8";

const file = process.env.BENCH_MEMORY_LOG;
if (file) {
  const mb = (n) => Math.round((n / 1024 / 1024) * 10) / 10;
  // the heap in use just after the last full collection: what is really held, garbage aside
  let live = 0;
  new PerformanceObserver((list) => {
    if (list.getEntries().some((e) => e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)) live = mb(process.memoryUsage().heapUsed);
  }).observe({ entryTypes: ["gc"] });
  const sample = () => {
    const m = process.memoryUsage();
    const spaces = {};
    for (const s of v8.getHeapSpaceStatistics()) spaces[s.space_name.replace(/_space$/, "")] = mb(s.space_size);
    const line = { t: Date.now(), pid: process.pid, rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), live };
    Object.assign(line, { external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), spaces });
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
  setInterval(sample, 200).unref();
}
