// The run's problems; activating one selects its cell in the register.
import { Badge, Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useListStyles } from './listStyles.js';
import type { Problem } from '../engine/index.js';
import { LIST_LIMIT } from './cellText.js';
import { problemPlace, problemTarget } from './problemText.js';

const useStyles = makeStyles({
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  place: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  message: { overflowWrap: 'anywhere' },
  more: { color: tokens.colorNeutralForeground2 },
});

export function ProblemList(props: {
  problems: readonly Problem[];
  registerSheet: string;
  problemSheet: string;
  onSelect: (p: Problem) => void;
}) {
  const styles = useStyles();
  const list = useListStyles();
  if (props.problems.length === 0) return <Caption1>Inga problem hittades.</Caption1>;
  const shown = props.problems.slice(0, LIST_LIMIT);
  return (
    <>
      <Caption1>Välj ett problem för att markera cellen i registret.</Caption1>
      <ul className={list.list} aria-label="Problem">
        {shown.map((p, i) => {
          const place = problemPlace(p, props.registerSheet);
          const content = (
            <>
              <span className={styles.head}>
                <Badge appearance="tint" color={p.severity === 'Fel' ? 'danger' : 'warning'} size="small">
                  {p.severity}
                </Badge>
                <span className={styles.place}>{place || 'Hela bladet'}</span>
              </span>
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
          {`Visar ${shown.length} av ${props.problems.length}. Alla står i bladet ${props.problemSheet} när fakturan är skapad.`}
        </Caption1>
      )}
    </>
  );
}
