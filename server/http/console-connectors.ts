import { principalOf } from "@/server/console/auth/principal";
import { visibleTo } from "@/server/console/auth/visible-connectors";
import { connectorNotices } from "@/server/console/connector-notices";
import { autoRestartsSchema, type AutoRestarts } from "@/server/contracts/auto-restarts";
import { connectorChangesSchema, type ConnectorChanges } from "@/server/contracts/connector-changes";
import type { ConnectorOffset, ConnectorOffsetsView, SinkPartitionOffset } from "@/server/contracts/connector-offsets";
import { messageOf } from "@/server/errors/tributary-error";
import { consoleErrorResponse } from "@/server/http/errors";
import { autoRestartPolicy } from "@/server/runtime/herder/auto-restart-policy";
import type { Herder } from "@/server/runtime/herder/herder";
import { readyRuntime } from "@/server/runtime/runtime-slot";

const NO_STORE = { "cache-control": "no-store" };

/**
 * The connector name of `/api/console/connectors/{name}/<leaf>`, read from the raw URL and
 * percent-decoded exactly once (a malformed escape is taken literally), whatever the framework
 * did to its own params.
 */
function connectorNameOf(request: Request): string {
  const segments = new URL(request.url).pathname.split("/").filter(Boolean);
  const raw = segments[segments.length - 2] ?? "";
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * `GET /api/console/connectors/{name}/changes`: the connector's recent status changes, oldest
 * first (server/contracts/connector-changes.ts). 404 `connector.not_found` for an unknown
 * connector, 503 `runtime.not_ready` while the runtime starts.
 */
export async function connectorChangesResponse(request: Request): Promise<Response> {
  const name = connectorNameOf(request);
  try {
    const runtime = await readyRuntime();
    await runtime.herder.connectorInfo(name);
    const body: ConnectorChanges = connectorChangesSchema.parse({ connector: name, changes: runtime.events.history(name) });
    return Response.json(body, { headers: NO_STORE });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/**
 * `GET /api/console/connectors/{name}/restarts`: the connector's auto-restart policy, pending
 * automatic restarts and recent attempts with their errors (server/contracts/auto-restarts.ts).
 * 404 `connector.not_found` for an unknown connector, 503 `runtime.not_ready` while the runtime
 * starts. A herder that runs no worker answers the policy with no attempts.
 */
export async function connectorRestartsResponse(request: Request): Promise<Response> {
  const name = connectorNameOf(request);
  try {
    const herder = (await readyRuntime()).herder;
    const info = await herder.connectorInfo(name);
    const view = herder.autoRestarts ? await herder.autoRestarts(name) : { connector: name, policy: autoRestartPolicy(info.config), pending: [], attempts: [] };
    const body: AutoRestarts = autoRestartsSchema.parse(view);
    return Response.json(body, { headers: NO_STORE });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/** The topics a sink's `topics` setting names (comma-separated; `topics.regex` lists none). */
function configuredTopics(config: Readonly<Record<string, string>>): string[] {
  return (config.topics ?? "").split(",").map((topic) => topic.trim()).filter((topic) => topic.length > 0);
}

/**
 * A sink's lag view: every partition that has a committed offset (Connect's sink offsets) or an
 * end offset in `ends`, sorted by topic and partition; lag where both are known, never negative.
 */
function sinkPartitions(offsets: ConnectorOffset[], ends: Array<{ topic: string; partition: number; offset: number }>): SinkPartitionOffset[] {
  const byKey = new Map<string, SinkPartitionOffset>();
  const entry = (topic: string, partition: number) => {
    const key = `${topic}\u0000${partition}`;
    const existing = byKey.get(key) ?? { topic, partition, committed: null, end: null, lag: null };
    byKey.set(key, existing);
    return existing;
  };
  for (const { partition, offset } of offsets) {
    const committed = Number(offset?.kafka_offset);
    entry(String(partition.kafka_topic), Number(partition.kafka_partition)).committed = Number.isFinite(committed) ? committed : null;
  }
  for (const end of ends) entry(end.topic, end.partition).end = end.offset;
  return [...byKey.values()]
    .map((p) => ({ ...p, lag: p.committed !== null && p.end !== null ? Math.max(0, p.end - p.committed) : null }))
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** End offsets topic by topic, so one missing topic costs only its own partitions; the first failure is reported. */
async function endOffsets(herder: Herder, topics: string[]): Promise<{ ends: Array<{ topic: string; partition: number; offset: number }>; error?: string }> {
  const ends: Array<{ topic: string; partition: number; offset: number }> = [];
  let error: string | undefined;
  for (const topic of topics) {
    try {
      ends.push(...(await herder.topicEndOffsets([topic])));
    } catch (failure) {
      error ??= `Could not read the end offsets of topic ${topic}: ${messageOf(failure)}`;
    }
  }
  return { ends, error };
}

/**
 * `GET /api/console/connectors/{name}/offsets`: Kafka Connect's offsets of the connector and, for
 * a sink, each partition's committed offset, end offset and lag
 * (server/contracts/connector-offsets.ts). 404 for an unknown connector; a Kafka failure reading
 * the sink's committed offsets is 503 with a suggestion, as every console error.
 */
export async function connectorOffsetsResponse(request: Request): Promise<Response> {
  const name = connectorNameOf(request);
  try {
    const herder = (await readyRuntime()).herder;
    const info = await herder.connectorInfo(name);
    const { offsets } = await herder.connectorOffsets(name);
    const body: ConnectorOffsetsView = { connector: name, type: info.type, offsets, partitions: [] };
    if (info.type === "sink") {
      const topics = [...new Set([...configuredTopics(info.config), ...offsets.map((o) => String(o.partition.kafka_topic))])].sort();
      const { ends, error } = await endOffsets(herder, topics);
      body.partitions = sinkPartitions(offsets, ends);
      if (error) body.endOffsetsError = error;
    }
    return Response.json(body, { headers: NO_STORE });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/**
 * `GET /api/console/connectors/notices[?connector=<name>]`: what connectors' statuses cannot say
 * (a FileStreamSource waiting for its file), by connector; with `connector`, that one's only.
 * Only connectors the caller may view are listed.
 */
export async function connectorNoticesResponse(request: Request): Promise<Response> {
  try {
    const only = new URL(request.url).searchParams.get("connector") ?? undefined;
    const visible = visibleTo(principalOf(request));
    const { notices } = await connectorNotices((await readyRuntime()).herder, undefined, only);
    return Response.json({ notices: Object.fromEntries(Object.entries(notices).filter(([name]) => visible(name))) }, { headers: NO_STORE });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}
