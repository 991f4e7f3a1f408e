import type { Metadata } from "next";
import { PluginCatalog } from "@/components/plugins/plugin-catalog";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Plugins" };

/** Plugins section: every installed plugin by kind, each with its configuration reference. */
export default function PluginsPage() {
  return (
    <>
      <PageHeader title="Plugins" description="Connectors, converters, transformations and predicates installed on this worker." />
      <PluginCatalog />
    </>
  );
}
