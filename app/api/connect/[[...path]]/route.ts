import { withAudit } from "@/server/http/audit-route";
import { withConfigHistory } from "@/server/http/config-history-route";
import { handleConnectRequest } from "@/server/http/connect-api";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path?: string[] }> };

async function handle(request: Request, context: Context): Promise<Response> {
  const { path = [] } = await context.params;
  return handleConnectRequest(request, path.filter((segment) => segment.length > 0));
}

/** Changes are audited, and applied configs become versions of the connector's config history. */
const change = withAudit(withConfigHistory(handle));

export { handle as GET, change as POST, change as PUT, change as PATCH, change as DELETE };
