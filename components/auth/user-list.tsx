"use client";

import { roleSummary } from "@/components/auth/can";
import { ConfirmButton } from "@/components/auth/confirm-button";
import { When } from "@/components/auth/token-list";
import { EditGrantsButton, ResetPasswordButton } from "@/components/auth/user-dialogs";
import { useDeleteUser, useUsers, type ConsoleUser } from "@/components/queries/users";
import { StatusBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";

function UserRow({ user }: { user: ConsoleUser }) {
  const remove = useDeleteUser(user.name);
  return (
    <tr className="align-top">
      <th scope="row" className="px-5 py-3 font-medium wrap-anywhere text-zinc-900 dark:text-zinc-100">
        {user.name} {user.disabled ? <StatusBadge tone="neutral" label="Disabled" /> : null}
      </th>
      <td className="px-4 py-3 font-mono text-xs leading-6 wrap-anywhere">{roleSummary(user.grants)}</td>
      <td className="hidden px-4 py-3 whitespace-nowrap md:table-cell"><When iso={user.createdAt} none="—" /></td>
      <td className="px-4 py-3 whitespace-nowrap"><When iso={user.lastLoginAt} none="Never" /></td>
      <td className="px-5 py-2">
        <div className="flex justify-end gap-2">
          <EditGrantsButton user={user} />
          <ResetPasswordButton user={user} />
          <ConfirmButton opener="Delete…" openerLabel={`Delete user ${user.name}`} title={`Delete user ${user.name}?`} confirm="Delete" onConfirm={() => remove.mutateAsync()}>
            They can no longer sign in, and their API tokens stop working. The last admin cannot be deleted.
          </ConfirmButton>
        </div>
      </td>
    </tr>
  );
}

/** Every console user with their grants, when they were created and last signed in, and the admin's actions on each: grants, password, delete. */
export function UserList() {
  const users = useUsers();
  return (
    <Card labelledBy="users-title" aria-busy={users.isPending}>
      <CardHeader titleId="users-title" title="Users" description={users.data ? `${users.data.length} ${users.data.length === 1 ? "user" : "users"}` : undefined} />
      {users.isPending ? (
        <div className="px-5 py-4"><Skeleton className="h-16 w-full" /></div>
      ) : !users.data ? (
        <div className="px-5 py-4"><ErrorAlert>Could not load the users: {users.error?.message}</ErrorAlert></div>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Users</caption>
            <thead className="bg-zinc-50 text-xs font-medium text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-5 py-2.5">Name</th>
                <th scope="col" className="px-4 py-2.5">Grants</th>
                <th scope="col" className="hidden px-4 py-2.5 md:table-cell">Created</th>
                <th scope="col" className="px-4 py-2.5">Last sign-in</th>
                <th scope="col" className="px-5 py-2.5"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {users.data.map((user) => (
                <UserRow key={user.name} user={user} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
