"use client";

import Link from "next/link";
import { useCluster } from "@/components/queries/cluster";
import { useHealth } from "@/components/queries/health";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";

/**
 * The workers of the console's cluster (distributed mode), as the leader assigned the latest
 * generation: each worker's REST address, the leader mark, this console's own worker, and the
 * connectors and tasks it runs. Renders nothing outside distributed mode; says why when the
 * leader cannot tell (a rebalance, or an Apache Kafka Connect worker leads).
 */
export function ClusterMembers() {
  const cluster = useCluster();
  const health = useHealth();
  if (health.data?.runtime.mode !== "distributed") return null;
  const self = health.data.runtime.workerId;
  const members = cluster.data?.members;
  return (
    <Card labelledBy="cluster-title">
      <CardHeader
        titleId="cluster-title"
        title="Cluster workers"
        description="Every worker of this group and the work the leader assigned it in the latest generation."
        actions={members ? <StatusBadge tone="neutral" label={`${members.length} worker${members.length === 1 ? "" : "s"}`} /> : null}
      />
      {!members ? (
        <p className="px-5 py-4 text-sm text-zinc-600 dark:text-zinc-400">
          {cluster.data?.unavailable ? `The leader cannot list the workers right now: ${cluster.data.unavailable}` : cluster.error ? cluster.error.message : "Loading…"}
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-500 dark:text-zinc-400">
              <tr>
                <th className="px-5 py-2 font-medium">Worker</th>
                <th className="px-5 py-2 font-medium">Connectors</th>
                <th className="px-5 py-2 font-medium">Tasks</th>
              </tr>
            </thead>
            <tbody>
              {[...members].sort((a, b) => a.url.localeCompare(b.url)).map((member) => {
                const isSelf = member.url.includes(`//${self}`);
                return (
                  <tr key={member.memberId} className="border-t border-zinc-200 align-top dark:border-zinc-800">
                    <td className="px-5 py-3">
                      <span className="font-mono">{member.url.replace(/^https?:\/\//, "")}</span>
                      <span className="ml-2 inline-flex gap-1">
                        {member.leader ? <StatusBadge tone="success" label="Leader" /> : null}
                        {isSelf ? <StatusBadge tone="neutral" label="This console" /> : null}
                      </span>
                    </td>
                    <td className="px-5 py-3">
                      {member.connectors.length === 0 ? (
                        <span className="text-zinc-500 dark:text-zinc-400">None</span>
                      ) : (
                        member.connectors.map((name) => (
                          <Link key={name} href={`/connectors/${encodeURIComponent(name)}`} className="mr-2 inline-block text-blue-700 hover:underline dark:text-blue-400">
                            {name}
                          </Link>
                        ))
                      )}
                    </td>
                    <td className="px-5 py-3 font-mono text-xs">{member.tasks.length === 0 ? "None" : member.tasks.map((task) => `${task.connector}-${task.task}`).join(", ")}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
