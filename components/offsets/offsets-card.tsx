"use client";

import { useState } from "react";
import { reasonOf } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { OffsetsFlow } from "@/components/offsets/offsets-flow";
import { OffsetsTable } from "@/components/offsets/offsets-table";
import { useConnectorOffsets } from "@/components/queries/connector-offsets";
import { errorAdvice } from "@/components/queries/error-advice";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Timestamp } from "@/components/ui/timestamp";
import type { ConnectorStateInfo } from "@/server/contracts/connect";

/**
 * The connector's offsets: where each source partition has got to, or each sink partition's
 * committed offset, end offset and lag, re-read every few seconds. "Change offsets…" opens the
 * guided flow (stop → edit or reset → preview → apply → resume) inside the card; it needs the
 * editor role on the connector, and is greyed out with the reason otherwise.
 */
export function OffsetsCard({ status }: { status: ConnectorStateInfo }) {
  const offsets = useConnectorOffsets(status.name);
  const [open, setOpen] = useState(false);
  const [resumed, setResumed] = useState(false);
  const refusal = reasonOf(useCan()("edit", status.name));
  const view = offsets.data;
  return (
    <Card labelledBy="offsets-title" aria-busy={offsets.isPending}>
      <CardHeader
        titleId="offsets-title"
        title="Offsets"
        description={
          status.type === "sink" ? (
            <>
              Per partition: the committed offset (where it resumes after a restart), the end of the partition, and the committed lag between them.
              Offsets are committed every <span className="font-mono text-xs">offset.flush.interval.ms</span>, so this lag runs ahead of the Consumer lag
              chart, which counts from the task&apos;s live read position.{offsets.dataUpdatedAt ? <> Read <Timestamp epochMs={offsets.dataUpdatedAt} relative />.</> : null}
            </>
          ) : (
            "Where it has got to in each source partition; it carries on from here after a restart."
          )
        }
        actions={
          open || !view ? null : (
            <Button
              disabled={refusal !== undefined}
              title={refusal}
              onClick={() => {
                setResumed(false);
                setOpen(true);
              }}
            >
              Change offsets…
            </Button>
          )
        }
      />
      <div className="px-5 py-4">
        {offsets.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : !view ? (
          <ErrorAlert>
            Could not load the offsets: {offsets.error?.message} {errorAdvice(offsets.error)}
          </ErrorAlert>
        ) : (
          <>
            {offsets.error ? (
              <ErrorAlert className="mb-3">
                Showing the last offsets read: {offsets.error.message} {errorAdvice(offsets.error)}
              </ErrorAlert>
            ) : null}
            {view.endOffsetsError ? (
              <p className="mb-3 rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-900/60 dark:bg-amber-950/40 dark:text-amber-300">
                {view.endOffsetsError}. Lag shows once Kafka knows the topic.
              </p>
            ) : null}
            <OffsetsTable view={view} />
            {resumed ? (
              <p role="status" className="mt-3 text-sm text-emerald-700 dark:text-emerald-400">
                Resumed: {status.name} carries on from the new offsets.
              </p>
            ) : null}
            {open ? (
              <OffsetsFlow
                status={status}
                view={view}
                onClose={(didResume) => {
                  setOpen(false);
                  setResumed(didResume);
                }}
              />
            ) : null}
          </>
        )}
      </div>
    </Card>
  );
}
