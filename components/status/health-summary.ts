import type { UseQueryResult } from "@tanstack/react-query";
import type { Health } from "@/server/contracts/health";
import type { Tone } from "@/components/ui/status-dot";

/** A one-line reading of the health query for the status indicator and the workers page. */
export interface HealthSummary {
  tone: Tone;
  /** Short label, e.g. "Kafka connected". */
  label: string;
  /** One sentence that explains the label. */
  detail: string;
}

/**
 * Maps the health query to what the console shows. A failed latest poll wins over older data
 * ("Console API unreachable"); then a starting runtime ("Starting…"); then Kafka reachability.
 * Pure; safe to call on every render.
 */
export function summarizeHealth(query: Pick<UseQueryResult<Health, Error>, "status" | "data" | "error">): HealthSummary {
  if (query.status === "error") {
    return {
      tone: "danger",
      label: "Console API unreachable",
      detail: query.error?.message ?? "The console could not read its health endpoint.",
    };
  }
  const health = query.data;
  if (!health) {
    return { tone: "neutral", label: "Checking…", detail: "Reading the runtime's health." };
  }
  if (health.status === "starting") {
    return { tone: "warning", label: "Starting…", detail: "The runtime is starting; the REST API answers once it is ready." };
  }
  if (!health.kafka.reachable) {
    return {
      tone: "danger",
      label: "Kafka unreachable",
      detail: health.kafka.error ?? `No answer from ${health.kafka.bootstrap}.`,
    };
  }
  if (health.status === "ok") {
    return { tone: "success", label: "Kafka connected", detail: `Connected to ${health.kafka.bootstrap}.` };
  }
  return { tone: "warning", label: "Degraded", detail: "The runtime reports a degraded state." };
}
