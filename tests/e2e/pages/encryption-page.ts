/** Encrypting a workspace on the Workspace screen, and decrypting one from the list. */
import { expect, type Locator, type Page } from '@playwright/test'

/** Page object of the "Encrypt for carrying" card and the "Encrypted workspaces" list. */
export class EncryptionPage {
  constructor(readonly page: Page) {}

  /** Encrypts the open workspace under `passphrase`; waits until the file is written. */
  async encrypt(passphrase: string): Promise<string> {
    await this.page.getByTestId('nav-workspace').click()
    const form = this.page.getByTestId('encrypt-form')
    await form.getByTestId('encrypt-passphrase').fill(passphrase)
    await form.getByTestId('encrypt-confirm').fill(passphrase)
    await form.getByTestId('encrypt-submit').click()
    const written = this.page.getByTestId('encrypt-written')
    await expect(written).toBeVisible({ timeout: 60_000 })
    return (await written.innerText()).trim()
  }

  /** The rows of the encrypted list. */
  rows(): Locator {
    return this.page.getByTestId('encrypted-row')
  }

  /** Fills the decrypt form of `file` and submits; waits until the core answered. */
  async decrypt(file: string, as: string, passphrase: string): Promise<void> {
    await this.page.getByTestId('nav-workspace').click()
    await this.page.getByRole('button', { name: `Decrypt and open ${file}` }).click()
    const form = this.page.getByTestId('decrypt-form')
    await form.getByTestId('decrypt-as').fill(as)
    await form.getByTestId('decrypt-passphrase').fill(passphrase)
    await form.getByTestId('decrypt-submit').click()
    await expect(form.or(this.page.getByTestId('workspace-name'))).toBeVisible()
  }

  /** Closes the open workspace from the header; waits until none is open. */
  async closeWorkspace(): Promise<void> {
    await this.page.getByRole('button', { name: 'Close', exact: true }).click()
    await expect(this.page.getByText('No workspace open')).toBeVisible()
  }
}

/** Page object of sealed workspaces: the "New sealed workspace" card and "Open sealed". */
export class SealedPage {
  constructor(readonly page: Page) {}

  /** Creates a sealed workspace; waits until it is open, sealed. */
  async create(name: string, passphrase: string): Promise<void> {
    await this.page.getByTestId('nav-workspace').click()
    const form = this.page.getByTestId('create-sealed-form')
    await form.getByTestId('create-sealed-name').fill(name)
    await form.getByTestId('create-sealed-passphrase').fill(passphrase)
    await form.getByTestId('create-sealed-confirm').fill(passphrase)
    await form.getByTestId('create-sealed-submit').click()
    await expect(this.page.getByTestId('workspace-name')).toHaveText(name, { timeout: 60_000 })
    await expect(this.badge()).toBeVisible()
  }

  /** Fills the "Open sealed" form of `file` and submits; waits until the core answered. */
  async open(file: string, passphrase: string): Promise<void> {
    await this.page.getByTestId('nav-workspace').click()
    await this.page.getByRole('button', { name: `Open sealed ${file}` }).click()
    const form = this.form()
    await form.getByTestId('open-sealed-passphrase').fill(passphrase)
    await form.getByTestId('open-sealed-submit').click()
    await expect(form.or(this.page.getByTestId('workspace-name'))).toBeVisible()
  }

  /** The "Open sealed" form. */
  form(): Locator {
    return this.page.getByTestId('open-sealed-form')
  }

  /** The header's "Sealed — decrypted in RAM only" badge. */
  badge(): Locator {
    return this.page.getByTestId('sealed-badge')
  }
}
