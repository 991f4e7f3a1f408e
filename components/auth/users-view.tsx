"use client";

import { ALL } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { UserCreate } from "@/components/auth/user-create";
import { UserList } from "@/components/auth/user-list";
import { useSession } from "@/components/queries/session";
import { EmptyState } from "@/components/ui/empty-state";
import { UsersIcon } from "@/components/ui/icons";
import { InlineCode } from "@/components/ui/inline-code";

/** The users page's body: for admins, "Add a user" and the list; with login off or for others, a note saying why there is nothing to manage here. */
export function UsersView() {
  const session = useSession().data;
  const can = useCan();
  if (session?.auth === "off") {
    return (
      <EmptyState icon={UsersIcon} title="Login is off">
        Everyone who reaches the console is an admin. Start the server with <InlineCode>TRIBUTARY_AUTH=on</InlineCode> to manage users.
      </EmptyState>
    );
  }
  const admin = can("admin", ALL);
  if (!admin.allowed) {
    return (
      <EmptyState icon={UsersIcon} title="Only admins manage users">
        {admin.reason}.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-6">
      <UserCreate />
      <UserList />
    </div>
  );
}
