/** The root component: theme, store, and the first call to the host. */
import { Center, Loader, MantineProvider } from '@mantine/core'
import { useEffect } from 'react'
import { ErrorAlert } from '../components/error-alert'
import type { AppStore } from '../state/store'
import { StoreProvider, useAppStore } from '../state/store-context'
import { Shell } from './shell'
import { theme } from './theme'

function Startup() {
  const start = useAppStore((s) => s.start)
  const task = useAppStore((s) => s.sessionTask)
  const appInfo = useAppStore((s) => s.appInfo)
  useEffect(() => {
    void start()
  }, [start])
  if (appInfo) return <Shell />
  if (task.status === 'failed' && task.error) {
    return (
      <Center h="100vh" p="xl">
        <ErrorAlert error={task.error} title="Focal could not start" />
      </Center>
    )
  }
  return (
    <Center h="100vh">
      <Loader />
    </Center>
  )
}

/** Focal's UI over a store. */
export function App({ store }: { store: AppStore }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <StoreProvider store={store}>
        <Startup />
      </StoreProvider>
    </MantineProvider>
  )
}
