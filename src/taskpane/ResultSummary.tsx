// Key figures of the last run: what a preview shows before anything is written.
import { Body1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { monthLabel } from './months.js';
import type { RunView } from './paneState.js';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: '0',
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: '0', overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  total: { margin: '0', fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  error: { margin: '0', color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function ResultSummary({ run }: { run: RunView }) {
  const styles = useStyles();
  const s = run.summary;
  const month = monthLabel(run.month);
  const rows: [string, string, string?][] = [
    ['Personer', String(s.persons)],
    ['Fakturarader', String(s.lines)],
    ['Totalt', s.total, styles.total],
    ['Fel', `${s.errors}${s.errors > 0 ? ' (raderna är inte fakturerade)' : ''}`, s.errors > 0 ? styles.error : undefined],
    ['Varningar', String(s.warnings)],
    ['Taxa', s.tariff],
    ['Maxtaxa', `${s.maxtaxa} per månad`],
    ['Delmånad', s.proration],
    ['Påminnelsedagar', String(s.reminderDays)],
    ['Registerrader', String(s.registerRows)],
  ];
  return (
    <div className={styles.box} data-testid="result-summary">
      <Body1Strong>
        {run.kind === 'preview' ? `Förhandsgranskning ${month}: inget är skrivet` : `Faktura ${month} är skapad`}
      </Body1Strong>
      <dl className={styles.list}>
        {rows.map(([term, value, cls]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={cls ?? styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
