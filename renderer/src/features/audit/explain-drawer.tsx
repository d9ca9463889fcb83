/**
 * "Explain this number" for a report figure (issue 11): the chain figure → rule version →
 * rules and pools → lines → source files, the figure as the pack recorded it and whether the
 * pack still matches the data, "Open rows" per part and the evidence bundle. Open while the
 * store holds a request (explain-slice.ts); shown on the Audit trail and Reports screens.
 */
import { Alert, Badge, Button, Drawer, Group, Loader, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import type { ExplainedFigureView } from '../../../../shared/contract/explain'
import { formatAmount, formatExact } from '../../../../shared/report'
import { ErrorAlert } from '../../components/error-alert'
import { useAppStore } from '../../state/store-context'
import { downloadExport } from '../explore/grid-export'
import { ExplainLines, ExplainParts, ExplainSources } from './explain-chain'

function Step({ n, title, children }: { n: number; title: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Title order={5}>
        {n}. {title}
      </Title>
      {children}
    </Stack>
  )
}

function Chain({ figure: f }: { figure: ExplainedFigureView }) {
  const evidence = useAppStore((s) => s.explainEvidence)
  const evidenceTask = useAppStore((s) => s.explain.evidenceTask)
  const download = async (): Promise<void> => {
    const file = await evidence()
    if (file) downloadExport(file)
  }
  return (
    <Stack gap="md" data-testid="explain-chain">
      <Step n={1} title="The figure">
        <Text data-testid="explain-figure" data-value={f.figure.exact}>
          <b>{formatExact(f.figure.exact, f.currency)}</b> exact ({f.metric}) from{' '}
          {f.figure.lines.toLocaleString('en-US')} line{f.figure.lines === 1 ? '' : 's'};{' '}
          {f.kind === 'chargeback' ? 'charged' : 'shown'}{' '}
          {formatAmount(f.figure.charged, f.currency)} after rounding to the minor unit.
        </Text>
        {f.pack ? (
          <Text size="sm" c="dimmed">
            Pack exported {f.pack.at.replace('T', ' ').replace('Z', ' UTC')} by {f.pack.actor}
            {f.pack.entrySeq === null ? '' : ` (audit entry ${f.pack.entrySeq})`}
            {f.recorded
              ? `; it recorded ${formatExact(f.recorded.exact, f.currency)}, charged ${formatAmount(f.recorded.charged, f.currency)}.`
              : '.'}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            From the Reports preview: no pack is recorded for these settings yet.
          </Text>
        )}
        {f.mismatch ? (
          <Alert
            color="red"
            title="The pack no longer matches the data"
            data-testid="explain-mismatch"
          >
            {f.mismatch}
          </Alert>
        ) : f.pack ? (
          <Badge color="teal" variant="light" tt="none" data-testid="explain-matches">
            The pack still matches the data
          </Badge>
        ) : null}
      </Step>
      <Step n={2} title="Rule version">
        <Text size="sm" data-testid="explain-rules">
          {f.rules
            ? `Version ${f.rules.version} by ${f.rules.author}, ${f.rules.createdAt.replace('T', ' ').replace('Z', ' UTC')}: “${f.rules.note}”.`
            : `No rules: ${f.ruleSet}.`}
        </Text>
      </Step>
      <Step n={3} title="Rules and pools that gave it">
        <ExplainParts figure={f} />
      </Step>
      <Step n={4} title="Allocated lines and their source rows">
        <ExplainLines figure={f} />
      </Step>
      <Step n={5} title="Source files">
        <ExplainSources figure={f} />
      </Step>
      <Group>
        <Button
          variant="light"
          loading={evidenceTask.status === 'running'}
          onClick={() => void download()}
          data-testid="explain-evidence"
        >
          Evidence bundle (ZIP)
        </Button>
        <Text size="xs" c="dimmed" maw={560}>
          Every line and source row, the totals, the source files&apos; SHA-256 and audit entries,
          the rule version and the data of the pack&apos;s appendix for auditors.
        </Text>
      </Group>
      {evidenceTask.error ? (
        <ErrorAlert error={evidenceTask.error} title="No evidence bundle" />
      ) : null}
    </Stack>
  )
}

/** The Explain drawer. */
export function ExplainDrawer() {
  const explain = useAppStore((s) => s.explain)
  const close = useAppStore((s) => s.closeExplain)
  const request = explain.request
  return (
    <Drawer
      opened={request !== null}
      onClose={close}
      position="right"
      size={960}
      title={
        request
          ? `Explain: ${request.target}${request.currency ? ` (${request.currency})` : ''}, ${request.kind ?? 'report'} ${request.period}`
          : 'Explain'
      }
      styles={{ title: { fontWeight: 700 } }}
    >
      <div data-testid="explain-drawer" aria-busy={explain.task.status === 'running'}>
        {explain.task.error ? (
          <ErrorAlert error={explain.task.error} title="This figure cannot be explained" />
        ) : explain.figure ? (
          <Chain figure={explain.figure} />
        ) : (
          <Loader m="md" />
        )}
      </div>
    </Drawer>
  )
}
