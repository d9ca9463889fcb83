/**
 * The files of a written pack: name, size and SHA-256, each a download link
 * in the browser; in the desktop app the files are in the folder the user
 * chose, which has been opened, so the list says that instead.
 */
import {
  Alert,
  Anchor,
  Button,
  CopyButton,
  Group,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core'
import type { ReportJob } from '../../../../shared/contract'
import { formatBytes } from '../../components/amount'

function Sha({ sha256 }: { sha256: string }) {
  return (
    <CopyButton value={sha256}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : `${sha256} (click to copy)`} maw={560} multiline>
          <UnstyledButton onClick={copy} ff="monospace" fz="xs" aria-label={`SHA-256 ${sha256}`}>
            {sha256.slice(0, 12)}…
          </UnstyledButton>
        </Tooltip>
      )}
    </CopyButton>
  )
}

/** The file list of a finished job; `urlOf` null means the files are in a chosen folder. */
export function ExportFiles({
  job,
  urlOf,
  zipUrl,
  onOpenFolder,
}: {
  job: ReportJob
  urlOf: (name: string) => string | null
  /** The whole pack as one ZIP (web host), or null. */
  zipUrl: string | null
  /** Opens the pack's folder again (desktop app); absent where there is none. */
  onOpenFolder?: () => void
}) {
  const inFolder = job.delivery === 'folder'
  return (
    <>
      {zipUrl && !inFolder ? (
        <Group>
          <Button
            component="a"
            href={zipUrl}
            download={`${job.kind}-${job.period}.zip`}
            variant="light"
            data-testid="download-zip"
          >
            Download all (ZIP)
          </Button>
          <Text size="xs" c="dimmed">
            Every file below in one archive, folders kept.
          </Text>
        </Group>
      ) : null}
      {inFolder ? (
        <Alert color="teal" variant="light" data-testid="folder-opened">
          <Group justify="space-between" gap="sm">
            <Text size="sm">
              The pack was written to the folder you chose, which has been opened.
            </Text>
            {onOpenFolder ? (
              <Button size="xs" variant="light" onClick={onOpenFolder} data-testid="open-folder">
                Open folder
              </Button>
            ) : null}
          </Group>
        </Alert>
      ) : null}
      <Table verticalSpacing={4} fz="sm" data-testid="export-files">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th ta="right">Size</Table.Th>
            <Table.Th>SHA-256</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {job.files.map((file) => {
            const url = urlOf(file.name)
            return (
              <Table.Tr key={file.name} data-testid="export-file" data-name={file.name}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {url && !inFolder ? (
                      <Anchor href={url} download={file.name.split('/').pop()} size="sm">
                        {file.name}
                      </Anchor>
                    ) : (
                      <Text size="sm">{file.name}</Text>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td ta="right" className="amount">
                  {formatBytes(file.sizeBytes)}
                </Table.Td>
                <Table.Td>
                  <Sha sha256={file.sha256} />
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </>
  )
}
