/**
 * Turns user-chosen paths (a dialog's or a drop's) into StagedFile tokens:
 * vet every path first, stage none unless all pass, so a drop never half
 * happens. The renderer only ever sees the tokens.
 */
import type { Result, StagedFile } from '../../shared/contract'
import { describeRejected, vetDroppedPaths } from './vet-paths'

/** Stages one vetted path in the engine (main's privileged `host:stageFile`). */
export type StageFile = (path: string, name: string) => Promise<Result<StagedFile>>

/** Vets `paths` and stages them all, or explains which ones cannot be imported. */
export async function stagePaths(
  paths: readonly string[],
  stage: StageFile,
): Promise<Result<StagedFile[]>> {
  const { ok, rejected } = await vetDroppedPaths(paths)
  if (rejected.length > 0) {
    return {
      ok: false,
      error: {
        code: 'IO_ERROR',
        message: `Nothing was imported: ${describeRejected(rejected)}`,
        details: { rejected: rejected.map(({ name, reason }) => ({ name, reason })) },
      },
    }
  }
  const staged: StagedFile[] = []
  for (const file of ok) {
    const result = await stage(file.path, file.name)
    if (!result.ok) return result
    staged.push(result.value)
  }
  return { ok: true, value: staged }
}
