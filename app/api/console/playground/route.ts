import { playgroundLatestRecords, playgroundResponse } from "@/server/http/console-playground";

export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return playgroundResponse(request, playgroundLatestRecords);
}
