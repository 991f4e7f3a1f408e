"use client";

import { useId, useState } from "react";
import { ALL, reasonOf } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { fieldClass, labelClass } from "@/components/dlq/form-classes";
import { usePurge } from "@/components/queries/dlq";
import { Button } from "@/components/ui/button";
import { DangerButton } from "@/components/ui/danger-button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { DlqTopic } from "@/server/contracts/dlq";

/**
 * "Purge…" and its dialog: deletes a partition's records up to and including an offset (Kafka's
 * DeleteRecords), after the topic's name is typed. Says how many records go before it runs;
 * the API's refusal shows inside the dialog. Greyed out, with the reason, for a user without the
 * editor role on `*`.
 */
export function PurgeDialog({ topic, disabled }: { topic: DlqTopic; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [partition, setPartition] = useState(topic.partitions[0]?.partition ?? 0);
  const [upTo, setUpTo] = useState("");
  const [typed, setTyped] = useState("");
  const purge = usePurge(topic.topic);
  const refusal = reasonOf(useCan()("edit", ALL));
  const ids = { partition: useId(), upTo: useId(), confirm: useId() };
  const range = topic.partitions.find((p) => p.partition === partition);
  const low = range ? BigInt(range.low) : 0n;
  const high = range ? BigInt(range.high) : 0n;
  const offset = /^\d{1,19}$/.test(upTo) ? BigInt(upTo) : null;
  const valid = offset !== null && offset >= low && offset < high;
  const deleting = valid ? offset - low + 1n : 0n;
  const close = () => {
    setOpen(false);
    setTyped("");
    purge.reset();
  };
  return (
    <>
      <DangerButton disabled={disabled || refusal !== undefined || !topic.exists || topic.records === 0} title={refusal} onClick={() => setOpen(true)}>
        Purge…
      </DangerButton>
      <Dialog open={open} onClose={close} title={`Purge records of ${topic.topic}?`}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (valid && typed === topic.topic) purge.mutate({ partition, before: (offset + 1n).toString(), confirm: typed }, { onSuccess: close });
          }}
        >
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Deletes the oldest records of a partition from Kafka, up to and including the offset you give. Records not replayed are lost. This cannot be undone.
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            {topic.partitions.length > 1 ? (
              <div className={labelClass}>
                <label htmlFor={ids.partition}>Partition</label>
                <select id={ids.partition} value={partition} onChange={(event) => setPartition(Number(event.target.value))} className={fieldClass}>
                  {topic.partitions.map((p) => (
                    <option key={p.partition} value={p.partition}>{p.partition}</option>
                  ))}
                </select>
              </div>
            ) : null}
            <div className={labelClass}>
              <label htmlFor={ids.upTo}>Up to and including offset</label>
              <input id={ids.upTo} inputMode="numeric" value={upTo} onChange={(event) => setUpTo(event.target.value.trim())} placeholder={range ? range.low : "0"} className={`${fieldClass} w-40 font-mono`} />
            </div>
          </div>
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
            {range && high > low ? `Partition ${partition} holds offsets ${low} to ${high - 1n}.` : "The partition is empty."}{" "}
            {valid ? <strong className="text-red-700 dark:text-red-400">{deleting.toString()} record{deleting === 1n ? "" : "s"} will be deleted.</strong> : null}
          </p>
          <label htmlFor={ids.confirm} className="mt-4 block text-sm font-medium">
            Type <span className="font-mono break-all">{topic.topic}</span> to confirm
          </label>
          <input id={ids.confirm} value={typed} onChange={(event) => setTyped(event.target.value)} autoComplete="off" spellCheck={false} className={`${fieldClass} mt-1.5 w-full font-mono`} />
          {purge.error ? <ErrorAlert className="mt-4">Could not purge: {purge.error.message}</ErrorAlert> : null}
          <div className="mt-6 flex justify-end gap-2">
            <Button onClick={close}>Cancel</Button>
            <DangerButton type="submit" disabled={!valid || typed !== topic.topic || purge.isPending}>
              {purge.isPending ? "Purging…" : "Purge"}
            </DangerButton>
          </div>
        </form>
      </Dialog>
    </>
  );
}
