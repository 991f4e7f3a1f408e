import type { Metadata } from "next";
import { NewConnectorLink } from "@/components/auth/new-connector-link";
import { ConnectorTable } from "@/components/connectors/connector-table";
import { ConnectorsTransfer } from "@/components/connectors/connectors-transfer";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Connectors" };

/** Connectors section: every connector with its state and tasks. */
export default function ConnectorsPage() {
  return (
    <>
      <PageHeader
        title="Connectors"
        description="Source and sink connectors, their tasks, and what each one is doing."
        actions={
          <>
            <ConnectorsTransfer />
            <NewConnectorLink />
          </>
        }
      />
      <ConnectorTable />
    </>
  );
}
