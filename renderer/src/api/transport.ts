/**
 * What the UI talks to: the API contract plus events and file staging. One
 * implementation per host (web host over HTTP, Electron over the preload bridge).
 */
import type { EventName, EventOf, FocalApi, StagedFile } from '../../../shared/contract'

/** The contract's API, pushed events, and a way to hand the host files the user chose. */
export interface FocalTransport extends FocalApi {
  /** Listens to one pushed event; returns the unsubscribe function. */
  subscribe<E extends EventName>(event: E, listener: (payload: EventOf<E>) => void): () => void
  /** Hands files the user dropped or picked to the host, which stages them and returns import tokens. */
  pickAndStageFiles(files: File[]): Promise<StagedFile[]>
}
