import { loginResponse, logoutResponse, sessionInfoResponse } from "@/server/http/console-session";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return sessionInfoResponse(request);
}

export function POST(request: Request): Promise<Response> {
  return loginResponse(request);
}

export function DELETE(request: Request): Promise<Response> {
  return logoutResponse(request);
}
