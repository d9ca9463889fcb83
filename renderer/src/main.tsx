/** Renderer entry: picks the transport for this host, creates the store, renders the app. */
import '@mantine/core/styles.css'
import './app/global.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createTransport } from './api'
import { App } from './app/app'
import { createAppStore } from './state/store'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element.')

void createTransport().then((transport) => {
  createRoot(root).render(
    <StrictMode>
      <App store={createAppStore(transport)} />
    </StrictMode>,
  )
})
