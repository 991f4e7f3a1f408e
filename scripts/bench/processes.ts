/**
 * CPU time and resident memory of a process and its descendants, read from /proc (Linux): the
 * bench measures worker processes (a JVM, a Node process) and the console (Next's CLI and its
 * server child) alike.
 */
import { readdirSync, readFileSync } from "node:fs";

const CLOCK_TICKS = 100;

function stat(pid: number): string[] | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    return text.slice(text.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined;
  }
}

/** `pid` and every live descendant of it. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const child = Number(entry);
    if (!Number.isInteger(child)) continue;
    const parent = Number(stat(child)?.[1]);
    if (Number.isInteger(parent)) children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]!) ?? []));
  return tree;
}

/** CPU seconds (user + system) the process tree has used so far (descendants that exited are not counted). */
export function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const member of processTree(pid)) {
    const fields = stat(member);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS;
}

/** Resident memory of the process tree now, in MB. */
export function rssMb(pid: number): number {
  let kb = 0;
  for (const member of processTree(pid)) {
    try {
      kb += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${member}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return Math.round(kb / 1024);
}

/** Samples a process tree's resident memory every `everyMs` until stopped; `peak` is the highest sum seen. */
export class MemorySampler {
  peak: number;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    everyMs = 100,
  ) {
    this.peak = rssMb(pid);
    this.timer = setInterval(() => (this.peak = Math.max(this.peak, rssMb(this.pid))), everyMs);
    this.timer.unref();
  }

  stop(): number {
    clearInterval(this.timer);
    return this.peak;
  }
}
