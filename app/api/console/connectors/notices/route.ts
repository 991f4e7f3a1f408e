import { connectorNoticesResponse } from "@/server/http/console-connectors";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return connectorNoticesResponse();
}
