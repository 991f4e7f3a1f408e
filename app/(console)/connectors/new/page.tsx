import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { RoleGate } from "@/components/auth/role-gate";
import { ConnectorWizard } from "@/components/connector-form/connector-wizard";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "New connector" };

/** `/connectors/new`: the create-connector wizard, generated in the browser from the chosen plugin's ConfigDef; `?from=<c>` clones connector c. */
export default function NewConnectorPage() {
  return (
    <>
      <Link href="/connectors" className="text-sm font-medium text-accent-600 hover:text-accent-700 dark:text-accent-400 dark:hover:text-accent-300">
        ← Connectors
      </Link>
      <div className="mt-2">
        <PageHeader title="New connector" description="Choose a plugin, fill in its settings (the worker checks each one as you type), then create it running, paused or stopped." />
      </div>
      <RoleGate action="edit" doing="create connectors" back={{ href: "/connectors", label: "Connectors" }}>
        <Suspense fallback={<Skeleton className="h-40 w-full" />}>
          <ConnectorWizard />
        </Suspense>
      </RoleGate>
    </>
  );
}
