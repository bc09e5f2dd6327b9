// The run's problems, or the export's refusals; activating one selects its cell.
import { Badge, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useListStyles } from './listStyles.js';
import type { Problem } from '../engine/index.js';
import { cellText, LIST_LIMIT } from './cellText.js';
import { problemPlace, problemTarget } from './problemText.js';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  place: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  message: { overflowWrap: 'anywhere' },
  more: { color: tokens.colorNeutralForeground2 },
});

export function ProblemList(props: {
  problems: readonly Problem[];
  /** Problems on this sheet do not name it. */
  registerSheet?: string;
  onSelect: (p: Problem) => void;
  /** The list's accessible name. */
  label?: string;
  intro?: string;
  /** Below a list cut at LIST_LIMIT: where the rest are. */
  more?: (shown: number, total: number) => string;
  place?: (p: Problem) => string;
  /** Shows the value seen in the cell. */
  showValue?: boolean;
}) {
  const styles = useStyles();
  const list = useListStyles();
  if (props.problems.length === 0) return <Caption1>Inga problem hittades.</Caption1>;
  const shown = props.problems.slice(0, LIST_LIMIT);
  return (
    <>
      <Caption1>{props.intro ?? 'Välj ett problem för att markera cellen i registret.'}</Caption1>
      <ul className={list.list} aria-label={props.label ?? 'Problem'}>
        {shown.map((p, i) => {
          const place = props.place ? props.place(p) : problemPlace(p, props.registerSheet);
          const content = (
            <>
              <span className={styles.head}>
                <Badge appearance="tint" color={p.severity === 'Fel' ? 'danger' : 'warning'} size="small">
                  {p.severity}
                </Badge>
                <span className={styles.place}>{place || 'Hela bladet'}</span>
              </span>
              {props.showValue && p.value !== '' && <span className={styles.message}>{`Värde: ${cellText(p.value)}`}</span>}
              <span className={styles.message}>{p.message}</span>
            </>
          );
          return (
            <li key={i}>
              {problemTarget(p) ? (
                <button
                  type="button"
                  className={mergeClasses(list.item, list.clickable, list.focus)}
                  onClick={() => props.onSelect(p)}
                >
                  {content}
                </button>
              ) : (
                <div className={list.item}>{content}</div>
              )}
            </li>
          );
        })}
      </ul>
      {props.problems.length > shown.length && (
        <Caption1 className={styles.more}>
          {props.more ? props.more(shown.length, props.problems.length) : `Visar ${shown.length} av ${props.problems.length}.`}
        </Caption1>
      )}
    </>
  );
}
