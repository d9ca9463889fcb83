/**
 * An internal chargeback export no billing format matches (Date, Team,
 * Amount, Currency, Service, Project; semicolons, German decimal comma and
 * thousands dots, dd.mm.yyyy dates), written from amounts held as integer
 * thousandths, so expected totals are sums of integers, never Focal's reading.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { UserMapping } from '../../shared/formats/user-mapping'
import { tempDir } from './paths'

/** One row of the export; `mills` is the amount in thousandths of its currency. */
export interface ChargebackRow {
  readonly date: string
  readonly team: string
  readonly mills: bigint
  readonly currency: string
  readonly service: string
  readonly project: string
}

const TEAMS = ['Platform', 'Data', 'Web', 'Mobile']
const SERVICES = ['EC2', 'S3', 'Lambda', 'Kafka']

/** 37 rows over two months, EUR and USD, negative credits, amounts past a thousand. */
export function chargebackRows(): ChargebackRow[] {
  return Array.from({ length: 37 }, (_, i) => ({
    date: `${String((i % 28) + 1).padStart(2, '0')}.${i < 20 ? '01' : '02'}.2026`,
    team: TEAMS[i % TEAMS.length] ?? '',
    // Every seventh row a credit; every fifth over a thousand.
    mills: BigInt((i % 7 === 6 ? -1 : 1) * ((i % 5 === 0 ? 1_234_567 : 0) + i * 1_003 + 5)),
    currency: i % 4 === 3 ? 'USD' : 'EUR',
    service: SERVICES[i % SERVICES.length] ?? '',
    project: i % 3 === 0 ? '' : `P-${i % 3}`,
  }))
}

/** An amount in thousandths written German style: `1.234,567`, `-12,005`. */
export function germanAmount(mills: bigint): string {
  const sign = mills < 0n ? '-' : ''
  const abs = mills < 0n ? -mills : mills
  const whole = (abs / 1000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')
  return `${sign}${whole},${(abs % 1000n).toString().padStart(3, '0')}`
}

/** The header of the export. */
export const CHARGEBACK_HEADER = ['Date', 'Team', 'Amount', 'Currency', 'Service', 'Project']

/** Writes the export to a temp folder and returns its path. */
export function writeChargebackCsv(rows = chargebackRows(), name = 'chargeback-2026.csv'): string {
  const lines = [
    CHARGEBACK_HEADER.join(';'),
    ...rows.map((r) =>
      [r.date, r.team, germanAmount(r.mills), r.currency, r.service, r.project].join(';'),
    ),
  ]
  const path = join(tempDir(), name)
  writeFileSync(path, `${lines.join('\r\n')}\r\n`)
  return path
}

/** Exact sums per currency as decimal text (thousandths as integers, then placed). */
export function chargebackSums(
  rows = chargebackRows(),
): Record<string, { rows: number; sum: string }> {
  const out: Record<string, { rows: number; mills: bigint }> = {}
  for (const r of rows) {
    const entry = (out[r.currency] ??= { rows: 0, mills: 0n })
    entry.rows += 1
    entry.mills += r.mills
  }
  return Object.fromEntries(
    Object.entries(out).map(([currency, { rows, mills }]) => {
      const abs = mills < 0n ? -mills : mills
      const text = `${mills < 0n ? '-' : ''}${abs / 1000n}.${(abs % 1000n).toString().padStart(3, '0')}`
      return [currency, { rows, sum: text.replace(/\.?0+$/, '') }]
    }),
  )
}

/** A mapping for the export, as a person would write it. */
export function chargebackMapping(): UserMapping {
  const date = { column: 'Date', date: '%d.%m.%Y' }
  const amount = { column: 'Amount', decimal: ',' as const, thousands: '.' as const }
  return {
    focalMapping: 1,
    name: 'Internal chargeback',
    header: CHARGEBACK_HEADER,
    columns: {
      BilledCost: amount,
      EffectiveCost: amount,
      BillingCurrency: { column: 'Currency' },
      ChargePeriodStart: date,
      ChargePeriodEnd: { ...date, addDays: 1 },
      BillingPeriodStart: { ...date, monthStart: true },
      BillingPeriodEnd: { ...date, monthStart: true, addMonths: 1 },
      ChargeCategory: { constant: 'Usage' },
      ServiceProviderName: { constant: 'Internal IT' },
      ServiceName: { column: 'Service' },
      ServiceCategory: {
        column: 'Service',
        lookup: { EC2: 'Compute', S3: 'Storage', Lambda: 'Compute' },
        otherwise: 'Other',
      },
      SubAccountName: { column: 'Team' },
    },
    tags: { columns: ['Team', 'Project'] },
  }
}
