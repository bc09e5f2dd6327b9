// Proration and reminder days. Empty means the Taxa sheet's (or the built-in tariff's) value.
import { Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';
import type { Proration } from '../engine/index.js';
import { parseReminderDays, prorationOptions } from './paneLogic.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  control: { minWidth: '0', width: '100%' },
});

export function BillingSettings(props: {
  proration: Proration | undefined;
  reminderDaysText: string;
  onProration: (p: Proration | undefined) => void;
  onReminderDays: (text: string) => void;
}) {
  const styles = useStyles();
  const options = prorationOptions();
  const current = options.find((o) => o.value === (props.proration ?? ''))!;
  const reminder = parseReminderDays(props.reminderDaysText);
  return (
    <div className={styles.stack}>
      <Field label="Delmånad" hint="Vad en påbörjad eller avslutad månad kostar (R1).">
        <Dropdown
          // Not clearable: null drops the hidden button Fluent labels "Clear selection" (English).
          clearButton={null}
          className={styles.control}
          value={current.label}
          selectedOptions={[current.value]}
          onOptionSelect={(_, d) => props.onProration(d.optionValue ? (d.optionValue as Proration) : undefined)}
        >
          {options.map((o) => (
            <Option key={o.value} value={o.value} text={o.label}>
              {o.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        label="Påminnelsedagar"
        validationState={reminder.ok ? 'none' : 'error'}
        validationMessage={reminder.ok ? undefined : reminder.message}
        hint={reminder.ok ? 'Dagar efter påminnelsen innan ej återlämnad teknik debiteras (R4). Tomt: enligt taxan.' : undefined}
      >
        <Input
          className={styles.control}
          type="number"
          inputMode="numeric"
          min={0}
          max={3650}
          placeholder="Enligt taxan"
          value={props.reminderDaysText}
          onChange={(_, d) => props.onReminderDays(d.value)}
        />
      </Field>
    </div>
  );
}
