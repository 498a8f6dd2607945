// A feature's messages in both languages; i18n.ts merges every feature catalogue.
export interface Catalogue {
  id: Record<string, string>;
  en: Record<string, string>;
}
