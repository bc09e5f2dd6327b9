// Granska's result: every cell of the invoice sheet that differs from a fresh computation.
import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useListStyles } from './listStyles.js';
import type { CellDifference } from '../workbook/index.js';
import { cellText, LIST_LIMIT } from './cellText.js';
import type { ReviewView } from './paneState.js';

const useStyles = makeStyles({
  // A yellow edge, like the fill Granska puts on the differing cells.
  marked: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteYellowBorderActive}` },
  place: { fontWeight: tokens.fontWeightSemibold },
  values: { overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' },
  more: { color: tokens.colorNeutralForeground2 },
});

export function ReviewList({ review, onSelect }: { review: ReviewView; onSelect: (d: CellDifference) => void }) {
  const styles = useStyles();
  const list = useListStyles();
  if (review.differences.length === 0) {
    return <Caption1>{`Alla celler i ${review.sheet} stämmer med en ny beräkning.`}</Caption1>;
  }
  const shown = review.differences.slice(0, LIST_LIMIT);
  return (
    <>
      <Caption1>{`Cellerna är markerade i bladet ${review.sheet}. Välj en rad för att gå till cellen.`}</Caption1>
      <ul className={list.list} aria-label="Celler som skiljer sig">
        {shown.map((d) => (
          <li key={d.address}>
            <button
              type="button"
              className={mergeClasses(list.item, list.clickable, styles.marked, list.focus)}
              onClick={() => onSelect(d)}
            >
              <span className={styles.place}>{`${d.address} · ${d.header || 'utan rubrik'}`}</span>
              <span className={styles.values}>{`Beräknat: ${cellText(d.expected)}`}</span>
              <span className={styles.values}>{`I bladet: ${cellText(d.actual)}`}</span>
            </button>
          </li>
        ))}
      </ul>
      {review.differences.length > shown.length && (
        <Caption1
          className={styles.more}
        >{`Visar ${shown.length} av ${review.differences.length}; alla är markerade i bladet.`}</Caption1>
      )}
    </>
  );
}
