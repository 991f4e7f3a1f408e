import { consoleEventsResponse } from "@/server/http/console-events";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return consoleEventsResponse(request);
}
