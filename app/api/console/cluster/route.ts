import { consoleClusterResponse } from "@/server/http/console-cluster";

export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return consoleClusterResponse();
}
