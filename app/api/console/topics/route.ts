import { topicsResponse } from "@/server/http/console-topics";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return topicsResponse();
}
