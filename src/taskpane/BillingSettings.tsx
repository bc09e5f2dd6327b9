// The billing overrides (§5, §9). Empty means the Taxa sheet's (or the built-in tariff's) value.
import { Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';
import { SETTING_LABEL, SETTING_RANGE, type SettingKey, type SettingProblem } from '../engine/index.js';
import { settingOptions, type ChoiceSettingKey, type NumberSettingKey, type SettingInputs } from './settingInputs.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  control: { minWidth: '0', width: '100%' },
});

type Props = {
  inputs: SettingInputs;
  problems: readonly SettingProblem[];
  onChange: (key: SettingKey, text: string) => void;
};

function ChoiceSetting({ setting, hint, inputs, onChange }: Props & { setting: ChoiceSettingKey; hint: string }) {
  const styles = useStyles();
  const options = settingOptions(setting);
  const current = options.find((o) => o.value === (inputs[setting] ?? '')) ?? options[0]!;
  return (
    <Field label={SETTING_LABEL[setting]} hint={hint}>
      <Dropdown
        // Not clearable: null drops the hidden button Fluent labels "Clear selection" (English).
        clearButton={null}
        className={styles.control}
        value={current.label}
        selectedOptions={[current.value]}
        onOptionSelect={(_, d) => onChange(setting, d.optionValue ?? '')}
      >
        {options.map((o) => (
          <Option key={o.value} value={o.value} text={o.label}>
            {o.label}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function NumberSetting({ setting, hint, inputs, problems, onChange }: Props & { setting: NumberSettingKey; hint: string }) {
  const styles = useStyles();
  const problem = problems.find((p) => p.setting === setting);
  const { min, max } = SETTING_RANGE[setting];
  return (
    <Field
      label={SETTING_LABEL[setting]}
      validationState={problem ? 'error' : 'none'}
      validationMessage={problem ? `${problem.message} Lämna tomt för taxans värde.` : undefined}
      hint={problem ? undefined : hint}
    >
      <Input
        className={styles.control}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        placeholder="Enligt taxan"
        value={inputs[setting] ?? ''}
        onChange={(_, d) => onChange(setting, d.value)}
      />
    </Field>
  );
}

export function BillingSettings(props: Props) {
  const styles = useStyles();
  return (
    <div className={styles.stack}>
      <ChoiceSetting {...props} setting="proration" hint="Vad en påbörjad eller avslutad månad kostar (R1)." />
      <NumberSetting
        {...props}
        setting="reminderDays"
        hint="Dagar efter påminnelsen innan ej återlämnad teknik debiteras (R4). Tomt: enligt taxan."
      />
      <NumberSetting
        {...props}
        setting="correctionMonths"
        hint="Hur många fakturerade månader bakåt som räknas om och rättas (R7). 0 stänger av rättelser. Tomt: enligt taxan."
      />
      <ChoiceSetting
        {...props}
        setting="retroDebits"
        hint="Om en rättelse som höjer vad någon betalar för en tidigare månad debiteras, eller bara rapporteras som varning (R7)."
      />
    </div>
  );
}
