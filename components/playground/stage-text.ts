import { simpleName } from "@/components/connector-form/plugin-lookup";
import type { PlaygroundResponse, PlaygroundStep } from "@/server/contracts/playground";

/** One sample's trip as the playground API answers it. */
export type SampleTrip = PlaygroundResponse["results"][number];

const STAGE_TITLES: Readonly<Record<string, string>> = {
  TASK_POLL: "Record from the task",
  KEY_CONVERTER: "Key converter",
  VALUE_CONVERTER: "Value converter",
  HEADER_CONVERTER: "Header converter",
};

/** A step's heading: the transform's alias for a TRANSFORMATION, else what the stage is ("Key converter", …). */
export function stageTitle(step: PlaygroundStep): string {
  if (step.stage === "TRANSFORMATION") return `Transform ${step.alias ?? simpleName(step.className)}`;
  return STAGE_TITLES[step.stage] ?? step.stage;
}

/**
 * A predicate's decision in words, e.g. "Predicate isOrders matched → applied" or "Predicate
 * isOrders did not match → skipped"; with `negate` the reversal is said ("matched, negated →
 * skipped"). The transform applies when `matched !== negate`.
 */
export function predicateDecision(predicate: NonNullable<PlaygroundStep["predicate"]>): string {
  const applies = predicate.matched !== predicate.negate;
  return `Predicate ${predicate.alias} ${predicate.matched ? "matched" : "did not match"}${predicate.negate ? ", negated" : ""} → ${applies ? "applied" : "skipped"}`;
}

/** How a trip ended, in one line: where a delivered record went, which transform dropped it, or the stage and exception it failed with. */
export function outcomeText(trip: SampleTrip, kind: "source" | "sink"): string {
  const last = trip.steps.at(-1);
  if (trip.outcome === "dropped") return `Dropped by ${last ? stageTitle(last).toLowerCase() : "a transform"}`;
  if (trip.outcome === "failed") {
    const failed = trip.steps.find((step) => step.error);
    return failed?.error ? `Failed in ${failed.stage}: ${simpleName(failed.error.exceptionClass)}` : "Failed";
  }
  const topic = trip.final?.topic;
  if (kind === "source") return topic ? `Written to topic ${topic}` : "Written to Kafka";
  return topic ? `Delivered to the sink task as a record of ${topic}` : "Delivered to the sink task";
}

/**
 * What Kafka Connect's error handling would do with a record that fails like this, given the
 * config's `errors.tolerance` (none by default, case-insensitive), dead letter queue topic and
 * `errors.log.enable`: with none the task fails; with all the record is skipped, logged when
 * logging is on, and written to the DLQ when one is named (sources too, in Tributary).
 */
export function toleranceNote(config: Readonly<Record<string, string>>): string {
  const dlq = config["errors.deadletterqueue.topic.name"]?.trim();
  const logged = config["errors.log.enable"]?.trim().toLowerCase() === "true";
  const skip = `skip this record and go on${logged ? ", logging the failure" : ""}${dlq ? `, and write it to the dead letter queue ${dlq}` : ""}`;
  if ((config["errors.tolerance"] ?? "none").trim().toLowerCase() === "all") return `With errors.tolerance=all, as configured, the task would ${skip}.`;
  return `With errors.tolerance=none (this config) the task would fail here. With errors.tolerance=all it would ${skip}${dlq ? "" : "; set errors.deadletterqueue.topic.name to keep such records"}.`;
}

/**
 * What to tell the user when a run is refused: the API's message, except that a topic the
 * cluster does not have is named as such (the broker's own words are obscure), and a hint at
 * what to change: the topic when sampling one, else the settings or samples.
 */
export function runFailure(error: { message: string; code?: string }, latestTopic: string | undefined): { message: string; hint: string } {
  if (error.code === "kafka.unknown_topic_or_partition" && latestTopic !== undefined) {
    return { message: `Topic ${latestTopic} does not exist on this cluster.`, hint: "Check its name, or sample pasted records instead." };
  }
  return { message: error.message, hint: latestTopic === undefined ? "Fix the setting it names above, or the samples, and it runs again." : "Fix the setting it names above, or the topic, and it runs again." };
}
