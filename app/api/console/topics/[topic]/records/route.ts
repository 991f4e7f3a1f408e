import { topicRecordsResponse } from "@/server/http/console-topics";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ topic: string }> }): Promise<Response> {
  return topicRecordsResponse(request, (await context.params).topic);
}
