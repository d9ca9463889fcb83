/** How the registry and an import's details colour each import status. */
import type { ImportRecord } from '../../../../shared/contract'

/** The badge colour of each import status: green stored, red failed, grey nothing needed doing. */
export const STATUS_COLORS: Readonly<Record<ImportRecord['status'], string>> = {
  imported: 'green',
  duplicate: 'gray',
  skipped: 'gray',
  failed: 'red',
  cancelled: 'orange',
  running: 'blue',
  interrupted: 'orange',
}

/** True when the attempt left rows in the workspace (only an imported file does). */
export function storedRows(record: ImportRecord): boolean {
  return record.status === 'imported'
}

/** "import #3 (costs.csv)", or "import #3" when the registry does not list it. */
export function describeImport(id: number, imports: readonly ImportRecord[]): string {
  const other = imports.find((record) => record.id === id)
  return other ? `import #${id} (${other.fileName})` : `import #${id}`
}
