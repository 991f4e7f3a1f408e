import type { StatusStore } from "@/server/storage/contracts/status-store";

/**
 * Kafka Connect's worker id of a worker from the REST URL it advertises (`http://host:port/…` →
 * `host:port`); undefined for a URL that cannot be read.
 */
export function workerIdOf(url: string): string | undefined {
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The leader's clean-up after a generation: every connector or task status last reported by a
 * worker that is no longer in the group (`live` holds the members' worker ids) is rewritten
 * UNASSIGNED under that worker's id and `generation`, so neither the REST API nor the console
 * shows a dead worker's work as running while it waits to be reassigned (Kafka Connect leaves the
 * dead worker's last status in place). A status a live worker wrote meanwhile is never touched:
 * its generation is newer. Resolves with how many statuses were rewritten.
 */
export async function unassignDeparted(statuses: StatusStore, live: ReadonlySet<string>, generation: number): Promise<number> {
  const writes: Array<Promise<void>> = [];
  for (const [connector, { connector: own, tasks }] of statuses.snapshot()) {
    if (own && own.state !== "UNASSIGNED" && !live.has(own.workerId)) {
      writes.push(statuses.putConnector(connector, { state: "UNASSIGNED", workerId: own.workerId, generation }));
    }
    for (const [task, status] of tasks) {
      if (status.state !== "UNASSIGNED" && !live.has(status.workerId)) {
        writes.push(statuses.putTask(connector, task, { state: "UNASSIGNED", workerId: status.workerId, generation }));
      }
    }
  }
  await Promise.all(writes);
  return writes.length;
}
