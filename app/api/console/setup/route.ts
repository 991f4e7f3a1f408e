import { withAudit } from "@/server/http/audit-route";
import { setupResponse } from "@/server/http/console-session";

export const dynamic = "force-dynamic";

export const POST = withAudit((request: Request): Promise<Response> => {
  return setupResponse(request);
});
