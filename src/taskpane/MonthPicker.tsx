// The billing month. A native select: reliable with keyboard and screen readers at any width.
import { Field, Select } from '@fluentui/react-components';
import { monthKey, type YearMonth } from '../engine/index.js';
import { monthOptions } from './months.js';

export function MonthPicker({ month, today, onChange }: { month: YearMonth; today: Date; onChange: (month: YearMonth) => void }) {
  const options = monthOptions(today, month);
  return (
    <Field label="Månad" hint="Förvalt är förra månaden.">
      <Select
        value={monthKey(month)}
        onChange={(_, d) => {
          const chosen = options.find((o) => o.key === d.value);
          if (chosen) onChange(chosen.month);
        }}
      >
        {options.map((o) => (
          <option key={o.key} value={o.key}>{`${o.label} (${o.key})`}</option>
        ))}
      </Select>
    </Field>
  );
}
