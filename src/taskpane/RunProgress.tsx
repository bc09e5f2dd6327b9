// Progress of the running action; the text is announced politely to screen readers.
import { Field, ProgressBar } from '@fluentui/react-components';

export function RunProgress({ fraction, text }: { fraction: number; text: string }) {
  return (
    <Field validationMessage={text} validationState="none" aria-live="polite">
      <ProgressBar value={fraction} max={1} thickness="large" aria-label="Förlopp" />
    </Field>
  );
}
