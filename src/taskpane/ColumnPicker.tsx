// Picks the column for one register field whose header was not recognised.
import { Dropdown, Field, Option } from '@fluentui/react-components';
import type { MappingRow } from './registerColumns.js';

const NONE = '';

export function ColumnPicker({ row, onChange }: { row: MappingRow; onChange: (index: number | undefined) => void }) {
  const chosen = row.options.find((o) => o.index === row.chosen);
  const missing = row.required && !chosen;
  return (
    <Field
      label={row.label}
      required={row.required}
      validationState={missing ? 'error' : 'none'}
      validationMessage={missing ? `Krävs: välj kolumnen som innehåller ${row.label}.` : undefined}
    >
      <Dropdown
        // Not clearable: null drops the hidden button Fluent labels "Clear selection" (English).
        clearButton={null}
        placeholder={row.required ? 'Välj kolumn' : 'Ingen kolumn'}
        value={chosen?.title ?? ''}
        selectedOptions={chosen ? [String(chosen.index)] : []}
        onOptionSelect={(_, d) =>
          onChange(d.optionValue === undefined || d.optionValue === NONE ? undefined : Number(d.optionValue))
        }
      >
        {!row.required && (
          <Option value={NONE} text="Ingen kolumn">
            Ingen kolumn
          </Option>
        )}
        {row.options.map((o) => (
          <Option key={o.index} value={String(o.index)} text={o.title}>
            {o.title}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
