import { consoleHealthResponse } from "@/server/http/console-health";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return consoleHealthResponse();
}
