import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { RoleGate } from "@/components/auth/role-gate";
import { ConnectorEditor } from "@/components/connector-form/connector-editor";
import { PageHeader } from "@/components/ui/page-header";
import { connectorPageExists } from "@/server/http/connector-pages";

/** The route's params: `name` is one URL segment, still percent-encoded (Next does not decode it). */
interface EditConnectorPageProps {
  params: Promise<{ name: string }>;
}

/** The connector's name from its URL segment; a malformed escape is taken literally rather than failing the page. */
async function connectorName(params: EditConnectorPageProps["params"]): Promise<string> {
  const { name } = await params;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The browser tab says which connector is being edited. */
export async function generateMetadata({ params }: EditConnectorPageProps): Promise<Metadata> {
  return { title: `Edit ${await connectorName(params)}` };
}

/** `/connectors/{name}/edit`: the connector's config in the wizard's forms or as JSON, applied after a diff; 404 for a connector that does not exist. */
export default async function EditConnectorPage({ params }: EditConnectorPageProps) {
  const name = await connectorName(params);
  if (!(await connectorPageExists(name))) notFound();
  return (
    <>
      <Link href={`/connectors/${encodeURIComponent(name)}`} className="text-sm font-medium text-accent-600 hover:text-accent-700 dark:text-accent-400 dark:hover:text-accent-300">
        ← {name}
      </Link>
      <div className="mt-2">
        <PageHeader title={`Edit ${name}`} description="Change the config in the form or as JSON; the last step shows the difference from the current config before it is applied." />
      </div>
      <RoleGate action="edit" connector={name} doing={`edit ${name}`} back={{ href: `/connectors/${encodeURIComponent(name)}`, label: name }}>
        <ConnectorEditor name={name} />
      </RoleGate>
    </>
  );
}
