import { withAudit } from "@/server/http/audit-route";
import { deleteTokenResponse } from "@/server/http/console-users";

export const dynamic = "force-dynamic";

export const DELETE = withAudit(async (request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> => {
  return deleteTokenResponse(request, (await context.params).id);
});
