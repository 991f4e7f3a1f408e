import { currentMetricsHistory } from "@/server/console/metrics/history-slot";
import type { MetricsHistory } from "@/server/console/metrics/metrics-history";
import { formatDuration, metricsQuerySchema } from "@/server/contracts/metrics";
import { TributaryError } from "@/server/errors/tributary-error";
import { consoleErrorResponse } from "@/server/http/errors";
import type { Runtime } from "@/server/runtime/runtime";
import { readyRuntime, RuntimeNotReadyError } from "@/server/runtime/runtime-slot";

const PARAMETERS = ["metric", "connector", "task", "range", "step"];
const noStore = { "cache-control": "no-store" };

async function ready(): Promise<{ runtime: Runtime; history: MetricsHistory }> {
  const runtime = await readyRuntime();
  const history = currentMetricsHistory();
  if (!history) throw new RuntimeNotReadyError("This process keeps no metrics history.");
  return { runtime, history };
}

/**
 * `GET /api/console/metrics?metric=…&connector=…&task=…&range=…&step=…`: one chart's series
 * (server/contracts/metrics.ts). 400 `request.invalid` naming what to fix for an unknown
 * parameter, a bad value or a range longer than the history kept; 404 `connector.not_found`
 * for a connector that does not exist; 503 while the runtime is starting.
 */
export async function consoleMetricsResponse(request: Request): Promise<Response> {
  try {
    const { runtime, history } = await ready();
    const params = new URL(request.url).searchParams;
    const unknown = [...params.keys()].filter((key) => !PARAMETERS.includes(key));
    if (unknown.length > 0) throw invalid(`Unknown parameter ${unknown.join(", ")}: the parameters are ${PARAMETERS.join(", ")}.`);
    const parsed = metricsQuerySchema.safeParse(Object.fromEntries(params));
    if (!parsed.success) throw invalid(`${parsed.error.issues.map((issue) => issue.message).join("; ")}.`);
    const query = parsed.data;
    if (query.range > history.retentionMs) {
      throw invalid(`range ${formatDuration(query.range)} goes back further than the ${formatDuration(history.retentionMs)} of history kept (tributary.metrics.retention.ms).`);
    }
    if (query.connector !== undefined) await runtime.herder.connectorInfo(query.connector);
    return Response.json(await history.series(query), { headers: noStore });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

/** `GET /api/console/metrics/overview`: every connector's current rates, errors and lag, and the process's figures. */
export async function consoleMetricsOverviewResponse(): Promise<Response> {
  try {
    const { history } = await ready();
    return Response.json(history.overview(), { headers: noStore });
  } catch (error) {
    return consoleErrorResponse(error);
  }
}

function invalid(message: string): TributaryError {
  return new TributaryError("request.invalid", message, { suggestion: "For example: ?connector=my-connector&metric=records-in&range=15m" });
}
