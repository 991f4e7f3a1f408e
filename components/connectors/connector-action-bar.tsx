"use client";

import type { UseMutationResult } from "@tanstack/react-query";
import { reasonOf } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { applicableActions } from "@/components/connectors/connector-state";
import { DeleteConnectorDialog } from "@/components/connectors/delete-connector-dialog";
import type { ConnectorAction } from "@/components/queries/connector-actions";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { ConnectorStateInfo } from "@/server/contracts/connect";

const buttons: { action: ConnectorAction; label: string }[] = [
  { action: { kind: "pause" }, label: "Pause" },
  { action: { kind: "resume" }, label: "Resume" },
  { action: { kind: "stop" }, label: "Stop" },
  { action: { kind: "restart" }, label: "Restart connector" },
  { action: { kind: "restart-all-tasks" }, label: "Restart all tasks" },
  { action: { kind: "restart-failed-tasks" }, label: "Restart failed tasks" },
];

/**
 * The connector's action buttons: pause, resume, stop, the three restarts, and delete (with its
 * confirmation). A button is disabled when it would change nothing, while any action is in
 * flight, and when the user's role does not allow it (operator for pause, resume, stop and the
 * restarts; editor for delete), the reason in its tooltip and below the buttons; the last
 * action's API error shows below in a `role="alert"`.
 */
export function ConnectorActionBar({ status, action }: { status: ConnectorStateInfo; action: UseMutationResult<void, Error, ConnectorAction> }) {
  const applicable = applicableActions(status);
  const can = useCan();
  const operate = can("operate", status.name);
  const remove = can("edit", status.name);
  return (
    <Card labelledBy="actions-title">
      <CardHeader titleId="actions-title" title="Actions" description="Each action applies to the connector on every worker, as the Kafka Connect REST API does." />
      <div aria-busy={action.isPending} className="flex flex-wrap items-center gap-2 px-5 py-4">
        {buttons.map(({ action: each, label }) => (
          <Button key={each.kind} disabled={!applicable[each.kind] || action.isPending || !operate.allowed} title={reasonOf(operate)} onClick={() => action.mutate(each)}>
            {action.isPending && action.variables?.kind === each.kind ? `${label}…` : label}
          </Button>
        ))}
        <span className="mx-1 hidden h-5 w-px bg-zinc-200 sm:block dark:bg-zinc-700" aria-hidden="true" />
        <DeleteConnectorDialog name={status.name} disabled={action.isPending} refusal={reasonOf(remove)} />
      </div>
      {operate.allowed && remove.allowed ? null : (
        <p className="mx-5 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          {operate.allowed ? `${reasonOf(remove)} to delete it.` : `${reasonOf(operate)} to pause, resume, stop or restart it, and the editor role to delete it.`}
        </p>
      )}
      {action.error ? <ErrorAlert className="mx-5 mb-4">Could not {describe(action.variables)}: {action.error.message}</ErrorAlert> : null}
    </Card>
  );
}

function describe(action: ConnectorAction | undefined): string {
  if (!action) return "run the action";
  if (action.kind === "restart-task") return `restart task ${action.task}`;
  return (buttons.find((button) => button.action.kind === action.kind)?.label ?? action.kind).toLowerCase();
}
