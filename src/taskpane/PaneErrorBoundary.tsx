// A render error must not leave a blank pane: show what to do, in Swedish.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export class PaneErrorBoundary extends Component<{ children: ReactNode }, { message?: string }> {
  override state: { message?: string } = {};

  static getDerivedStateFromError(error: unknown): { message: string } {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('VT-avgifter: fel i panelen', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.message === undefined) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Panelen kunde inte visas</MessageBarTitle>
          {`Stäng panelen och öppna den igen. Inget i arbetsboken har ändrats av felet. (Teknisk information: ${this.state.message})`}
        </MessageBarBody>
      </MessageBar>
    );
  }
}
