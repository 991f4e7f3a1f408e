import { playgroundRequestSchema, playgroundResponseSchema, type PlaygroundResponse, type PlaygroundSample } from "@/server/contracts/playground";
import { readyDlqInbox } from "@/server/console/dlq/dlq-slot";
import { TributaryError } from "@/server/errors/tributary-error";
import { readBody } from "@/server/http/connect/body";
import { consoleErrorResponse } from "@/server/http/errors";
import type { Herder } from "@/server/runtime/herder/herder";
import { readyRuntime } from "@/server/runtime/runtime-slot";

/** Reads the newest `count` records of a topic as playground samples; the composition root supplies it. */
export type LatestRecords = (topic: string, count: number) => Promise<PlaygroundSample[]>;

/** The newest records of a topic, read through the console's topic browser (the DLQ inbox's), as samples in UTF-8 text. */
export const playgroundLatestRecords: LatestRecords = async (topic, count) => {
  const inbox = await readyDlqInbox();
  const records = await inbox.latestRecords(topic, count).catch((error: unknown) => {
    if (error instanceof TributaryError && error.code === "kafka.unknown_topic_or_partition") throw new TributaryError("request.invalid", `Topic ${topic} does not exist on this cluster.`, { cause: error });
    throw error;
  });
  const text = (bytes: Buffer | null) => (bytes === null ? null : bytes.toString("utf8"));
  return records.map((record) => ({
    topic: record.topic,
    partition: record.partition,
    offset: record.offset.toString(),
    key: text(record.key),
    value: text(record.value),
    headers: record.headers.map((header) => ({ key: header.key, value: text(header.value) })),
    timestamp: record.timestamp,
  }));
};

/** The herder's preview; an unknown connector class is a mistake in the body here, so a 400. */
function previewWith(herder: Herder, config: Record<string, string>, samples: PlaygroundSample[]) {
  try {
    return herder.previewPipeline(config, samples);
  } catch (error) {
    if (error instanceof TributaryError && error.code === "plugin.not_found") throw new TributaryError("request.invalid", error.message, { cause: error });
    throw error;
  }
}

/**
 * `POST /api/console/playground`: runs samples (pasted, or the newest records of a topic)
 * through a candidate connector config's converters and transforms and answers every stage's
 * output (server/contracts/playground.ts). 400 for a bad body, an unknown connector class or a
 * transform that cannot be configured; 503 while the runtime starts.
 */
export async function playgroundResponse(request: Request, latest: LatestRecords, herder?: Herder): Promise<Response> {
  try {
    const body = await readBody(request, playgroundRequestSchema);
    const samples = body.samples ?? (await latest(body.latest!.topic, body.latest!.count));
    if (samples.length === 0) throw new TributaryError("request.invalid", `Topic ${body.latest!.topic} has no records to sample.`);
    const { kind, results } = previewWith(herder ?? (await readyRuntime()).herder, body.config, samples);
    const answer: PlaygroundResponse = playgroundResponseSchema.parse({ kind, results: results.map((result, i) => ({ sample: samples[i], ...result })) });
    return Response.json(answer, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}
