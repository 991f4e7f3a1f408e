"use client";

import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from "@tanstack/react-query";
import { consoleRequest, consoleSend } from "@/components/queries/console-api";
import type { Grant } from "@/server/contracts/auth";
import { userListSchema, type UserViewDto } from "@/server/contracts/auth-api";

/** One console user as `GET /api/console/users` lists it (instants as ISO strings). */
export type ConsoleUser = UserViewDto;

/** Prefix of the users query; every user write reloads it. */
export const usersQueryKey = ["console", "users"] as const;

/** Every console user (`GET /api/console/users`, admins only: others get a 403 `ConsoleApiError`). */
export function useUsers(enabled = true): UseQueryResult<ConsoleUser[], Error> {
  return useQuery({
    queryKey: usersQueryKey,
    queryFn: async ({ signal }) => userListSchema.parse(await consoleRequest("/users", signal)).users,
    enabled,
  });
}

function userPath(name: string): string {
  return `/users/${encodeURIComponent(name)}`;
}

/** Reloads the user list after a write succeeded. */
function useUserWrite<T>(write: (input: T) => Promise<unknown>): UseMutationResult<unknown, Error, T> {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => client.invalidateQueries({ queryKey: usersQueryKey }) });
}

/** Creates a user (`POST /api/console/users`). */
export function useCreateUser(): UseMutationResult<unknown, Error, { name: string; password: string; grants: Grant[] }> {
  return useUserWrite((user) => consoleSend("POST", "/users", user));
}

/** Changes a user's grants and/or password (`PUT /api/console/users/{name}`). */
export function useUpdateUser(name: string): UseMutationResult<unknown, Error, { password?: string; grants?: Grant[] }> {
  return useUserWrite((change) => consoleSend("PUT", userPath(name), change));
}

/** Deletes a user (`DELETE /api/console/users/{name}`); the server refuses the last admin with 409. */
export function useDeleteUser(name: string): UseMutationResult<unknown, Error, void> {
  return useUserWrite(() => consoleSend("DELETE", userPath(name)));
}
