import { dlqReplayJobResponse } from "@/server/http/console-dlq";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return dlqReplayJobResponse((await context.params).id);
}
