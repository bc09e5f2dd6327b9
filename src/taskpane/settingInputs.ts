// The billing overrides as the pane's fields hold them: the text typed or the option chosen,
// blank for "as the Taxa sheet says". Read with the engine's one parser (parseOverrides).
import {
  parseOverrides,
  PRORATION_LABEL,
  PRORATIONS,
  RETRO_DEBITS,
  RETRO_DEBITS_LABEL,
  SETTING_KEYS,
  type BillingOverrides,
  type SettingKey,
  type SettingProblem,
} from '../engine/index.js';

export type SettingInputs = { readonly [K in SettingKey]?: string };

export function readSettingInputs(inputs: SettingInputs): {
  readonly overrides: BillingOverrides;
  readonly problems: readonly SettingProblem[];
} {
  return parseOverrides(inputs);
}

/** The fields showing stored overrides. */
export function inputsOf(overrides: BillingOverrides): SettingInputs {
  const out: { [K in SettingKey]?: string } = {};
  for (const key of SETTING_KEYS) {
    const value = overrides[key];
    if (value !== undefined) out[key] = String(value);
  }
  return out;
}

/** The settings chosen from a list, and the ones typed as a whole number. */
export type ChoiceSettingKey = 'proration' | 'retroDebits';
export type NumberSettingKey = 'reminderDays' | 'correctionMonths';

export interface SettingOption {
  /** The engine's code; '' for "as the Taxa sheet says". */
  readonly value: string;
  readonly label: string;
}

const AS_TAXA: SettingOption = { value: '', label: 'Enligt taxan' };

/** A choice setting's options, with Swedish labels, "Enligt taxan" first. */
export function settingOptions(key: ChoiceSettingKey): SettingOption[] {
  const choices =
    key === 'proration'
      ? PRORATIONS.map((p) => ({ value: p, label: PRORATION_LABEL[p] }))
      : RETRO_DEBITS.map((r) => ({ value: r, label: RETRO_DEBITS_LABEL[r] }));
  return [AS_TAXA, ...choices];
}
