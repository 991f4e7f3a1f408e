import { prometheusMetricsResponse } from "@/server/http/prometheus-metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrapes the worker's metrics here. */
export function GET(): Promise<Response> {
  return prometheusMetricsResponse();
}
