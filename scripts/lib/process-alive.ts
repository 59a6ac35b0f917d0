// Is the process named in a pid file running? Signal 0 checks without signalling. EPERM means the
// process exists but belongs to another user (a server run by a service account): running.
type Kill = (pid: number, signal: 0) => unknown;

export function processIsRunning(pid: number, kill: Kill = (p, s) => process.kill(p, s)): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
