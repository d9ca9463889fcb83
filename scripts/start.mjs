// `npm start`: runs the Electron app when its binary is installed, otherwise
// the web host (DESIGN.md, Settled details: Starting). The binary is looked up
// through node_modules/electron/path.txt, never by require('electron'), which
// would try to download it on a machine without one.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The Electron executable named by electron's path.txt, or null when it is not installed. */
function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(
    root,
    'node_modules',
    'electron',
    'dist',
    readFileSync(pathFile, 'utf8').trim(),
  )
  return existsSync(binary) ? binary : null
}

/** Runs a command to completion, inheriting the terminal; exits with its code on failure. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options })
    child.on('exit', (code, signal) => {
      if (code === 0) resolve()
      else process.exit(code ?? (signal ? 1 : 0))
    })
  })
}

/** Builds once when the output the chosen host needs is missing. */
async function buildIfNeeded(needed) {
  if (needed.every((file) => existsSync(join(root, file)))) return
  await run(process.execPath, [join(root, 'scripts', 'build.mjs')])
}

/**
 * Starts a child that stops with us and whose exit code becomes ours. A signal
 * is passed on; and since `npm start` runs us under `sh -c`, where a kill of
 * npm ends the shell but never reaches us, we also stop the child when our
 * parent goes away. With `ipc`, the child (the web host) sees its channel
 * close and stops by itself if we are killed outright.
 */
function handOver(command, args, { ipc = false } = {}) {
  const child = spawn(command, args, {
    cwd: root,
    stdio: ipc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
  })
  const stop = (signal) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal))
  const parent = process.ppid
  const watch = setInterval(() => {
    if (process.ppid === parent) return
    // Once: the web host takes a repeated stop, a second later, as "stop now".
    clearInterval(watch)
    stop('SIGTERM')
  }, 500)
  child.on('exit', (code, signal) => {
    clearInterval(watch)
    // Killed by a signal it did not handle: it did not close cleanly.
    process.exit(code ?? (signal ? 1 : 0))
  })
}

const electron = electronBinary()
if (electron) {
  await buildIfNeeded(['out/main/index.js', 'out/renderer/index.html'])
  handOver(electron, ['.'])
} else {
  console.log(
    "Electron's binary is not installed on this machine (it could not be downloaded), so Focal starts its web host instead: open the URL below.",
  )
  await buildIfNeeded(['out/webhost/index.js', 'out/renderer/index.html'])
  // The web host takes a free port (or FOCAL_PORT, or --port after `npm start --`) and prints the URL with its token.
  handOver(process.execPath, [join(root, 'out', 'webhost', 'index.js'), ...process.argv.slice(2)], {
    ipc: true,
  })
}
