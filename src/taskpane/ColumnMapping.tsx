// The register columns found by header text, and pickers for the ones that were not.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { RegisterField } from '../engine/index.js';
import { ColumnPicker } from './ColumnPicker.js';
import { columnTitle, type MappingRow } from './registerColumns.js';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  found: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    margin: '0',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  pair: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: '0', overflowWrap: 'anywhere', color: tokens.colorNeutralForeground2 },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingBottom: tokens.spacingVerticalS },
});

export function ColumnMapping(props: {
  headers: readonly string[];
  rows: readonly MappingRow[];
  onChange: (field: RegisterField, index: number | undefined) => void;
}) {
  const styles = useStyles();
  const found = props.rows.filter((r) => r.detected !== undefined);
  const requiredOpen = props.rows.filter((r) => r.required && r.detected === undefined);
  const optionalOpen = props.rows.filter((r) => !r.required && r.detected === undefined);
  return (
    <div className={styles.stack}>
      <Caption1>
        {`${found.length} av ${props.rows.length} kolumner hittades på rubrikraden.`}
        {requiredOpen.length > 0 && ' Välj kolumn för de fält som krävs.'}
      </Caption1>
      {requiredOpen.map((r) => (
        <ColumnPicker key={r.field} row={r} onChange={(i) => props.onChange(r.field, i)} />
      ))}
      <Accordion collapsible>
        <AccordionItem value="columns">
          <AccordionHeader size="small">Visa kolumnkopplingen</AccordionHeader>
          <AccordionPanel className={styles.panel}>
            {found.length > 0 && (
              <dl className={styles.found} aria-label="Kolumner som hittades">
                {found.map((r) => (
                  <div key={r.field} className={styles.pair}>
                    <dt className={styles.term}>{r.label}</dt>
                    <dd className={styles.detail}>{columnTitle(props.headers, r.detected!)}</dd>
                  </div>
                ))}
              </dl>
            )}
            {optionalOpen.map((r) => (
              <ColumnPicker key={r.field} row={r} onChange={(i) => props.onChange(r.field, i)} />
            ))}
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </div>
  );
}
