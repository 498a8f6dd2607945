// Messages of the inbox feature (Bahasa Indonesia and English).
import type { Catalogue } from './catalogue.js';

export const inbox: Catalogue = {
  id: {},
  en: {},
};
