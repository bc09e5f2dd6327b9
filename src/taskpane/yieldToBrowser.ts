// Lets the browser paint the progress state before a long synchronous step (the engine).
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    // setTimeout alone can run before the next paint; a frame first guarantees one.
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}
