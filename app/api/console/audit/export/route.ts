import { auditExportResponse } from "@/server/http/console-audit";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return auditExportResponse(request);
}
