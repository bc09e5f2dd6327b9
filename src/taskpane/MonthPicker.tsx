// The billing month. A native select: reliable with keyboard and screen readers at any width.
import { Field, Select } from '@fluentui/react-components';
import { monthKey, type YearMonth } from '../engine/index.js';
import { monthOptions } from './paneLogic.js';

export function MonthPicker({ month, today, onChange }: { month: YearMonth; today: Date; onChange: (key: string) => void }) {
  const options = monthOptions(today, month);
  return (
    <Field label="Månad" hint="Förvalt är förra månaden.">
      <Select value={monthKey(month)} onChange={(_, d) => onChange(d.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{`${o.label} (${o.value})`}</option>
        ))}
      </Select>
    </Field>
  );
}
