import { dlqTopicResponse } from "@/server/http/console-dlq";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ topic: string }> }): Promise<Response> {
  return dlqTopicResponse((await context.params).topic);
}
