// Bench section for the custom functions; filled in with the functions themselves.
export async function benchFunctions(say: (line: string) => void): Promise<void> {
  say('funktioner: inga att mäta ännu');
}
