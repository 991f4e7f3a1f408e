import { handleConnectRequest } from "@/server/http/connect-api";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ path?: string[] }> };

async function handle(request: Request, context: Context): Promise<Response> {
  const { path = [] } = await context.params;
  return handleConnectRequest(request, path.filter((segment) => segment.length > 0));
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
