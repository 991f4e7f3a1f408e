import { createTokenResponse, listTokensResponse } from "@/server/http/console-users";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return listTokensResponse(request);
}

export function POST(request: Request): Promise<Response> {
  return createTokenResponse(request);
}
