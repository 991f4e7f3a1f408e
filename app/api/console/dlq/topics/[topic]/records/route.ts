import { dlqRecordsResponse } from "@/server/http/console-dlq";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ topic: string }> }): Promise<Response> {
  return dlqRecordsResponse(request, (await context.params).topic);
}
