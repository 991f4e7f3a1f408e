import { dlqTopicsResponse } from "@/server/http/console-dlq";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return dlqTopicsResponse();
}
