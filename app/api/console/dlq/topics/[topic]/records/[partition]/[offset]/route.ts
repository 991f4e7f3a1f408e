import { dlqRecordResponse } from "@/server/http/console-dlq";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ topic: string; partition: string; offset: string }> }): Promise<Response> {
  const { topic, partition, offset } = await context.params;
  return dlqRecordResponse(topic, partition, offset);
}
