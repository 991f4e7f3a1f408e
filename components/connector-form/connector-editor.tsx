"use client";

import Link from "next/link";
import { ConfigStep } from "@/components/connector-form/config-steps";
import type { WizardStep } from "@/components/connector-form/config-fields";
import { EditReview } from "@/components/connector-form/edit-review";
import { useConnectorWizard } from "@/components/connector-form/use-connector-wizard";
import { WizardFrame } from "@/components/connector-form/wizard-frame";
import { editWizardState, STEP_LABELS } from "@/components/connector-form/wizard-state";
import { isNotFound, useConnectorConfig } from "@/components/queries/connector";
import { usePlugins, type PluginInfo } from "@/components/queries/plugins";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorAlert } from "@/components/ui/error-alert";
import { PlugIcon } from "@/components/ui/icons";
import { Skeleton } from "@/components/ui/skeleton";
import type { ConnectorConfig } from "@/server/contracts/connect";

const LABELS = { ...STEP_LABELS, review: "Review changes" };

function EditForm({ name, current, plugins }: { name: string; current: ConnectorConfig; plugins: readonly PluginInfo[] }) {
  const wizard = useConnectorWizard(() => editWizardState(name, current));
  const { state, dispatch, validation, isSecret } = wizard;
  const go = (step: WizardStep) => dispatch({ type: "go", step });
  const stepLabel = (step: WizardStep) => (state.steps.includes(step) ? LABELS[step] : undefined);
  const stepContent =
    state.step === "settings" || state.step === "pipeline" || state.step === "errors" ? (
      <ConfigStep step={state.step} state={state} dispatch={dispatch} validation={validation} plugins={plugins} isSecret={isSecret} nameTaken={wizard.nameTaken} />
    ) : null;
  return <WizardFrame wizard={wizard} labels={LABELS} stepContent={stepContent} review={<EditReview name={name} wizard={wizard} current={current} stepLabel={stepLabel} onGo={go} />} />;
}

/**
 * Editing connector `name`: the create wizard's forms (settings, converters and transforms,
 * error handling) prefilled from `GET /connectors/{c}/config`, or the JSON editor; the last step
 * shows the diff against the connector's current config before `PUT` applies it. An unknown
 * connector shows "Connector not found" with a way back.
 */
export function ConnectorEditor({ name }: { name: string }) {
  const config = useConnectorConfig(name);
  const plugins = usePlugins();
  if (isNotFound(config.error)) {
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
        There is no connector named <span className="font-mono">{name}</span> to edit. It may have been deleted.
      </EmptyState>
    );
  }
  const error = config.error ?? plugins.error;
  if (error) return <ErrorAlert>Could not load {name}&apos;s config: {error.message}. Check that the worker is running, then reload.</ErrorAlert>;
  if (!config.data || !plugins.data) {
    return (
      <div aria-busy="true" aria-label={`Loading ${name}'s config`} className="grid gap-3">
        <Skeleton className="h-10 w-96" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }
  return <EditForm name={name} current={config.data} plugins={plugins.data} />;
}
