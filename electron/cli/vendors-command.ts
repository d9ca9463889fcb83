/**
 * `focal vendors`: the vendor register (electron/core/vendors). The vendors the data names
 * with their cost per billing period and currency, the vendors and contracts entered by hand
 * (add, update, remove; each audited), the renewals due and the overlaps by category.
 */
import { resolve } from 'node:path'
import {
  EMPTY_VENDOR,
  VendorInputSchema,
  type VendorEntry,
  type VendorInput,
  type VendorRegister,
} from '../../shared/contract/vendors'
import { formatMoney } from '../../shared/money'
import { deleteVendor, saveVendor, vendorRegister } from '../core/vendors/vendor-register'
import { Workspace } from '../core/workspace/workspace'
import { refused, textTable } from './format'
import { parseCommand, usageError, WORKSPACE_OPTIONS } from './usage'

/** The command's lines in `focal --help`. */
export const VENDORS_HELP = `focal vendors -w <workspace.focal> [--as-of YYYY-MM-DD] [--json]
      The vendor register: the vendors the data names (as service provider, publisher or
      invoice issuer) with their BilledCost and EffectiveCost per billing period and currency,
      the vendors and contracts entered by hand, the renewals due in the next 90 days (as of
      today, UTC, or --as-of) with their notice deadlines, and the categories holding two or
      more vendors.
  focal vendors add -w <workspace.focal> --name <name> [vendor options] [--json]
  focal vendors update <id> -w <workspace.focal> [vendor options] [--json]
  focal vendors remove <id> -w <workspace.focal> [--json]
      Vendor options: --category, --owner, --contract-start, --contract-end, --renewal
      (dates YYYY-MM-DD), --notice-days <n>, --data-held, --exit-plan, --annual-value <decimal>
      with --currency <ISO code>. An empty value ("") clears a field on update.`

const FIELD_OPTIONS = {
  name: 'name',
  category: 'category',
  owner: 'owner',
  'contract-start': 'contractStart',
  'contract-end': 'contractEnd',
  renewal: 'renewalDate',
  'notice-days': 'noticeDays',
  'data-held': 'dataHeld',
  'exit-plan': 'exitPlan',
  'annual-value': 'annualValue',
  currency: 'currency',
} as const satisfies Record<string, keyof VendorInput>

type FieldOption = keyof typeof FIELD_OPTIONS

function usage(message: string): number {
  return usageError(message, VENDORS_HELP)
}

/** Runs `focal vendors …`; `argv` is everything after `vendors`. Exit 0, 1 refused, 2 usage. */
export async function runVendorsCommand(argv: string[]): Promise<number> {
  const options = Object.fromEntries(
    Object.keys(FIELD_OPTIONS).map((o) => [o, { type: 'string' as const }]),
  ) as Record<FieldOption, { type: 'string' }>
  const parsed = parseCommand(
    argv,
    { ...WORKSPACE_OPTIONS, ...options, 'as-of': { type: 'string' } },
    VENDORS_HELP,
  )
  if (typeof parsed === 'number') return parsed
  const { values, positionals } = parsed
  const [action = 'list', ...args] = positionals
  if (!['list', 'add', 'update', 'remove'].includes(action))
    return usage(`Unknown vendors action ${action}; use add, update or remove, or none to list.`)
  if (!values.workspace) return usage('focal vendors needs -w <workspace.focal>.')
  const asOf = values['as-of']
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    return usage(`--as-of takes a date YYYY-MM-DD, not "${asOf}".`)
  const given = Object.keys(FIELD_OPTIONS).filter((o) => values[o as FieldOption] !== undefined)
  if ((action === 'list' || action === 'remove') && given.length > 0)
    return usage(`focal vendors ${action} takes no vendor options.`)
  if (action === 'list' && args.length > 0) return usage('focal vendors takes no arguments.')
  if (action === 'add' && args.length > 0) return usage('focal vendors add takes no id.')
  if (action === 'add' && !values.name) return usage('focal vendors add needs --name <name>.')
  let id: number | undefined
  if (action === 'update' || action === 'remove') {
    id = Number(args[0])
    if (args.length !== 1 || !Number.isInteger(id) || id < 1)
      return usage(`focal vendors ${action} needs one vendor id (see focal vendors).`)
  }
  const noticeDays = values['notice-days']
  if (noticeDays !== undefined && noticeDays !== '' && !/^\d{1,4}$/.test(noticeDays))
    return usage(`--notice-days takes a whole number of days, not "${noticeDays}".`)
  const json = values.json
  const ws = await Workspace.open(resolve(values.workspace), {
    create: action === 'add',
    ...(action === 'list' ? { readOnly: true } : {}),
  }).catch((cause: unknown) => cause)
  if (!(ws instanceof Workspace)) return refused(ws, json)
  try {
    if (action === 'list') {
      const register = await vendorRegister(ws, asOf)
      console.log(
        json ? JSON.stringify({ ok: true, ...register }, null, 2) : registerText(register),
      )
      return 0
    }
    if (action === 'remove') {
      const removed = await deleteVendor(ws, id ?? 0)
      console.log(
        json ? JSON.stringify({ ok: true, ...removed }) : `Removed vendor ${id} (${removed.name}).`,
      )
      return 0
    }
    const base =
      action === 'update'
        ? ((await vendorRegister(ws)).entries.find((e) => e.id === id) ?? {
            ...EMPTY_VENDOR,
            name: '?',
          })
        : EMPTY_VENDOR
    const input = withOptions(base, values)
    const check = VendorInputSchema.safeParse(input)
    if (!check.success) {
      const issue = check.error.issues[0]
      const option = Object.entries(FIELD_OPTIONS).find(([, f]) => f === issue?.path[0])?.[0]
      return usage(`--${option ?? String(issue?.path[0])}: ${issue?.message ?? 'not valid'}.`)
    }
    const saved = await saveVendor(ws, check.data, id)
    console.log(
      json
        ? JSON.stringify({ ok: true, ...saved }, null, 2)
        : `Saved vendor ${saved.id} (${saved.name})${saved.dataName ? `, matched to ${saved.dataName} in the data` : ''}.`,
    )
    return 0
  } catch (cause) {
    return refused(cause, json)
  } finally {
    await ws.close()
  }
}

function withOptions(
  base: VendorInput | VendorEntry,
  values: Partial<Record<FieldOption, string>>,
): VendorInput {
  const input: Record<string, unknown> = Object.fromEntries(
    (Object.keys(EMPTY_VENDOR) as Array<keyof VendorInput>).map((k) => [k, base[k]]),
  )
  for (const [option, field] of Object.entries(FIELD_OPTIONS)) {
    const value = values[option as FieldOption]
    if (value === undefined) continue
    const text = value.trim()
    input[field] =
      text === '' ? (field === 'name' ? '' : null) : field === 'noticeDays' ? Number(text) : text
  }
  return input as VendorInput
}

const ROLE_TEXT = { provider: 'provider', publisher: 'publisher', invoiceIssuer: 'invoice issuer' }

/** The register as text: the data's vendors, the entries, the renewals due, the overlaps. */
export function registerText(register: VendorRegister): string {
  const money = (value: string | null, currency: string | null): string =>
    value === null || currency === null ? '' : formatMoney(value, currency)
  const parts = [
    register.costs.length === 0
      ? 'No vendors in the data (import billing data first).'
      : `Vendors in the data (a row counts under each role it names the vendor in; roles are never added together):\n${textTable(
          ['vendor', 'role', 'period', 'currency', 'BilledCost', 'EffectiveCost', 'rows'],
          register.costs.map((c) => [
            c.name,
            ROLE_TEXT[c.role],
            c.period,
            c.currency,
            money(c.billedCost, c.currency),
            money(c.effectiveCost, c.currency),
            String(c.rows),
          ]),
          new Set([4, 5, 6]),
        )}`,
    '',
    register.entries.length === 0
      ? 'No vendors entered by hand (focal vendors add --name <name>).'
      : `Vendors and contracts entered:\n${textTable(
          [
            'id',
            'vendor',
            'category',
            'owner',
            'contract',
            'renewal',
            'notice',
            'annual value',
            'in data',
          ],
          register.entries.map((e) => [
            String(e.id),
            e.name,
            e.category ?? '',
            e.owner ?? '',
            e.contractStart || e.contractEnd
              ? `${e.contractStart ?? '…'} to ${e.contractEnd ?? '…'}`
              : '',
            e.renewalDate ?? '',
            e.noticeDays === null ? '' : `${e.noticeDays} days`,
            money(e.annualValue, e.currency),
            e.dataName ?? '',
          ]),
          new Set([0, 7]),
        )}`,
    '',
    `Renewals due from ${register.asOf} to ${register.windowDays} days on:`,
    register.renewals.length === 0
      ? '  none'
      : textTable(
          ['id', 'vendor', 'renewal', 'in days', 'notice deadline'],
          register.renewals.map((r) => [
            String(r.id),
            r.name,
            r.renewalDate,
            String(r.daysToRenewal),
            r.noticeDeadline === null
              ? '(no notice period entered)'
              : `${r.noticeDeadline}${r.noticePassed ? ' (passed)' : ''}`,
          ]),
          new Set([0, 3]),
        ),
    '',
    'Overlaps by category (two or more vendors):',
    register.overlaps.length === 0
      ? '  none'
      : register.overlaps.map((o) => `  ${o.category}: ${o.vendors.join(', ')}`).join('\n'),
  ]
  return parts.join('\n')
}
