import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PackageIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Plugins" };

/** Plugins section. Until the catalog lands, an empty state pointing at the Connect REST API's plugin list. */
export default function PluginsPage() {
  return (
    <>
      <PageHeader title="Plugins" description="Connectors, converters, transformations and predicates installed on this worker." />
      <EmptyState
        icon={PackageIcon}
        title="Plugin catalog not built yet"
      >
        This page will list every installed plugin with its class name, aliases and configuration reference: connectors,
        converters, transformations and predicates.
      </EmptyState>
    </>
  );
}
