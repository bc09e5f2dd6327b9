// The billing overrides as the pane's fields hold them: the text typed or the option chosen,
// blank for "as the Taxa sheet says". Read with the engine's one parser (parseOverrides).
import {
  parseOverrides,
  PRORATION_LABEL,
  PRORATIONS,
  SETTING_KEYS,
  type BillingOverrides,
  type Proration,
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

export function prorationOptions(): { value: Proration | ''; label: string }[] {
  return [{ value: '', label: 'Enligt taxan' }, ...PRORATIONS.map((p) => ({ value: p, label: PRORATION_LABEL[p] }))];
}
