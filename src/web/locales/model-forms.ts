// Messages of forms declared in the process model (src/forms/model-form.ts): the checks of the
// generic fields and the case status while such a step is open. `{0}`, `{1}` are the bounds.
import type { Catalogue } from './catalogue.js';

export const modelForms: Catalogue = {
  id: {
    'model.submit': 'Simpan dan Lanjutkan',
    'model.yes': 'Ya',
    'model.no': 'Tidak',
    'model.min': 'Paling kecil {0}.',
    'model.max': 'Paling besar {0}.',
    'model.range': 'Antara {0} dan {1}.',
    'model.minLength': 'Paling sedikit {0} karakter.',
    'model.integer.invalid': 'Isi dengan bilangan bulat, mis. 12.',
    'model.number.invalid': 'Isi dengan angka, mis. 12 atau 12,5.',
    'model.file.hint': 'PDF, JPG, atau PNG, paling besar 2 MB.',
    'model.file.required': 'Unggah berkasnya.',
    'status.menungguPemohon': 'Menunggu Tindakan Pemohon',
    'status.diproses': 'Sedang Diproses',
  },
  en: {
    'model.submit': 'Save and Continue',
    'model.yes': 'Yes',
    'model.no': 'No',
    'model.min': 'At least {0}.',
    'model.max': 'At most {0}.',
    'model.range': 'Between {0} and {1}.',
    'model.minLength': 'At least {0} characters.',
    'model.integer.invalid': 'Enter a whole number, e.g. 12.',
    'model.number.invalid': 'Enter a number, e.g. 12 or 12.5.',
    'model.file.hint': 'PDF, JPG or PNG, at most 2 MB.',
    'model.file.required': 'Upload the file.',
    'status.menungguPemohon': 'Waiting for the applicant',
    'status.diproses': 'In Progress',
  },
};
