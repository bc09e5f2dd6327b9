// Proration and reminder days. Empty means the Taxa sheet's (or the built-in tariff's) value.
import { Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';
import { SETTING_LABEL, SETTING_RANGE, type SettingKey, type SettingProblem } from '../engine/index.js';
import { prorationOptions, type SettingInputs } from './settingInputs.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  control: { minWidth: '0', width: '100%' },
});

export function BillingSettings(props: {
  inputs: SettingInputs;
  problems: readonly SettingProblem[];
  onChange: (key: SettingKey, text: string) => void;
}) {
  const styles = useStyles();
  const options = prorationOptions();
  const current = options.find((o) => o.value === (props.inputs.proration ?? '')) ?? options[0]!;
  const reminderProblem = props.problems.find((p) => p.setting === 'reminderDays');
  const { min, max } = SETTING_RANGE.reminderDays;
  return (
    <div className={styles.stack}>
      <Field label={SETTING_LABEL.proration} hint="Vad en påbörjad eller avslutad månad kostar (R1).">
        <Dropdown
          // Not clearable: null drops the hidden button Fluent labels "Clear selection" (English).
          clearButton={null}
          className={styles.control}
          value={current.label}
          selectedOptions={[current.value]}
          onOptionSelect={(_, d) => props.onChange('proration', d.optionValue ?? '')}
        >
          {options.map((o) => (
            <Option key={o.value} value={o.value} text={o.label}>
              {o.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        label={SETTING_LABEL.reminderDays}
        validationState={reminderProblem ? 'error' : 'none'}
        validationMessage={reminderProblem ? `${reminderProblem.message} Lämna tomt för taxans värde.` : undefined}
        hint={
          reminderProblem ? undefined : 'Dagar efter påminnelsen innan ej återlämnad teknik debiteras (R4). Tomt: enligt taxan.'
        }
      >
        <Input
          className={styles.control}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          placeholder="Enligt taxan"
          value={props.inputs.reminderDays ?? ''}
          onChange={(_, d) => props.onChange('reminderDays', d.value)}
        />
      </Field>
    </div>
  );
}
