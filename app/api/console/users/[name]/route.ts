import { withAudit } from "@/server/http/audit-route";
import { deleteUserResponse, updateUserResponse } from "@/server/http/console-users";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ name: string }> };

export const PUT = withAudit(async (request: Request, context: Context): Promise<Response> => {
  return updateUserResponse(request, (await context.params).name);
});

export const DELETE = withAudit(async (_request: Request, context: Context): Promise<Response> => {
  return deleteUserResponse((await context.params).name);
});
