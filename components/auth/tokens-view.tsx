"use client";

import { TokenCreate } from "@/components/auth/token-create";
import { TokenList } from "@/components/auth/token-list";
import { useSession } from "@/components/queries/session";
import { EmptyState } from "@/components/ui/empty-state";
import { KeyIcon } from "@/components/ui/icons";
import { InlineCode } from "@/components/ui/inline-code";

/** The tokens page's body: "Create a token" and the list; with login off, a note that tokens are not needed. */
export function TokensView() {
  const session = useSession().data;
  if (session?.auth === "off") {
    return (
      <EmptyState icon={KeyIcon} title="Login is off">
        Scripts reach the API without a token. Start the server with <InlineCode>TRIBUTARY_AUTH=on</InlineCode> to require one.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-6">
      <TokenCreate />
      <TokenList />
    </div>
  );
}
