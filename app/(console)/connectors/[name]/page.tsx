import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ConnectorDetails } from "@/components/connectors/connector-details";
import { connectorPageExists } from "@/server/http/connector-pages";

/** The route's params: `name` is one URL segment, still percent-encoded (Next does not decode it). */
interface ConnectorPageProps {
  params: Promise<{ name: string }>;
}

/** The connector's name from its URL segment; a malformed escape is taken literally rather than failing the page. */
async function connectorName(params: ConnectorPageProps["params"]): Promise<string> {
  const { name } = await params;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The browser tab shows the connector's name. */
export async function generateMetadata({ params }: ConnectorPageProps): Promise<Metadata> {
  return { title: await connectorName(params) };
}

/**
 * One connector's page (`/connectors/{name}`): status, tasks, actions, config and topics, all read
 * in the browser. A connector that does not exist answers 404 with the not-found page.
 */
export default async function ConnectorPage({ params }: ConnectorPageProps) {
  const name = await connectorName(params);
  if (!(await connectorPageExists(name))) notFound();
  return <ConnectorDetails name={name} />;
}
