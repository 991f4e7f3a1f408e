import { withAudit } from "@/server/http/audit-route";
import { connectorRollbackResponse } from "@/server/http/console-versions";

export const dynamic = "force-dynamic";

export const POST = withAudit((request: Request): Promise<Response> => connectorRollbackResponse(request));
