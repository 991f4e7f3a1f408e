"use client";

import { useMemo, useReducer, type Dispatch } from "react";
import { configProblems, secretKeyTest, type ConfigProblem } from "@/components/connector-form/config-fields";
import { wizardReducer, type WizardAction, type WizardState } from "@/components/connector-form/wizard-state";
import { useConnectors } from "@/components/queries/connectors";
import { useLive } from "@/components/queries/live-events";
import { useConfigValidation, type ConfigValidation } from "@/components/queries/validation";

/** The wizard's state, its dispatch, the live validation of its config, which keys are secret, and what needs fixing. */
export interface ConnectorWizard {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  validation: ConfigValidation;
  isSecret: (key: string) => boolean;
  /** Why the name cannot be used (a connector of that name exists), checked as it is typed; null when it can. */
  nameTaken: string | null;
  /** Every setting to fix: the worker's validation (one message per value) and a taken name. */
  problems: ConfigProblem[];
}

/** The message for a name another connector already has. */
export function takenNameMessage(name: string): string {
  return `A connector named ${name} already exists on this cluster: choose another name, or edit that one.`;
}

/**
 * Holds a create wizard or edit form (`init` builds the first state, once) and validates its
 * config against the worker as it changes (debounced). Secrets are the keys the answer declares
 * PASSWORD plus those named like secrets. A new connector's name is checked against the cluster's
 * connectors (the live list) as it is typed; an edited connector keeps its own.
 */
export function useConnectorWizard(init: () => WizardState): ConnectorWizard {
  const [state, dispatch] = useReducer(wizardReducer, undefined, init);
  const validation = useConfigValidation(state.config);
  const connectors = useConnectors(useLive());
  const isSecret = useMemo(() => secretKeyTest(validation.infos), [validation.infos]);
  const name = state.config.name?.trim() ?? "";
  const nameTaken = state.lockedName === undefined && name !== "" && connectors.data !== undefined && name in connectors.data ? takenNameMessage(name) : null;
  const problems = useMemo(() => {
    const found = validation.infos ? configProblems(validation.infos) : [];
    return nameTaken ? [{ key: "name", errors: [nameTaken], step: "settings" as const }, ...found.filter((problem) => problem.key !== "name")] : found;
  }, [validation.infos, nameTaken]);
  return { state, dispatch, validation, isSecret, nameTaken, problems };
}
