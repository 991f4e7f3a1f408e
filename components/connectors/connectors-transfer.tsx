"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { reasonOf } from "@/components/auth/can";
import { useCan } from "@/components/auth/use-can";
import { ConfigImportError, parseConnectorTexts, type ImportedConfig } from "@/components/connector-form/config-import";
import { PrimaryButton } from "@/components/connector-form/form-controls";
import { connectorsJson, connectorsProperties, exportFileName } from "@/components/connectors/config-export";
import { downloadFile } from "@/components/connectors/download-file";
import { connectRequest } from "@/components/queries/connector-api";
import { connectorsQueryKey, fetchConnectors, useConnectors } from "@/components/queries/connectors";
import { useLive } from "@/components/queries/live-events";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ErrorAlert } from "@/components/ui/error-alert";

type Outcome = { state: "waiting" } | { state: "created" } | { state: "failed"; message: string };

/** What the import list says of one found config: its outcome once creating started, else whether it can be created. */
function importNote(outcome: Outcome | undefined, name: string, existing: Record<string, unknown>): string {
  if (outcome?.state === "created") return "Created";
  if (outcome?.state === "failed") return outcome.message;
  if (outcome?.state === "waiting") return "Creating…";
  if (!name) return "No name: it will be refused";
  return name in existing ? "A connector of this name exists: it will be refused" : "Ready";
}

/** The note's colour: green once created, red when refused, grey otherwise. */
function noteTone(outcome: Outcome | undefined): string {
  if (outcome?.state === "created") return "text-emerald-700 dark:text-emerald-400";
  return outcome?.state === "failed" ? "text-red-700 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400";
}

const field = "w-full rounded-md border border-zinc-300 bg-white p-3 font-mono text-[0.8125rem] leading-5 text-zinc-900 shadow-xs dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100";

/** "Export all": every connector's config in one JSON file (an array of POST bodies) or one .properties file (blocks). Secrets read `********`. */
function ExportAll() {
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  const exportAs = async (format: "json" | "properties") => {
    try {
      const all = await fetchConnectors();
      const list = Object.entries(all).flatMap(([name, { info }]) => (info ? [{ name, config: info.config }] : []));
      const text = format === "json" ? connectorsJson(list, true) : connectorsProperties(list);
      downloadFile(exportFileName(null, format), text, format === "json" ? "application/json" : "text/plain");
      setError(null);
      if (menu.current) menu.current.open = false;
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <details ref={menu} className="group relative">
      <summary className="inline-flex h-8 cursor-pointer list-none items-center rounded-md border border-zinc-200 bg-white px-3 text-sm font-medium text-zinc-800 shadow-xs hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800 [&::-webkit-details-marker]:hidden">
        Export all
      </summary>
      <div className="absolute right-0 z-30 mt-1 w-56 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
        <button type="button" onClick={() => void exportAs("json")} className="block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">As JSON</button>
        <button type="button" onClick={() => void exportAs("properties")} className="block w-full rounded-md px-3 py-2 text-left text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">As .properties</button>
        <p className="px-3 py-1.5 text-xs text-zinc-500 dark:text-zinc-400">Secret values read ********.</p>
        {error ? <p className="px-3 py-1.5 text-xs text-red-700 dark:text-red-400">{error}</p> : null}
      </div>
    </details>
  );
}

/**
 * "Import…": paste, or load any number of JSON or `.properties` files (the console's exports
 * included), check the connectors found, then create them one by one with `POST /connectors`,
 * each row saying whether it was created or why not (a taken name, an invalid config). Greyed
 * out, with the reason, for a user without the editor role on any pattern.
 */
function ImportDialog() {
  const id = useId();
  const client = useQueryClient();
  const existing = useConnectors(useLive()).data ?? {};
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [found, setFound] = useState<ImportedConfig[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Record<number, Outcome>>({});
  const [running, setRunning] = useState(false);
  const mayCreate = useCan()("edit");
  const allCreated = found.every((_, index) => outcomes[index]?.state === "created");
  const read = (texts: string[]) => {
    try {
      setFound(texts.flatMap((each) => parseConnectorTexts(each)));
      setError(null);
    } catch (caught) {
      if (!(caught instanceof ConfigImportError)) throw caught;
      setFound([]);
      setError(caught.message);
    }
    setOutcomes({});
  };
  const createAll = async () => {
    setRunning(true);
    for (const [index, { config, initialState }] of found.entries()) {
      if (outcomes[index]?.state === "created") continue;
      setOutcomes((current) => ({ ...current, [index]: { state: "waiting" } }));
      try {
        const body = { name: config.name ?? "", config, ...(initialState ? { initial_state: initialState } : {}) };
        await connectRequest("/connectors", { method: "POST", body });
        setOutcomes((current) => ({ ...current, [index]: { state: "created" } }));
      } catch (caught) {
        setOutcomes((current) => ({ ...current, [index]: { state: "failed", message: (caught as Error).message } }));
      }
    }
    setRunning(false);
    void client.invalidateQueries({ queryKey: connectorsQueryKey });
  };
  const close = () => {
    setOpen(false);
    setText("");
    setFound([]);
    setOutcomes({});
    setError(null);
  };
  return (
    <>
      <Button disabled={!mayCreate.allowed} title={reasonOf(mayCreate)} onClick={() => setOpen(true)}>Import…</Button>
      <Dialog open={open} onClose={close} title="Import connectors">
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Kafka Connect JSON (one POST body, a flat config, or an array) or .properties files, such as the console&apos;s exports.</p>
        <label htmlFor={`${id}-text`} className="mt-3 block text-sm font-medium">Configs</label>
        <textarea id={`${id}-text`} rows={6} value={text} spellCheck={false} onChange={(event) => setText(event.target.value)} className={`mt-1 ${field}`} />
        <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
          <label className="text-sm text-zinc-600 dark:text-zinc-400">
            <span className="sr-only">Load files</span>
            <input
              type="file"
              multiple
              accept=".properties,.json,.txt,application/json,text/plain"
              onChange={async (event) => {
                const files = [...(event.target.files ?? [])];
                const texts = await Promise.all(files.map((file) => file.text()));
                setText(texts.join("\n\n"));
                read(texts);
              }}
              className="max-w-56 text-sm file:mr-2 file:rounded-md file:border file:border-zinc-200 file:bg-white file:px-2.5 file:py-1 file:text-sm file:font-medium dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-200"
            />
          </label>
          <Button onClick={() => read([text])} disabled={text.trim() === ""}>Read</Button>
        </div>
        {error ? <ErrorAlert className="mt-3">Could not read the configs: {error}</ErrorAlert> : null}
        {found.length > 0 ? (
          <ul aria-label="Connectors to import" className="mt-3 max-h-60 divide-y divide-zinc-200 overflow-auto rounded-md border border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
            {found.map(({ config }, index) => {
              const name = config.name ?? "";
              const outcome = outcomes[index];
              return (
                <li key={index} aria-label={name || `Connector ${index + 1}`} className="px-3 py-2">
                  <p className="truncate font-mono text-xs font-medium" title={name}>{name || "(no name)"} <span className="font-normal text-zinc-500">{config["connector.class"] ?? "no connector.class"}</span></p>
                  <p className={`text-xs break-words ${noteTone(outcome)}`}>{importNote(outcome, name, existing)}</p>
                </li>
              );
            })}
          </ul>
        ) : null}
        <div className="mt-5 flex justify-end gap-2">
          <Button onClick={close}>Close</Button>
          <PrimaryButton onClick={() => void createAll()} disabled={found.length === 0 || running || allCreated}>
            {running ? "Creating…" : `Create ${found.length === 1 ? "1 connector" : `${found.length} connectors`}`}
          </PrimaryButton>
        </div>
      </Dialog>
    </>
  );
}

/** The connectors list's transfer actions: "Export all" and "Import…". */
export function ConnectorsTransfer() {
  return (
    <>
      <ExportAll />
      <ImportDialog />
    </>
  );
}
