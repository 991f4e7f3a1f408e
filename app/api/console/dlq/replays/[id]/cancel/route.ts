import { withAudit } from "@/server/http/audit-route";
import { dlqCancelReplayResponse } from "@/server/http/console-dlq";

export const dynamic = "force-dynamic";

export const POST = withAudit(async (_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> => {
  return dlqCancelReplayResponse((await context.params).id);
});
