// NOTE: transitional re-export for test/web/i18n.test.ts (pack helper 2's); delete once it imports
// src/packs/ppbj/forms/ppbj-forms.ts. The forms live in the PPBJ pack.
export { PPBJ_FORMS } from '../packs/ppbj/forms/ppbj-forms.js';
