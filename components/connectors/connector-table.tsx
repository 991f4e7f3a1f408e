"use client";

import Link from "next/link";
import { toneOf } from "@/components/connectors/connector-state";
import { useConnectors } from "@/components/queries/connectors";
import { useLive } from "@/components/queries/live-events";
import { StatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PlugIcon } from "@/components/ui/icons";
import { InlineCode } from "@/components/ui/inline-code";
import { Skeleton } from "@/components/ui/skeleton";
import type { ConnectorStateInfo } from "@/server/contracts/connect";

/** The plugin's short name: the class name's last segment. */
function pluginName(className: string | undefined): string {
  return className ? className.slice(className.lastIndexOf(".") + 1) : "—";
}

/** The first line of the first failed task's (or the connector's) trace: the error itself. */
function failure(status: ConnectorStateInfo | undefined): string | undefined {
  const trace = status?.tasks.find((task) => task.state === "FAILED")?.trace ?? (status?.connector.state === "FAILED" ? status.connector.trace : undefined);
  return trace?.split("\n")[0];
}

function taskSummary(status: ConnectorStateInfo | undefined): string {
  if (!status) return "—";
  const running = status.tasks.filter((task) => task.state === "RUNNING").length;
  const failed = status.tasks.filter((task) => task.state === "FAILED").length;
  return `${running} of ${status.tasks.length} running${failed > 0 ? `, ${failed} failed` : ""}`;
}

/**
 * Every connector of the cluster with its type, plugin, state and tasks, failed ones first, each
 * name a link to the connector's page, updated live from the event stream. An empty state explains how to create one when there are none.
 */
export function ConnectorTable() {
  const live = useLive();
  const { data, error, isPending } = useConnectors(live);
  if (isPending) return <Skeleton className="h-40 w-full" />;
  if (error) {
    return (
      <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300">
        Could not load connectors: {error.message}
      </p>
    );
  }
  const rows = Object.entries(data)
    .map(([name, { status, info }]) => ({ name, status, info }))
    .sort((a, b) => Number(b.status?.connector.state === "FAILED") - Number(a.status?.connector.state === "FAILED") || a.name.localeCompare(b.name));
  return (
    <div>
      <p className="mb-2 text-right text-xs text-zinc-500 dark:text-zinc-400">{live ? "Live updates on" : "Reconnecting… refreshing every 2 s"}</p>
      {rows.length === 0 ? (
        <EmptyState icon={PlugIcon} title="No connectors yet">
          Create one through the Kafka Connect REST API at <InlineCode>/api/connect/connectors</InlineCode>, with the same requests and
          configs as Apache Kafka Connect. It will show here with its tasks and state.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Connectors</caption>
            <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-2.5">Name</th>
                <th scope="col" className="px-4 py-2.5">Type</th>
                <th scope="col" className="px-4 py-2.5">Plugin</th>
                <th scope="col" className="px-4 py-2.5">State</th>
                <th scope="col" className="px-4 py-2.5">Tasks</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {rows.map(({ name, status, info }) => (
                <tr key={name} className="bg-white dark:bg-zinc-950">
                  <th scope="row" className="px-4 py-3 font-medium">
                    <Link href={`/connectors/${encodeURIComponent(name)}`} className="text-zinc-900 underline decoration-zinc-300 underline-offset-4 hover:text-accent-700 hover:decoration-accent-500 dark:text-zinc-100 dark:decoration-zinc-600 dark:hover:text-accent-300">
                      {name}
                    </Link>
                  </th>
                  <td className="px-4 py-3 text-zinc-600 capitalize dark:text-zinc-400">{info?.type ?? status?.type ?? "—"}</td>
                  <td className="px-4 py-3 font-mono text-xs text-zinc-600 dark:text-zinc-400">{pluginName(info?.config["connector.class"])}</td>
                  <td className="px-4 py-3">
                    {status ? <StatusBadge tone={toneOf(status.connector.state)} label={status.connector.state} /> : "—"}
                  </td>
                  <td className="px-4 py-3 text-zinc-600 dark:text-zinc-400">
                    {taskSummary(status)}
                    {failure(status) ? <p className="mt-1 max-w-md truncate font-mono text-xs text-red-700 dark:text-red-400" title={failure(status)}>{failure(status)}</p> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
