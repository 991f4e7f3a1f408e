"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { useCan } from "@/components/auth/use-can";
import { connectorsJson, connectorsProperties, curlCommand, exportFileName } from "@/components/connectors/config-export";
import { downloadFile } from "@/components/connectors/download-file";
import { useConnectorConfig } from "@/components/queries/connector";
import { ChevronDownIcon } from "@/components/ui/icons";

const item = "block w-full rounded-md px-3 py-2 text-left text-sm text-zinc-800 hover:bg-zinc-100 disabled:opacity-50 dark:text-zinc-200 dark:hover:bg-zinc-800";

/**
 * "Clone and export": clone the connector (the wizard opens with its config and a new name),
 * copy a `curl` command that creates it through the Connect REST API, or download its config as
 * JSON (a `POST /connectors` body) or `.properties`. Copies and files carry secrets as
 * `********`; a clone keeps them without showing them. Clone is offered only to users who may
 * create a connector (the editor role on some pattern).
 */
export function ConnectorShareMenu({ name }: { name: string }) {
  const config = useConnectorConfig(name);
  const [copied, setCopied] = useState<string | null>(null);
  const mayClone = useCan()("edit").allowed;
  const menu = useRef<HTMLDetailsElement>(null);
  const done = () => {
    if (menu.current) menu.current.open = false;
  };
  const connectors = config.data ? [{ name, config: config.data }] : [];
  const copy = async () => {
    if (!config.data) return;
    try {
      await navigator.clipboard.writeText(curlCommand(`${window.location.origin}/api/connect`, name, config.data));
      setCopied("Copied a curl command; secret values read ********.");
    } catch {
      setCopied("The browser did not allow copying to the clipboard.");
    }
  };
  return (
    <div className="relative">
      <details ref={menu} className="group">
        <summary className="inline-flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-3 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden">
          Clone &amp; export
          <ChevronDownIcon className="size-3.5 transition-transform group-open:rotate-180" />
        </summary>
        <div className="absolute right-0 z-30 mt-1 w-64 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {mayClone ? <Link href={`/connectors/new?from=${encodeURIComponent(name)}`} className={item}>Clone…</Link> : null}
          <button type="button" className={item} disabled={!config.data} onClick={() => {
              done();
              void copy();
            }}>Copy as curl</button>
          <button type="button" className={item} disabled={!config.data} onClick={() => {
              done();
              downloadFile(exportFileName(name, "json"), connectorsJson(connectors), "application/json");
            }}>
            Download JSON
          </button>
          <button type="button" className={item} disabled={!config.data} onClick={() => {
              done();
              downloadFile(exportFileName(name, "properties"), connectorsProperties(connectors), "text/plain");
            }}>
            Download .properties
          </button>
          <p className="px-3 py-1.5 text-xs text-zinc-500 dark:text-zinc-400">Copies and files show secret values as ********.</p>
        </div>
      </details>
      <p role="status" className="absolute right-0 mt-1 w-64 text-right text-xs text-zinc-600 dark:text-zinc-400">{copied}</p>
    </div>
  );
}
