// Messages of the notifications feature (Bahasa Indonesia and English).
import type { Catalogue } from './catalogue.js';

export const notifications: Catalogue = {
  id: {},
  en: {},
};
