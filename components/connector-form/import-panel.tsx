"use client";

import { useId, useState } from "react";
import { ConfigImportError, parseConnectorText, type ImportedConfig } from "@/components/connector-form/config-import";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { ErrorAlert } from "@/components/ui/error-alert";

/**
 * "Start from an existing config": a text area for Kafka Connect JSON (a POST body, a
 * `GET /connectors/{c}` answer or a flat map) or a `.properties` file, which can also be loaded
 * from disk. "Fill the form" reads it and hands the result to `onImport`; what cannot be read is
 * explained below the text.
 */
export function ImportPanel({ onImport }: { onImport: (imported: ImportedConfig) => void }) {
  const id = useId();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    try {
      onImport(parseConnectorText(text));
      setError(null);
    } catch (caught) {
      if (!(caught instanceof ConfigImportError)) throw caught;
      setError(caught.message);
    }
  };
  return (
    <Card labelledBy={`${id}-title`}>
      <CardHeader
        titleId={`${id}-title`}
        title="Or start from an existing config"
        description="Paste Kafka Connect JSON ({&quot;name&quot;, &quot;config&quot;} or a flat map) or a connector .properties file; the form fills in and validates it."
      />
      <div className="grid gap-3 px-5 py-4">
        <label htmlFor={`${id}-text`} className="text-sm font-medium text-zinc-900 dark:text-zinc-100">
          Connector config (JSON or .properties)
        </label>
        <textarea
          id={`${id}-text`}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setError(null);
          }}
          rows={7}
          spellCheck={false}
          placeholder={"name=local-file-source\nconnector.class=FileStreamSource\nfile=/tmp/test.txt\ntopic=connect-test"}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-error` : undefined}
          className="w-full rounded-md border border-zinc-300 bg-white p-3 font-mono text-[0.8125rem] leading-5 text-zinc-900 shadow-xs placeholder:text-zinc-400 aria-[invalid=true]:border-red-400 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-600"
        />
        {error ? (
          <div id={`${id}-error`}>
            <ErrorAlert>Could not read this config: {error}</ErrorAlert>
          </div>
        ) : null}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <label className="text-sm text-zinc-600 dark:text-zinc-400">
            <span className="mr-2">Or load a file:</span>
            <input
              type="file"
              accept=".properties,.json,.txt,application/json,text/plain"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (file) setText(await file.text());
              }}
              className="text-sm file:mr-2 file:rounded-md file:border file:border-zinc-200 file:bg-white file:px-2.5 file:py-1 file:text-sm file:font-medium dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-200"
            />
          </label>
          <Button onClick={apply} disabled={text.trim() === ""}>
            Fill the form
          </Button>
        </div>
      </div>
    </Card>
  );
}
