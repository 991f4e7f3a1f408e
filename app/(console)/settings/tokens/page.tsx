import type { Metadata } from "next";
import { TokensView } from "@/components/auth/tokens-view";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "API tokens" };

/** `/settings/tokens`: the signed-in user's API tokens: create one (its secret shown once), list and revoke them. */
export default function TokensPage() {
  return (
    <>
      <PageHeader title="API tokens" description="Tokens let scripts and tools call the Kafka Connect REST API and the console's API as you." />
      <TokensView />
    </>
  );
}
