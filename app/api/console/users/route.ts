import { createUserResponse, listUsersResponse } from "@/server/http/console-users";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return listUsersResponse();
}

export function POST(request: Request): Promise<Response> {
  return createUserResponse(request);
}
