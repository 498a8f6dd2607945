// Page steps of staff administration (/staf) and of a new staff member: the process owner invites
// someone, the invitee sets a password from the link in the development mailbox (/kotak-surat),
// and the owner adds the person to a group on their page (/staf/:id).
import type { Browser, Page } from 'playwright-core';
import { checkA11y } from './a11y.js';
import { field, nav, newActor, press, see, type Actor } from './browser-steps.js';

export interface StaffMember {
  name: string;
  email: string;
  password: string;
}

/** The owner (logged in) invites a staff member with the system role Staf and no group yet. */
export async function inviteStaff(owner: Page, who: StaffMember): Promise<void> {
  await nav(owner, 'Staf', /\/staf$/);
  await field(owner, 'Nama').fill(who.name);
  await field(owner, 'Email').fill(who.email);
  await field(owner, 'Peran').selectOption('staff');
  await press(owner, 'Kirim undangan', /\/staf(\?.*)?$/);
  await see(owner.locator('table.staff'), who.email);
}

/** The text of the newest message of `kind` to `email` on the development mailbox, read by the owner (logged in). */
export async function mailFor(owner: Page, email: string, kind: string): Promise<string> {
  await owner.goto('/kotak-surat');
  await checkA11y(owner);
  const row = owner.locator(`li.message[data-kind="${kind}"]`).filter({ has: owner.locator('.to', { hasText: email }) }).first();
  return row.locator('.body').innerText();
}

/** The link (path) in a message's text. */
export const linkIn = (text: string): string => /https?:\/\/[^/\s]+(\/\S+)/.exec(text)![1]!;

/** The invitee opens the invitation link in their own browser, chooses a password and logs in; returns their actor on Kotak Masuk. */
export async function acceptInvitation(browser: Browser, baseURL: string, owner: Page, who: StaffMember): Promise<Actor> {
  const link = linkIn(await mailFor(owner, who.email, 'staff-invitation'));
  const staff = await newActor(browser, baseURL);
  const p = staff.page;
  await p.goto(link);
  await checkA11y(p);
  await field(p, 'Kata sandi baru').fill(who.password);
  await field(p, 'Ulangi kata sandi').fill(who.password);
  await press(p, 'Simpan kata sandi', /\/masuk$/);
  await field(p, 'Email').fill(who.email);
  await field(p, 'Kata sandi').fill(who.password);
  await press(p, 'Masuk', /\/kotak-masuk$/);
  return staff;
}

/** The owner opens the person's page from /staf and adds them to the group shown as `group` ("Name (id)"). */
export async function addToGroup(owner: Page, who: StaffMember, group: { id: string; name: string }): Promise<void> {
  await nav(owner, 'Staf', /\/staf$/);
  await owner.locator('table.staff tr').filter({ hasText: who.email }).getByRole('link', { name: who.name, exact: true }).click();
  await owner.waitForURL(/\/staf\/[^/]+$/);
  await checkA11y(owner);
  await owner.getByLabel('Tambahkan ke grup').selectOption(group.id);
  await press(owner, 'Tambahkan', /\/staf\/[^/]+$/);
  await see(owner.locator(`ul.member-groups li[data-group="${group.id}"]`), group.name);
}
