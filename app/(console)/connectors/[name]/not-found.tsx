import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { PlugIcon } from "@/components/ui/icons";

/** What `/connectors/{name}` (and its edit page) shows, with status 404, for a connector that does not exist. */
export default function ConnectorNotFound() {
  return (
    <EmptyState
      icon={PlugIcon}
      title="Connector not found"
      actions={
        <Link href="/connectors" className="text-sm font-medium text-accent-600 hover:text-accent-700 dark:text-accent-400 dark:hover:text-accent-300">
          ← Back to connectors
        </Link>
      }
    >
      There is no connector with this name on this cluster. It may have been deleted.
    </EmptyState>
  );
}
