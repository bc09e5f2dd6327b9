// Task pane entry. Kept minimal on purpose: the real pane is built in src/taskpane/ later.
import { createRoot } from "react-dom/client";
import { FluentProvider, Title3, webLightTheme } from "@fluentui/react-components";

function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <main>
        <Title3 as="h1">VT-avgifter</Title3>
      </main>
    </FluentProvider>
  );
}

// Render only once Office has initialised, so later code can call Excel APIs straight away.
Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) throw new Error("Elementet #root saknas i taskpane.html.");
  createRoot(container).render(<App />);
});
