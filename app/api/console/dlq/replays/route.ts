import { dlqReplayJobsResponse } from "@/server/http/console-dlq";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return dlqReplayJobsResponse(request);
}
