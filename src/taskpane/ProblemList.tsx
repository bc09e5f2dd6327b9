// The run's problems; activating one selects its cell in the register.
import { Badge, Caption1, createFocusOutlineStyle, makeStyles, tokens } from '@fluentui/react-components';
import type { Problem } from '../engine/index.js';
import { LIST_LIMIT, problemPlace, problemTarget } from './paneLogic.js';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  clickable: {
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  focus: createFocusOutlineStyle(),
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  place: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  message: { overflowWrap: 'anywhere' },
  more: { color: tokens.colorNeutralForeground2 },
});

export function ProblemList(props: { problems: readonly Problem[]; registerSheet: string; problemSheet: string; onSelect: (p: Problem) => void }) {
  const styles = useStyles();
  if (props.problems.length === 0) return <Caption1>Inga problem hittades.</Caption1>;
  const shown = props.problems.slice(0, LIST_LIMIT);
  return (
    <>
      <Caption1>Välj ett problem för att markera cellen i registret.</Caption1>
      <ul className={styles.list} aria-label="Problem">
        {shown.map((p, i) => {
          const place = problemPlace(p, props.registerSheet);
          const content = (
            <>
              <span className={styles.head}>
                <Badge appearance="tint" color={p.severity === 'Fel' ? 'danger' : 'warning'} size="small">{p.severity}</Badge>
                <span className={styles.place}>{place || 'Hela bladet'}</span>
              </span>
              <span className={styles.message}>{p.message}</span>
            </>
          );
          return (
            <li key={i}>
              {problemTarget(p) ? (
                <button type="button" className={`${styles.item} ${styles.clickable} ${styles.focus}`} onClick={() => props.onSelect(p)}>
                  {content}
                </button>
              ) : (
                <div className={styles.item}>{content}</div>
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
