import { withAudit } from "@/server/http/audit-route";
import { createTokenResponse, listTokensResponse } from "@/server/http/console-users";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return listTokensResponse(request);
}

export const POST = withAudit((request: Request): Promise<Response> => {
  return createTokenResponse(request);
});
