"use client";

import Link from "next/link";
import { useCan } from "@/components/auth/use-can";
import { healthLabel, healthTone } from "@/components/connectors/connector-health";
import { ConnectorShareMenu } from "@/components/connectors/connector-share-menu";
import { FailureTrace } from "@/components/connectors/failure-trace";
import { targetStateOf, toneOf } from "@/components/connectors/connector-state";
import { DlqSizeBadge } from "@/components/dlq/dlq-size-badge";
import { useConnectorConfig } from "@/components/queries/connector";
import { useConnectorNotices } from "@/components/queries/connectors";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { InlineCode } from "@/components/ui/inline-code";
import { PageHeader } from "@/components/ui/page-header";
import type { Tone } from "@/components/ui/status-dot";
import type { ConnectorStateInfo } from "@/server/contracts/connect";
import { connectorHealth } from "@/server/contracts/connector-health";

/**
 * A label and its badge, named by the label so it can be found by role: the observed state is a
 * polite live region (`role="status"`), so a change is announced; the target state is a group.
 */
interface StateItemProps {
  id: string;
  label: string;
  state: string;
  live: boolean;
  tone?: Tone;
  title?: string;
}

function StateItem({ id, label, state, live, tone = toneOf(state), title }: StateItemProps) {
  return (
    <div role={live ? "status" : "group"} aria-labelledby={id} title={title} className="flex items-center gap-2">
      <span id={id} className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</span>
      <StatusBadge tone={tone} label={state} />
    </div>
  );
}

/**
 * The top of a connector's page: a link back to the list, the name as `<h1>`, its type and
 * plugin class, a link to edit its config (greyed out with the reason for a user without the
 * editor role on it), what it was asked to be (target state) beside what
 * it is (observed state) and its health (the list's derivation, reason on hover), what its
 * status cannot say (a FileStreamSource waiting for its file); a FAILED connector also shows its
 * own trace.
 */
export function ConnectorHeader({ status }: { status: ConnectorStateInfo }) {
  const config = useConnectorConfig(status.name);
  const pluginClass = config.data?.["connector.class"];
  const verdict = connectorHealth(status);
  const notices = useConnectorNotices(status.name);
  const edit = useCan()("edit", status.name);
  return (
    <div>
      <Link href="/connectors" className="text-sm font-medium text-accent-600 hover:text-accent-700 dark:text-accent-400 dark:hover:text-accent-300">
        ← Connectors
      </Link>
      <div className="mt-2">
        <PageHeader
          title={status.name}
          description={
            <>
              <span className="capitalize">{status.type}</span> connector{pluginClass ? <> · <InlineCode>{pluginClass}</InlineCode></> : null}
              <span className="text-zinc-500 dark:text-zinc-400"> · on worker <span className="font-mono text-xs">{status.connector.worker_id}</span></span>{" "}
              <DlqSizeBadge connector={status.name} />
            </>
          }
          actions={
            <>
              <ConnectorShareMenu name={status.name} />
              {edit.allowed ? (
                <Link
                  href={`/connectors/${encodeURIComponent(status.name)}/edit`}
                  className="inline-flex h-8 items-center rounded-md border border-zinc-200 bg-white px-3 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800"
                >
                  Edit config
                </Link>
              ) : (
                <Button disabled title={edit.reason}>Edit config</Button>
              )}
              <div className="flex flex-wrap items-center gap-4 rounded-lg border border-zinc-200 bg-white px-3 py-2 shadow-xs dark:border-zinc-800 dark:bg-zinc-900/60">
                <StateItem id="target-state" label="Asked to be" state={targetStateOf(status)} live={false} />
                <span aria-hidden="true" className="text-zinc-300 dark:text-zinc-600">→</span>
                <StateItem id="observed-state" label="Is" state={status.connector.state} live />
                <span aria-hidden="true" className="text-zinc-300 dark:text-zinc-600">·</span>
                <StateItem id="health-state" label="Health" state={healthLabel(verdict.health)} tone={healthTone(verdict.health)} title={verdict.reason} live={false} />
              </div>
            </>
          }
        />
      </div>
      {notices.data?.[status.name]?.map((notice) => (
        <p key={notice.code} role="note" className="mb-6 rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-300">
          {notice.message}
        </p>
      ))}
      {status.connector.state === "FAILED" && status.connector.trace ? (
        <div className="mb-6 rounded-xl border border-red-200 bg-red-50/60 px-5 py-4 dark:border-red-900/60 dark:bg-red-950/30">
          <p className="mb-2 text-sm font-medium text-red-800 dark:text-red-300">The connector itself failed</p>
          <FailureTrace trace={status.connector.trace} />
        </div>
      ) : null}
    </div>
  );
}
