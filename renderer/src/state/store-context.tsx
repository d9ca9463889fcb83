/** Makes the app store available to components. */
import { createContext, useContext, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { AppState, AppStore } from './store'

const StoreContext = createContext<AppStore | null>(null)

/** Provides the store to the tree below. */
export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>
}

/** Selects a value from the app store; re-renders when it changes. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useAppStore is used outside StoreProvider.')
  return useStore(store, selector)
}

/** The app store itself, for code that must act on a change before React renders it (auto-run.ts). */
export function useAppStoreApi(): AppStore {
  const store = useContext(StoreContext)
  if (!store) throw new Error('useAppStoreApi is used outside StoreProvider.')
  return store
}
