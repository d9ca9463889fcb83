// The lookup CSVs in resources/lookups are imported as text: Vite and vitest
// through `?raw`, esbuild through its text loader for `.csv` (scripts/build-node.mjs).
declare module '*.csv?raw' {
  const text: string
  export default text
}
