// The service navigation of the page frame: which links a person sees (by role and groups) and
// which one is the current page. Shaped here so the layout template holds no logic.
export interface NavUser {
  role: string;
  inGroups: boolean;
  startsCases: boolean;
}

export interface NavItem {
  href: string;
  label: string; // a message key
  current: boolean;
}

function itemsFor(user: NavUser | null, mailboxLink: boolean): Array<[string, string]> {
  if (!user) return [['/masuk', 'action.masuk'], ['/daftar', 'action.daftar']];
  if (user.role === 'applicant') return [['/tugas', 'nav.tugasSaya'], ['/permohonan', 'nav.permohonan'], ['/layanan', 'nav.layanan']];
  const items: Array<[string, string]> = [];
  if (user.role === 'staff') {
    items.push(['/kotak-masuk', 'nav.kotakMasuk'], ['/tugas', 'nav.tugasSaya']);
    if (user.startsCases) items.push(['/permohonan-baru', 'nav.permohonanBaru']);
    items.push(['/laporan', 'nav.laporan']);
  }
  if (user.role === 'process-owner') {
    if (user.inGroups) items.push(['/kotak-masuk', 'nav.kotakMasuk']);
    if (user.startsCases) items.push(['/permohonan-baru', 'nav.permohonanBaru']);
    items.push(['/proses', 'nav.proses'], ['/laporan', 'nav.laporan'], ['/staf', 'nav.staf']);
    if (mailboxLink) items.push(['/kotak-surat', 'nav.kotakSurat']);
  }
  return items;
}

/** The links, the one whose path the current path starts with (longest match) marked current. */
export function navigation(user: NavUser | null, mailboxLink: boolean, path: string): NavItem[] {
  const items = itemsFor(user, mailboxLink);
  const matches = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));
  const current = items.map(([href]) => href).filter(matches).sort((a, b) => b.length - a.length)[0];
  return items.map(([href, label]) => ({ href, label, current: href === current }));
}
