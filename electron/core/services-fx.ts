/**
 * The exchange rate channels of the core services (electron/core/fx): the rates files and
 * rates in force, and a rates CSV uploaded as its name and text. No path crosses the
 * boundary; the SHA-256 is of the text's UTF-8 bytes, as `focal fx import` hashes the file.
 */
import { createHash } from 'node:crypto'
import type { FocalApi } from '../../shared/contract'
import { importRates, listFxImports, readRates } from './fx/fx-rates'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type FxChannel = 'fx:list' | 'fx:import'

/** Creates the fx handlers. */
export function createFxServices(workspace: () => Workspace): Pick<FocalApi, FxChannel> {
  return {
    'fx:list': async () => {
      const ws = workspace()
      return { imports: await listFxImports(ws), rates: await readRates(ws) }
    },
    'fx:import': async ({ fileName, text }) => {
      const sha256 = createHash('sha256').update(text, 'utf8').digest('hex')
      return importRates(workspace(), text, fileName, sha256)
    },
  }
}
