// A titled block of the pane; headings let screen-reader users jump between parts.
import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

export function Section({ title, children, labelId }: { title: string; children: ReactNode; labelId: string }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={labelId}>
      <Subtitle2 as="h2" id={labelId}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}
