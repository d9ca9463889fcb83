/**
 * The audit trail channels (shared/contract/audit.ts): the log filtered and paged, the
 * verification an auditor runs with `focal audit verify`, and the filtered log as a file.
 */
import type { FocalApi } from '../../shared/contract'
import type { AUDIT_CHANNELS } from '../../shared/contract/audit'
import {
  auditPage,
  entriesCsv,
  entriesPdf,
  filteredEntries,
  verificationView,
} from './audit/audit-export'
import { verifyAudit } from './audit/verify-audit'
import type { Workspace } from './workspace/workspace'

/** The channels this module answers. */
export type AuditChannel = keyof typeof AUDIT_CHANNELS

/** Creates the handlers; `workspace` gives the open workspace or fails. */
export function createAuditServices(workspace: () => Workspace): Pick<FocalApi, AuditChannel> {
  return {
    'audit:log': async ({ offset, limit, ...filter }) =>
      auditPage(workspace(), filter, offset, limit),
    'audit:verify': async () => verificationView(await verifyAudit(workspace())),
    'audit:export': async ({ format, ...filter }) => {
      const ws = workspace()
      const entries = await filteredEntries(ws, filter)
      const stamp = new Date()
      const base = `${ws.name}-audit-${stamp.toISOString().slice(0, 10)}`
      if (format === 'csv')
        return {
          fileName: `${base}.csv`,
          mediaType: 'text/csv',
          // Oldest first, as `focal audit log --csv` writes it.
          base64: Buffer.from(entriesCsv([...entries].reverse()), 'utf8').toString('base64'),
        }
      const verification = verificationView(await verifyAudit(ws))
      const bytes = await entriesPdf(ws.name, entries, verification, filter, stamp)
      return {
        fileName: `${base}.pdf`,
        mediaType: 'application/pdf',
        base64: Buffer.from(bytes).toString('base64'),
      }
    },
  }
}
