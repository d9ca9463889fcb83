// Builds the Node entry points once before the suite, so CLI tests run the real built command.
export default async function setup(): Promise<void> {
  // @ts-expect-error -- plain ESM build script without type declarations
  const { buildNodeEntries } = await import('../scripts/build-node.mjs')
  await buildNodeEntries()
}
