import { auditResponse } from "@/server/http/console-audit";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return auditResponse(request);
}
