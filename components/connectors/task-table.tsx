"use client";

import { FailureTrace } from "@/components/connectors/failure-trace";
import { toneOf } from "@/components/connectors/connector-state";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import type { ConnectorStateInfo } from "@/server/contracts/connect";

/** Props of `TaskTable`. */
export interface TaskTableProps {
  status: ConnectorStateInfo;
  /** Restarts one task; the caller runs the REST call and reports its errors. */
  onRestart: (task: number) => void;
  /** False while another action is in flight or when the connector has nothing to restart (STOPPED). */
  canRestart: boolean;
  /** Why the user may not restart tasks (their role), shown as the buttons' tooltip; undefined when they may. */
  restartRefusal?: string;
  /** Shown in the card header: whether the event stream is connected. */
  live: boolean;
}

/**
 * The connector's tasks as a table (task id, worker, state, error, restart), in task order; a
 * FAILED task shows its trace's first line with "Show trace" and "Copy trace". An empty state
 * says when the connector has no tasks (STOPPED, or not yet started).
 */
export function TaskTable({ status, onRestart, canRestart, restartRefusal, live }: TaskTableProps) {
  return (
    <Card labelledBy="tasks-title">
      <CardHeader
        titleId="tasks-title"
        title="Tasks"
        description={`${status.tasks.length} ${status.tasks.length === 1 ? "task" : "tasks"}`}
        actions={<span className="text-xs text-zinc-500 dark:text-zinc-400">{live ? "Live updates on" : "Reconnecting… refreshing every 2 s"}</span>}
      />
      {status.tasks.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-600 dark:text-zinc-400">
          {status.connector.state === "STOPPED" ? "A stopped connector has no tasks. Resume it to start them again." : "No tasks are running yet."}
        </p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Tasks of {status.name}</caption>
            <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-5 py-2.5">Task</th>
                <th scope="col" className="px-4 py-2.5">State</th>
                <th scope="col" className="px-4 py-2.5">Worker</th>
                <th scope="col" className="w-full px-4 py-2.5">Error</th>
                <th scope="col" className="px-5 py-2.5"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {status.tasks.map((task) => (
                <tr key={task.id} className="align-top">
                  <th scope="row" className="px-5 py-3 font-mono leading-6 font-medium text-zinc-900 dark:text-zinc-100">{task.id}</th>
                  <td className="px-4 py-3"><StatusBadge tone={toneOf(task.state)} label={task.state} /></td>
                  <td className="px-4 py-3 font-mono text-xs leading-6 whitespace-nowrap text-zinc-600 dark:text-zinc-400">{task.worker_id}</td>
                  <td className="px-4 py-3 leading-6 text-zinc-500 dark:text-zinc-400">{task.state === "FAILED" && task.trace ? <FailureTrace trace={task.trace} /> : "—"}</td>
                  <td className="px-5 py-2 text-right">
                    <Button aria-label={`Restart task ${task.id}`} disabled={!canRestart || restartRefusal !== undefined} title={restartRefusal} onClick={() => onRestart(task.id)}>
                      Restart
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
