// The nomor permohonan as both store adapters write it: a scope (process prefix and year, chosen by
// src/cases/case-number.ts) and the scope's next number, at least 6 digits: 'PBP-2026-000123'.

export function caseNumberOf(scope: string, n: number): string {
  return `${scope}-${String(n).padStart(6, '0')}`;
}
