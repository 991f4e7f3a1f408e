"use client";

import { useMutation, useQuery, type UseMutationResult, type UseQueryResult } from "@tanstack/react-query";
import { consoleRequest, consoleSend } from "@/components/queries/console-api";
import { sessionInfoSchema, type SessionInfo } from "@/server/contracts/auth";
import { signedInSchema } from "@/server/contracts/auth-api";

/** React Query key of the session document. */
export const sessionQueryKey = ["console", "session"] as const;

/**
 * `GET /api/console/session`: whether login is on, who is signed in, whether the first admin
 * must still be created. Read once per page load and kept (a sign-in or sign-out reloads the
 * page); the call needs no credentials, so it never redirects.
 */
export function useSession(): UseQueryResult<SessionInfo, Error> {
  return useQuery({
    queryKey: sessionQueryKey,
    queryFn: async ({ signal }) => sessionInfoSchema.parse(await consoleRequest("/session", signal)),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

/** What the sign-in form sends. */
export interface Credentials {
  username: string;
  password: string;
}

/**
 * Signs in (`POST /api/console/session`); the server sets the session and CSRF cookies. Rejects
 * with a `ConsoleApiError`: 401 `auth.invalid_credentials`, 429 when too many attempts were made.
 * The caller then loads the page it goes to afresh.
 */
export function useSignIn(): UseMutationResult<unknown, Error, Credentials> {
  return useMutation({
    mutationFn: async (credentials) => signedInSchema.parse(await consoleSend("POST", "/session", credentials, { signInOn401: false })),
  });
}

/** What creating the first admin sends: the set-up code comes from the server's log. */
export interface SetupRequest extends Credentials {
  setupCode: string;
}

/** Creates the first admin and signs in as it (`POST /api/console/setup`); rejects with 409 `auth.setup_done` or 403 for a wrong code. */
export function useSetup(): UseMutationResult<unknown, Error, SetupRequest> {
  return useMutation({
    mutationFn: async (request) => signedInSchema.parse(await consoleSend("POST", "/setup", request, { signInOn401: false })),
  });
}

/** Signs out (`DELETE /api/console/session`) and then opens the sign-in page, dropping every cached answer. */
export function useSignOut(): UseMutationResult<void, Error, void> {
  return useMutation({
    mutationFn: async () => {
      await consoleSend("DELETE", "/session", undefined, { signInOn401: false });
    },
    // A full load, not router.push: it drops every cached answer and the event stream.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    onSuccess: () => window.location.assign("/login"),
  });
}
