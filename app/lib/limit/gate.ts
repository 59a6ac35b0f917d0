/**
 * A bounded queue for heavy work (building a file export): at most `concurrency` run at once, at most
 * `maxWaiting` wait their turn, and beyond that `run` refuses at once with `GateFull`. Each running build
 * holds its working set; 32 concurrent adoption-table builds held 380 MB of live heap, two hold ~25 MB,
 * and on two cores they finish no later one after the other.
 */
export class GateFull extends Error {
  constructor() {
    super("gate full");
    this.name = "GateFull";
  }
}

export interface Gate {
  run<T>(work: () => T | Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
}

export function gate(concurrency: number, maxWaiting: number): Gate {
  let running = 0;
  const queue: (() => void)[] = [];
  return {
    async run(work) {
      if (running < concurrency) running++;
      else if (queue.length >= maxWaiting) throw new GateFull();
      // a finishing run hands its place straight to the first in the queue (running stays counted)
      else await new Promise<void>((resolve) => queue.push(resolve));
      try {
        return await work();
      } finally {
        const next = queue.shift();
        if (next) next();
        else running--;
      }
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}
