import { withAudit } from "@/server/http/audit-route";
import { createUserResponse, listUsersResponse } from "@/server/http/console-users";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return listUsersResponse();
}

export const POST = withAudit((request: Request): Promise<Response> => {
  return createUserResponse(request);
});
