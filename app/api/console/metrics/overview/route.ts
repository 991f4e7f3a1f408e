import { consoleMetricsOverviewResponse } from "@/server/http/console-metrics";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return consoleMetricsOverviewResponse();
}
