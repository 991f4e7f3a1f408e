import type { Metadata } from "next";
import { UsersView } from "@/components/auth/users-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Users" };

/** `/settings/users` (admins): add users with grants, change their grants or password, delete them. */
export default function UsersPage() {
  return (
    <>
      <PageHeader title="Users" description="Who may sign in to this console, and what each may do on which connectors." />
      <UsersView />
    </>
  );
}
