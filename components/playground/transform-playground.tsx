"use client";

import { useEffect, useState } from "react";
import { ToggleGroup } from "@/components/connector-form/form-controls";
import { findPlugin } from "@/components/connector-form/plugin-lookup";
import { SampleEditor } from "@/components/playground/sample-editor";
import { connectorTopic, planRequest, restoreInput, type PlaygroundInput } from "@/components/playground/sample-input";
import { SampleTripView } from "@/components/playground/sample-trip";
import { runFailure } from "@/components/playground/stage-text";
import { ConsoleApiError } from "@/components/queries/console-api";
import { usePlaygroundRun, type PlaygroundRun } from "@/components/queries/playground";
import type { PluginInfo } from "@/components/queries/plugins";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { RefreshIcon } from "@/components/ui/icons";
import type { ConnectorConfig } from "@/server/contracts/connect";

/** Where the playground keeps its samples, so that they survive leaving the step or reloading. */
const STORAGE_KEY = "tributary.playground.input";

/** How many trips start open, besides the first that failed; the others are one click away. */
const OPEN_TRIPS = 3;

const SOURCES = [
  { value: "pasted" as const, label: "Paste records" },
  { value: "latest" as const, label: "Newest records of a topic" },
];

function savedInput(): PlaygroundInput {
  try {
    return restoreInput(window.sessionStorage.getItem(STORAGE_KEY));
  } catch {
    return restoreInput(null);
  }
}

function statusText(reason: string | null, run: PlaygroundRun): string {
  if (reason) return reason;
  if (run.running) return "Running the samples…";
  if (run.error) return "The samples could not run with this config.";
  if (!run.data) return "";
  const count = (outcome: string) => run.data!.results.filter((trip) => trip.outcome === outcome).length;
  const total = run.data.results.length;
  return `${total} ${total === 1 ? "sample" : "samples"}: ${count("delivered")} delivered, ${count("dropped")} dropped, ${count("failed")} failed`;
}

/** Props of `TransformPlayground`. */
export interface TransformPlaygroundProps {
  /** The wizard's current config, run as it is whenever it or the samples change. */
  config: Readonly<ConnectorConfig>;
  plugins: readonly PluginInfo[];
}

/**
 * "Try it": runs pasted records, or the newest records of a topic, through the config's
 * converters, transforms and predicates without starting the connector (`POST
 * /api/console/playground`), half a second after the config or the samples last changed, and
 * shows each sample's trip stage by stage. Answers to an earlier config never replace the
 * current one's; the samples are kept for the browser tab's session.
 */
export function TransformPlayground({ config, plugins }: TransformPlaygroundProps) {
  const [input, setInput] = useState(savedInput);
  useEffect(() => {
    try {
      window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(input));
    } catch {
      // storage full or disabled: the samples last as long as the step
    }
  }, [input]);
  const pluginKind = findPlugin(plugins, ["source", "sink"], config["connector.class"] ?? "")?.type;
  const knownKind = pluginKind === "source" || pluginKind === "sink" ? pluginKind : undefined;
  const plan = planRequest(input, config, knownKind);
  const run = usePlaygroundRun(plan.ok ? plan.request : null);
  const kind = run.data?.kind ?? knownKind ?? "sink";
  const status = statusText(plan.ok ? null : plan.reason, run);
  const firstFailure = run.data?.results.findIndex((trip) => trip.outcome === "failed");
  const latestTopic = plan.ok ? plan.request.latest?.topic : undefined;
  const failure = run.error ? runFailure({ message: run.error.message, code: run.error instanceof ConsoleApiError ? run.error.code : undefined }, latestTopic) : null;
  return (
    <Card labelledBy="playground-title">
      <CardHeader
        titleId="playground-title"
        title="Try it"
        description="Run sample records through these converters, transforms and predicates without starting the connector. Nothing is written to Kafka."
        actions={
          <Button onClick={run.rerun} disabled={!plan.ok || run.running}>
            <RefreshIcon className="size-3.5" aria-hidden="true" />
            Run again
          </Button>
        }
      />
      <div className="grid gap-5 px-5 py-4">
        <ToggleGroup label="Samples" value={input.source} options={SOURCES} onChange={(source) => setInput({ ...input, source })} />
        <SampleEditor input={input} defaultTopic={connectorTopic(config, knownKind)} onChange={setInput} />
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {status}
        </p>
        {failure ? (
          <div className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300">
            <p className="font-medium">{failure.message}</p>
            <p className="mt-1 text-red-700/90 dark:text-red-300/80">{failure.hint}</p>
          </div>
        ) : null}
        {run.data && !run.error ? (
          <section aria-label="Trips through the pipeline" aria-busy={!run.current} className={`grid gap-3 transition-opacity ${run.current ? "" : "opacity-60"}`}>
            {run.data.results.map((trip, index) => (
              <SampleTripView key={index} trip={trip} index={index} kind={kind} config={config} defaultOpen={index < OPEN_TRIPS || index === firstFailure} />
            ))}
          </section>
        ) : null}
      </div>
    </Card>
  );
}
