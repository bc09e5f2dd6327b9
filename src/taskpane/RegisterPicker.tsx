// Which sheet is the device register.
import { Button, Dropdown, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import type { WorkbookOverview } from '../workbook/index.js';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  field: { flexGrow: 1, minWidth: '0' },
  dropdown: { minWidth: '0', width: '100%' },
});

export function RegisterPicker(props: {
  overview: WorkbookOverview | undefined;
  value: string | undefined;
  disabled: boolean;
  onChange: (sheet: string) => void;
  onRefresh: () => void;
}) {
  const styles = useStyles();
  const sheets = props.overview?.sheets ?? [];
  const current = sheets.find((s) => s.name === props.value);
  const rows = (n: number) => (n === 1 ? '1 rad' : `${n} rader`);
  return (
    <div className={styles.row}>
      <Field label="Registerblad" className={styles.field} hint="Bladet med enhetsregistret. Det ändras aldrig.">
        <Dropdown
          // Not clearable: null drops the hidden button Fluent labels "Clear selection" (English).
          clearButton={null}
          className={styles.dropdown}
          placeholder={props.overview ? 'Välj blad' : 'Läser arbetsboken …'}
          value={current ? current.name : ''}
          selectedOptions={current ? [current.name] : []}
          disabled={!props.overview}
          onOptionSelect={(_, d) => d.optionValue && props.onChange(d.optionValue)}
        >
          {sheets.map((s) => (
            <Option key={s.name} value={s.name} text={s.name}>
              {`${s.name} (${rows(s.rowCount)})`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button size="small" disabledFocusable={props.disabled} onClick={props.onRefresh}>
        Läs in bladen igen
      </Button>
    </div>
  );
}
