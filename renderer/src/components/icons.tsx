/** The few line icons Focal uses, inline so the app needs no icon font or remote asset. */
import type { ReactNode } from 'react'

function Icon({ size = 18, children }: { size?: number; children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  )
}

/** A shield with a tick: the verified audit trail. */
export function AuditIcon({ size }: { size?: number }) {
  return (
    <Icon size={size}>
      <path d="M12 3l7 3v6c0 4.4-3 7.7-7 9-4-1.3-7-4.6-7-9V6z" />
      <path d="M9 12l2 2 4-4" />
    </Icon>
  )
}

/** A calendar page: the weekly review. */
export function ReviewIcon({ size }: { size?: number }) {
  return (
    <Icon size={size}>
      <rect x="4" y="5" width="16" height="15" rx="2" />
      <path d="M8 3v4M16 3v4M4 10h16M8 14h3M8 17h6" />
    </Icon>
  )
}

/** A downward trend: savings. */
export function SavingsIcon({ size }: { size?: number }) {
  return (
    <Icon size={size}>
      <path d="M3 6l6 6 4-4 8 8" />
      <path d="M21 11v5h-5" />
    </Icon>
  )
}

/** A database drum: workspaces. */
export function WorkspaceIcon({ size }: { size?: number }) {
  return (
    <Icon size={size}>
      <ellipse cx="12" cy="5" rx="8" ry="3" />
      <path d="M4 5v14c0 1.7 3.6 3 8 3s8-1.3 8-3V5" />
      <path d="M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3" />
    </Icon>
  )
}

/** An arrow into a tray: importing files. */
export function ImportIcon({ size }: { size?: number }) {
  return (
    <Icon size={size}>
      <path d="M12 3v12" />
      <path d="m7 10 5 5 5-5" />
      <path d="M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
    </Icon>
  )
}

/** A checked list: what's loaded. */
export function LoadedIcon({ size }: { size?: number }) {
  return (
    <Icon size={size}>
      <path d="m3 6 2 2 3-3" />
      <path d="m3 13 2 2 3-3" />
      <path d="M12 7h9M12 14h9M4 20h17" />
    </Icon>
  )
}

/** Bars: explore. */
export function ExploreIcon({ size }: { size?: number }) {
  return (
    <Icon size={size}>
      <path d="M3 21h18" />
      <rect x="5" y="11" width="3" height="7" />
      <rect x="10.5" y="6" width="3" height="12" />
      <rect x="16" y="14" width="3" height="4" />
    </Icon>
  )
}

/** One line splitting into three: allocate. */
export function AllocateIcon({ size }: { size?: number }) {
  return (
    <Icon size={size}>
      <path d="M3 12h6" />
      <path d="M9 12c3 0 4-6 8-6h4" />
      <path d="M9 12h12" />
      <path d="M9 12c3 0 4 6 8 6h4" />
    </Icon>
  )
}

/** A page with lines: reports. */
export function ReportsIcon({ size }: { size?: number }) {
  return (
    <Icon size={size}>
      <path d="M6 3h9l4 4v14H6z" />
      <path d="M15 3v4h4" />
      <path d="M9 12h7M9 15.5h7M9 19h4" />
    </Icon>
  )
}

/** A luggage tag: tag keys and their aliases. */
export function TagsIcon({ size }: { size?: number }) {
  return (
    <Icon size={size}>
      <path d="M3 12V4a1 1 0 0 1 1-1h8l9 9-9 9z" />
      <circle cx="8" cy="8" r="1.6" />
    </Icon>
  )
}

/** Focal's mark: a lens over a bar. */
export function FocalMark({ size = 26 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-indigo-6)" />
      <circle cx="14" cy="14" r="7" fill="none" stroke="white" strokeWidth="2.5" />
      <path d="M19.5 19.5 25 25" stroke="white" strokeWidth="2.5" strokeLinecap="round" />
      <path d="M11 16v-3M14 16v-5M17 16v-2" stroke="white" strokeWidth="2" strokeLinecap="round" />
    </svg>
  )
}
