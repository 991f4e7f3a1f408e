import { dlqReplayResponse } from "@/server/http/console-dlq";

export const dynamic = "force-dynamic";

export async function POST(request: Request, context: { params: Promise<{ topic: string }> }): Promise<Response> {
  return dlqReplayResponse(request, (await context.params).topic);
}
