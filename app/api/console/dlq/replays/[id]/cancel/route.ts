import { dlqCancelReplayResponse } from "@/server/http/console-dlq";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return dlqCancelReplayResponse((await context.params).id);
}
