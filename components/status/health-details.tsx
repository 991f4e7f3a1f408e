import type { Health } from "@/server/contracts/health";
import { DetailList, type DetailItem } from "@/components/ui/detail-list";
import { Timestamp } from "@/components/ui/timestamp";

const modeLabel: Record<Health["runtime"]["mode"], string> = {
  embedded: "Embedded",
  standalone: "Standalone",
  distributed: "Distributed",
};

/** Human label of a runtime mode, e.g. "Distributed". */
export function runtimeModeLabel(mode: Health["runtime"]["mode"]): string {
  return modeLabel[mode];
}

/** The facts of a health document as `DetailList` rows: Kafka first, then the runtime. */
export function healthDetailItems(health: Health): DetailItem[] {
  return [
    { term: "Bootstrap servers", value: health.kafka.bootstrap, mono: true },
    { term: "Cluster id", value: health.kafka.clusterId ?? "Not known yet", mono: health.kafka.clusterId !== null },
    {
      term: "Last probe",
      value: health.kafka.checkedAt === null ? "Not probed yet" : <Timestamp epochMs={health.kafka.checkedAt} relative />,
    },
    { term: "Runtime mode", value: runtimeModeLabel(health.runtime.mode) },
    { term: "Ready", value: health.runtime.ready ? "Yes" : "No" },
    { term: "Version", value: health.version, mono: true },
  ];
}

/** The detail body of the status popover: the health facts and, when present, Kafka's last error. */
export function HealthDetails({ health }: { health: Health }) {
  return (
    <>
      <DetailList items={healthDetailItems(health)} />
      {health.kafka.error ? <ErrorNote title="Last Kafka error">{health.kafka.error}</ErrorNote> : null}
    </>
  );
}

/** A small red note with a title and a monospace message, for error texts. */
export function ErrorNote({ title, children }: { title: string; children: string }) {
  return (
    <div className="mt-3 rounded-lg border border-red-200 bg-red-50 px-3 py-2 dark:border-red-900/60 dark:bg-red-950/40">
      <p className="text-xs font-medium text-red-800 dark:text-red-300">{title}</p>
      <p className="mt-0.5 break-words font-mono text-xs leading-5 text-red-700 dark:text-red-300/90">{children}</p>
    </div>
  );
}
