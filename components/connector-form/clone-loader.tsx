"use client";

import { useEffect } from "react";
import { useConnectorConfig } from "@/components/queries/connector";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Skeleton } from "@/components/ui/skeleton";
import type { ConnectorConfig } from "@/server/contracts/connect";

/**
 * Reads the config of connector `name` for a clone and hands it to `onLoaded` once; meanwhile a
 * placeholder, and if it cannot be read (deleted meanwhile), why.
 */
export function CloneLoader({ name, onLoaded }: { name: string; onLoaded: (config: ConnectorConfig) => void }) {
  const config = useConnectorConfig(name);
  useEffect(() => {
    if (config.data) onLoaded(config.data);
  }, [config.data, onLoaded]);
  if (config.error) return <ErrorAlert>Could not copy the settings of {name}: {config.error.message}</ErrorAlert>;
  return (
    <div aria-busy="true" aria-label={`Copying the settings of ${name}`} className="grid gap-3">
      <Skeleton className="h-14 w-full" />
      <Skeleton className="h-40 w-full" />
    </div>
  );
}
