import { deleteTokenResponse } from "@/server/http/console-users";

export const dynamic = "force-dynamic";

export async function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return deleteTokenResponse(request, (await context.params).id);
}
