import { consoleMetricsResponse } from "@/server/http/console-metrics";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return consoleMetricsResponse(request);
}
