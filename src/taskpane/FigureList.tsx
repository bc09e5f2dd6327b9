// Key figures as a term–value list in a shaded box: the run's summary and the export's.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export const useFigureStyles = makeStyles({
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
    // Terms wrap at words beyond 45 % of the pane, so a value is never squeezed into a few letters.
    gridTemplateColumns: 'fit-content(45%) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: '0',
  },
  pair: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: '0', overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  total: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  warning: { fontWeight: tokens.fontWeightSemibold },
});

/** Term, value and an emphasis class for the value. */
export type Figure = [term: string, value: string, className?: string];

export function FigureBox({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <div className={useFigureStyles().box} data-testid={testId}>
      {children}
    </div>
  );
}

export function FigureList({ figures, label }: { figures: readonly Figure[]; label?: string }) {
  const styles = useFigureStyles();
  return (
    <dl className={styles.list} aria-label={label}>
      {figures.map(([term, value, cls]) => (
        <div key={term} className={styles.pair}>
          <dt className={styles.term}>{term}</dt>
          <dd className={mergeClasses(styles.value, cls)}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
