"use client";

import { useRouter } from "next/navigation";
import { configDiff } from "@/components/connector-form/config-diff";
import { ConfigDiffView } from "@/components/connector-form/config-diff-view";
import type { WizardStep } from "@/components/connector-form/config-fields";
import { PrimaryButton } from "@/components/connector-form/form-controls";
import { JsonEditor } from "@/components/connector-form/json-editor";
import { ProblemList } from "@/components/connector-form/problem-list";
import { ServerErrorAlert } from "@/components/connector-form/server-error-alert";
import type { ConnectorWizard } from "@/components/connector-form/use-connector-wizard";
import { useUpdateConnectorConfig } from "@/components/queries/connector-writes";
import type { ConnectorConfig } from "@/server/contracts/connect";

/** Props of `EditReview`. */
export interface EditReviewProps {
  name: string;
  wizard: ConnectorWizard;
  /** The connector's config on the worker now: what the diff compares against. */
  current: Readonly<ConnectorConfig>;
  stepLabel: (step: WizardStep) => string | undefined;
  onGo: (step: WizardStep) => void;
}

/**
 * The edit form's last step: the diff of the edited config against the connector's current one
 * (added, removed and changed keys; secrets masked), the JSON editor in the JSON view, what still
 * needs fixing, and Apply (`PUT /connectors/{c}/config`). Apply needs at least one change and a
 * config the worker validated without errors; on success the connector's page opens.
 */
export function EditReview({ name, wizard, current, stepLabel, onGo }: EditReviewProps) {
  const router = useRouter();
  const update = useUpdateConnectorConfig(name);
  const { state, dispatch, validation, isSecret, problems } = wizard;
  const changes = configDiff(current, state.config, isSecret);
  const ready = validation.current && problems.length === 0 && state.json.error === null && changes.length > 0;
  const submit = () => update.mutate(state.config, { onSuccess: () => router.push(`/connectors/${encodeURIComponent(name)}`) });
  const counts = (["added", "changed", "removed"] as const).map((kind) => [kind, changes.filter((change) => change.kind === kind).length] as const).filter(([, count]) => count > 0);
  return (
    <div className="grid gap-6">
      <div>
        <h2 className="text-base font-semibold text-zinc-900 dark:text-zinc-100">Review changes</h2>
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          {changes.length === 0 ? "Nothing changed yet." : `${changes.length} ${changes.length === 1 ? "key" : "keys"}: ${counts.map(([kind, count]) => `${count} ${kind}`).join(", ")}.`} Applying
          replaces the connector&apos;s config; its tasks restart with the new one.
        </p>
      </div>
      {state.view === "json" ? <JsonEditor state={state} dispatch={dispatch} /> : null}
      <ConfigDiffView changes={changes} caption={`Changes to ${name}`} />
      <ProblemList problems={problems} stepLabel={stepLabel} onGo={onGo} />
      {update.error ? <ServerErrorAlert error={update.error} action="update" /> : null}
      <div className="flex flex-wrap items-center justify-end gap-3">
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{changes.length > 0 && !validation.current && !validation.error ? "Waiting for the worker to check the config…" : null}</p>
        <PrimaryButton onClick={submit} disabled={!ready || update.isPending}>
          {update.isPending ? "Applying…" : changes.length === 1 ? "Apply 1 change" : `Apply ${changes.length} changes`}
        </PrimaryButton>
      </div>
    </div>
  );
}
