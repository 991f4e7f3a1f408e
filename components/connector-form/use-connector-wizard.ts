"use client";

import { useMemo, useReducer, type Dispatch } from "react";
import { secretKeyTest } from "@/components/connector-form/config-fields";
import { wizardReducer, type WizardAction, type WizardState } from "@/components/connector-form/wizard-state";
import { useConfigValidation, type ConfigValidation } from "@/components/queries/validation";

/** The wizard's state, its dispatch, the live validation of its config, and which keys are secret. */
export interface ConnectorWizard {
  state: WizardState;
  dispatch: Dispatch<WizardAction>;
  validation: ConfigValidation;
  isSecret: (key: string) => boolean;
}

/**
 * Holds a create wizard or edit form (`init` builds the first state, once) and validates its
 * config against the worker as it changes (debounced). Secrets are the keys the answer declares
 * PASSWORD plus those named like secrets.
 */
export function useConnectorWizard(init: () => WizardState): ConnectorWizard {
  const [state, dispatch] = useReducer(wizardReducer, undefined, init);
  const validation = useConfigValidation(state.config);
  const isSecret = useMemo(() => secretKeyTest(validation.infos), [validation.infos]);
  return { state, dispatch, validation, isSecret };
}
