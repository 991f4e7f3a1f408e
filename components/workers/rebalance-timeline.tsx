"use client";

import type { Cluster } from "@/server/contracts/cluster";
import { useCluster } from "@/components/queries/cluster";
import { useHealth } from "@/components/queries/health";
import { Card, CardHeader } from "@/components/ui/card";
import { Timestamp } from "@/components/ui/timestamp";

type Move = Cluster["rebalances"][number]["moves"][number];

const host = (url: string | null) => (url === null ? "no worker" : url.replace(/^https?:\/\//, ""));
const waited = (ms: number) => (ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`);

function describeMove(move: Move): string {
  const what = move.task === undefined ? `${move.connector} (connector)` : `${move.connector}-${move.task}`;
  const wait = move.unassignedMs !== undefined && move.unassignedMs > 0 ? `, unassigned ${waited(move.unassignedMs)}` : "";
  return `${what}: ${host(move.from)} → ${host(move.to)}${wait}`;
}

/**
 * The leader's rebalance timeline (distributed mode): each generation that changed who runs
 * what, newest first, with what moved between which workers and how long moved or orphaned work
 * waited without a worker. Renders nothing outside distributed mode.
 */
export function RebalanceTimeline() {
  const cluster = useCluster();
  const health = useHealth();
  if (health.data?.runtime.mode !== "distributed" || !cluster.data?.members) return null;
  const { rebalances } = cluster.data;
  return (
    <Card labelledBy="rebalances-title">
      <CardHeader titleId="rebalances-title" title="Rebalances" description="Generations that changed who runs what, newest first, as the current leader recorded them." />
      {rebalances.length === 0 ? (
        <p className="px-5 py-4 text-sm text-zinc-600 dark:text-zinc-400">None since the current leader took over.</p>
      ) : (
        <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rebalances.map((rebalance) => (
            <li key={rebalance.generation} className="grid gap-1 px-5 py-3 text-sm sm:grid-cols-[10rem_1fr]">
              <div>
                <div className="font-medium">Generation {rebalance.generation}</div>
                <div className="text-xs text-zinc-500 dark:text-zinc-400">
                  <Timestamp epochMs={rebalance.at} relative /> · {rebalance.workers} worker{rebalance.workers === 1 ? "" : "s"}
                </div>
              </div>
              {rebalance.moves.length === 0 ? (
                <span className="text-zinc-500 dark:text-zinc-400">Membership changed; nothing moved.</span>
              ) : (
                <ul className="space-y-0.5 font-mono text-xs">
                  {rebalance.moves.map((move) => (
                    <li key={`${move.connector}:${move.task ?? "c"}`}>{describeMove(move)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
