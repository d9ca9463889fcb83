/**
 * Keeps the saved allocation rules and the column catalog in step with the
 * workspace's data: both reload whenever an import changed the data. Used by
 * the Allocate and Reports screens, which both need them.
 */
import { useEffect } from 'react'
import { useAppStore } from './store-context'

/** Reloads saved rules and the catalog when they are older than the workspace's data. */
export function useFreshAllocation(): void {
  const workspace = useAppStore((s) => s.workspace)
  const dataVersion = useAppStore((s) => s.dataVersion)
  const allocVersion = useAppStore((s) => s.allocVersion)
  const loading = useAppStore((s) => s.allocLoadTask.status === 'running')
  const load = useAppStore((s) => s.loadAllocation)
  const catalogVersion = useAppStore((s) => s.catalogVersion)
  const catalogRunning = useAppStore((s) => s.catalogTask.status === 'running')
  const loadCatalog = useAppStore((s) => s.loadCatalog)
  useEffect(() => {
    if (workspace && allocVersion !== dataVersion && !loading) void load()
  }, [workspace, allocVersion, dataVersion, loading, load])
  useEffect(() => {
    if (workspace && catalogVersion !== dataVersion && !catalogRunning) void loadCatalog()
  }, [workspace, catalogVersion, dataVersion, catalogRunning, loadCatalog])
}
