"use client";

import { configEntries } from "@/components/connectors/connector-config";
import { useConnectorConfig } from "@/components/queries/connector";
import { Card, CardHeader } from "@/components/ui/card";
import { DetailList } from "@/components/ui/detail-list";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The connector's config (`GET /connectors/{c}/config`) as a key/value list, `name` and
 * `connector.class` first. Values of keys that look secret are masked, with no way to reveal
 * them here.
 */
export function ConnectorConfigCard({ name }: { name: string }) {
  const config = useConnectorConfig(name);
  return (
    <Card labelledBy="config-title" aria-busy={config.isPending}>
      <CardHeader titleId="config-title" title="Config" description="As submitted; values of keys that look secret are masked." />
      <div className="px-5 py-4">
        {config.isPending ? (
          <Skeleton className="h-24 w-full" />
        ) : config.error ? (
          <ErrorAlert>Could not load the config: {config.error.message}</ErrorAlert>
        ) : (
          <DetailList
            items={configEntries(config.data).map(({ key, value, secret }) => ({
              term: key,
              value: secret ? <>{value}<span className="sr-only"> (secret, masked)</span></> : value,
              mono: true,
            }))}
          />
        )}
      </div>
    </Card>
  );
}
