"use client";

import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from "@tanstack/react-query";
import { consoleRequest, consoleSend } from "@/components/queries/console-api";
import { newTokenSchema, tokenListSchema, type NewTokenDto, type TokenViewDto } from "@/server/contracts/auth-api";

/** An API token as listed (never its secret); instants as ISO strings, `expiresAt` null when it never expires. */
export type ApiToken = TokenViewDto;

/** A token just created: the only answer that carries its secret `token`. */
export type CreatedToken = NewTokenDto;

/** Key of the token list; creating or revoking reloads it. */
export const tokensQueryKey = ["console", "tokens"] as const;

/** The signed-in user's API tokens (every user's for an admin), `GET /api/console/tokens`. */
export function useTokens(): UseQueryResult<ApiToken[], Error> {
  return useQuery({
    queryKey: tokensQueryKey,
    queryFn: async ({ signal }) => tokenListSchema.parse(await consoleRequest("/tokens", signal)).tokens,
  });
}

/** Creates a token (`POST /api/console/tokens`) and resolves with its secret, shown once. */
export function useCreateToken(): UseMutationResult<CreatedToken, Error, { name: string; expiresInDays?: number }> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (request) => newTokenSchema.parse(await consoleSend("POST", "/tokens", request)),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}

/** Revokes a token (`DELETE /api/console/tokens/{id}`); requests made with it fail from then on. */
export function useRevokeToken(): UseMutationResult<unknown, Error, string> {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id) => consoleSend("DELETE", `/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: tokensQueryKey }),
  });
}
