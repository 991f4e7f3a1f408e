"use client";

import { ConfirmButton } from "@/components/auth/confirm-button";
import { useRevokeToken, useTokens } from "@/components/queries/tokens";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Timestamp } from "@/components/ui/timestamp";

/** An ISO instant as a local date and time, or `none` when absent. */
export function When({ iso, none }: { iso: string | null; none: string }) {
  const epochMs = iso === null ? Number.NaN : Date.parse(iso);
  return Number.isNaN(epochMs) ? <span className="text-zinc-500 dark:text-zinc-400">{none}</span> : <Timestamp epochMs={epochMs} />;
}

/**
 * The API tokens the server lists for this user (an admin sees everyone's, with the owner
 * column): name, owner, created, last used, expiry, and "Revoke…" with a confirmation. Secrets
 * are never listed.
 */
export function TokenList() {
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const owners = new Set(tokens.data?.map((token) => token.user));
  return (
    <Card labelledBy="tokens-title" aria-busy={tokens.isPending}>
      <CardHeader titleId="tokens-title" title="Tokens" description="Revoke a token you no longer use, or one that may have leaked." />
      {tokens.isPending ? (
        <div className="px-5 py-4"><Skeleton className="h-16 w-full" /></div>
      ) : !tokens.data ? (
        <div className="px-5 py-4"><ErrorAlert>Could not load the tokens: {tokens.error?.message}</ErrorAlert></div>
      ) : tokens.data.length === 0 ? (
        <p className="px-5 py-6 text-sm text-zinc-600 dark:text-zinc-400">No tokens yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">API tokens</caption>
            <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-5 py-2.5">Name</th>
                {owners.size > 1 ? <th scope="col" className="px-4 py-2.5">User</th> : null}
                <th scope="col" className="px-4 py-2.5">Created</th>
                <th scope="col" className="px-4 py-2.5">Last used</th>
                <th scope="col" className="px-4 py-2.5">Expires</th>
                <th scope="col" className="px-5 py-2.5"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {tokens.data.map((token) => (
                <tr key={token.id}>
                  <th scope="row" className="px-5 py-3 font-medium wrap-anywhere text-zinc-900 dark:text-zinc-100">{token.name}</th>
                  {owners.size > 1 ? <td className="px-4 py-3 font-mono text-xs">{token.user}</td> : null}
                  <td className="px-4 py-3 whitespace-nowrap"><When iso={token.createdAt} none="—" /></td>
                  <td className="px-4 py-3 whitespace-nowrap"><When iso={token.lastUsedAt} none="Never" /></td>
                  <td className="px-4 py-3 whitespace-nowrap"><When iso={token.expiresAt} none="Never" /></td>
                  <td className="px-5 py-2 text-right">
                    <ConfirmButton
                      opener="Revoke…"
                      openerLabel={`Revoke token ${token.name}`}
                      title={`Revoke token ${token.name}?`}
                      confirm="Revoke"
                      onConfirm={() => revoke.mutateAsync(token.id)}
                    >
                      Scripts using it are refused from now on. This cannot be undone.
                    </ConfirmButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
