// Runs the built engine bundle in a worker thread as if it were an Electron
// utility process: `process.parentPort` delivers { data, ports } with ports
// shaped like MessagePortMain (events carry `.data`, explicit start()).
import { EventEmitter } from 'node:events'
import { pathToFileURL } from 'node:url'
import { parentPort as workerPort, workerData } from 'node:worker_threads'

const wrap = (port) => {
  const wrapped = {
    postMessage: (message) => port.postMessage(message),
    on(event, listener) {
      if (event === 'message') port.on('message', (data) => listener({ data }))
      else port.on(event, listener)
      return wrapped
    },
    start: () => port.start(),
    close: () => port.close(),
  }
  return wrapped
}

// Like Electron's ParentPort, queue messages until a 'message' listener exists.
const parent = new EventEmitter()
const queued = []
const deliver = ({ data, ports }) =>
  parent.emit('message', { data, ports: (ports ?? []).map(wrap) })
parent.on('newListener', (event) => {
  if (event === 'message') queueMicrotask(() => queued.splice(0).forEach(deliver))
})
workerPort.on('message', (message) => {
  if (parent.listenerCount('message') > 0) deliver(message)
  else queued.push(message)
})
process.parentPort = parent
await import(pathToFileURL(workerData.entry).href)
