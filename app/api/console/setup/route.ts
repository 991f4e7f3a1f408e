import { setupResponse } from "@/server/http/console-session";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return setupResponse(request);
}
