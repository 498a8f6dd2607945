// A process key (the BPMN process id) as it appears in URLs, and the URLs of one process's pages.
// Keys are letters, digits, '-' and '_' (at most 64); a few words are paths of /proses itself.
export const PROCESS_KEY_MAX = 64;
const PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Words that are pages of /proses (and old URLs kept as redirects): never a process key. */
export const RESERVED_PROCESS_KEYS: readonly string[] = ['baru', 'studio', 'versi', 'beda', 'sop', 'pantau'];

export const isProcessKey = (value: unknown): value is string => typeof value === 'string' && PATTERN.test(value);

/** Every page of one process; reports and time settings take the process as `?proses=`. */
export function processPaths(key: string) {
  const base = `/proses/${key}`;
  const q = `proses=${encodeURIComponent(key)}`;
  return {
    key,
    page: base,
    studio: `${base}/studio`,
    studioXml: `${base}/studio/xml`,
    studioDraftFile: `${base}/studio/draf.bpmn`,
    validate: `${base}/studio/validasi`,
    draft: `${base}/studio/draf`,
    upload: `${base}/studio/unggah`,
    discard: `${base}/studio/buang`,
    deploy: `${base}/studio/deploy`,
    diff: `${base}/beda`,
    versions: `${base}/versi/`,
    sop: `${base}/sop`,
    sopPdf: `${base}/sop.pdf`,
    monitor: `${base}/pantau`,
    monitorData: `${base}/pantau/data.json`,
    monitorSteps: `${base}/pantau/langkah/`,
    reports: `/laporan?${q}`,
    compliance: `/laporan/kepatuhan.json?${q}`,
    tabel7: `/laporan/tabel-7?${q}`,
    timeSettings: `/laporan/pengaturan?${q}`,
  };
}
export type ProcessPaths = ReturnType<typeof processPaths>;
