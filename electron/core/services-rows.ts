/**
 * The drill-through channels of the core services: a page of a pivot cell's rows, one row's
 * detail, and its source line from the folders this session was shown. A folder reaches the
 * core only from a host's own dialog or the CLI's argument, never from the UI.
 */
import { fail, type FocalApi, type RowKey, type RowSource } from '../../shared/contract'
import { isMasked } from './presentation/presentation-mode'
import { evidenceBundle } from './rows/evidence'
import { rowDetail } from './rows/row-detail'
import { rowSource } from './rows/row-source'
import { rowsPage } from './rows/rows-page'
import { SourceLinks } from './rows/source-links'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type RowsChannel = 'rows:page' | 'rows:detail' | 'rows:source' | 'rows:evidence'

/** Creates the drill-through handlers with their session's source folders. */
export function createRowsServices(workspace: () => Workspace): {
  api: Pick<FocalApi, RowsChannel>
  /** "Show in source" with a folder a host vetted; it stays linked for the session. */
  sourceIn(key: RowKey, folder: string): Promise<RowSource>
} {
  const links = new SourceLinks()
  return {
    api: {
      'rows:page': async (request) => rowsPage(workspace(), request),
      'rows:detail': async (key) => rowDetail(workspace(), key),
      'rows:source': async (key) => rowSource(unmasked(workspace()), key, links),
      'rows:evidence': async ({ request, title }) => {
        const bundle = await evidenceBundle(workspace(), request, title, new Date())
        return {
          fileName: bundle.fileName,
          mediaType: 'application/zip',
          base64: Buffer.from(bundle.bytes).toString('base64'),
          rows: bundle.rows,
        }
      },
    },
    sourceIn: (key, folder) => rowSource(unmasked(workspace()), key, links, folder),
  }
}

// The source line is the file as written: in presentation mode it would show every id the
// screens mask, so it is refused until the mode is off.
function unmasked(ws: Workspace): Workspace {
  if (isMasked(ws))
    fail(
      'BAD_REQUEST',
      'Show in source is off in presentation mode: the source line holds the ids it masks.',
      {
        hint: 'Switch presentation mode off (Present, in the header) to see the line as the file wrote it.',
      },
    )
  return ws
}
