// Messages of the forms-extra feature (Bahasa Indonesia and English).
import type { Catalogue } from './catalogue.js';

export const forms_extra: Catalogue = {
  id: {},
  en: {},
};
