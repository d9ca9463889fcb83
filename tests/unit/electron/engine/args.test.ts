import { describe, expect, it } from 'vitest'
import { engineArgv, parseEngineArgv, servicesOptionsFrom } from '../../../../electron/engine/args'

describe('engine arguments', () => {
  it('round-trips what main passes to utilityProcess.fork', () => {
    const args = {
      userData: '/home/me/.config/Focal',
      sample: '/opt/Focal/resources/demo/focus-sample.csv',
      version: '0.1.0',
    }
    expect(parseEngineArgv(['/usr/bin/focal', ...engineArgv(args)])).toEqual(args)
  })

  it('reads an empty sample as none and refuses a missing user-data folder', () => {
    expect(
      parseEngineArgv(engineArgv({ userData: '/u', sample: null, version: '1' })).sample,
    ).toBeNull()
    expect(() => parseEngineArgv(['--version', '1'])).toThrow(/--user-data/)
  })

  it('keeps workspaces and scratch under user data, as the electron host', () => {
    expect(servicesOptionsFrom({ userData: '/u', sample: null, version: '1' })).toEqual({
      workspacesDir: '/u/workspaces',
      scratchDir: '/u/scratch',
      sampleFile: null,
      host: 'electron',
      version: '1',
      examplesDir: null,
    })
  })

  it('finds the example rules beside the demo folder', () => {
    const sample = '/opt/Focal/resources/demo/focus-sample.csv'
    expect(servicesOptionsFrom({ userData: '/u', sample, version: '1' }).examplesDir).toBe(
      '/opt/Focal/resources/examples',
    )
  })
})
