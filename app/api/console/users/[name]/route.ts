import { deleteUserResponse, updateUserResponse } from "@/server/http/console-users";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ name: string }> };

export async function PUT(request: Request, context: Context): Promise<Response> {
  return updateUserResponse(request, (await context.params).name);
}

export async function DELETE(_request: Request, context: Context): Promise<Response> {
  return deleteUserResponse((await context.params).name);
}
