import { withAudit } from "@/server/http/audit-route";
import { dlqPurgeResponse } from "@/server/http/console-dlq";

export const dynamic = "force-dynamic";

export const POST = withAudit(async (request: Request, context: { params: Promise<{ topic: string }> }): Promise<Response> => {
  return dlqPurgeResponse(request, (await context.params).topic);
});
