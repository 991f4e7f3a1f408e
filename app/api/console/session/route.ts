import { withAudit } from "@/server/http/audit-route";
import { loginResponse, logoutResponse, sessionInfoResponse } from "@/server/http/console-session";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return sessionInfoResponse(request);
}

export const POST = withAudit((request: Request): Promise<Response> => {
  return loginResponse(request);
});

export const DELETE = withAudit((request: Request): Promise<Response> => {
  return logoutResponse(request);
});
