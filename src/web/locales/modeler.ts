// Texts of the modeler page around the diagram (layout, safe actions) and of the rollback
// confirmation (issue 11). The properties panel's own labels live in the client bundle
// (src/studio/client/i18n.js), chosen by the page's lang.
export const modeler = {
  id: {
    'studio.narrow': 'Buka di layar yang lebih lebar untuk mengubah diagram.',
    'studio.panel.toggle': 'Panel properti',
    'studio.discard.confirm.title': 'Buang draf ini?',
    'studio.discard.confirm.draft': 'Draf yang disimpan akan dihapus, termasuk perubahan yang belum disimpan.',
    'studio.discard.confirm.version': 'Studio kembali membuka versi yang berjalan:',
    'studio.discard.confirm.new': 'SOP baru ini belum pernah diterbitkan: SOP ini hilang dari katalog.',
    'studio.discard.confirm.button': 'Ya, buang draf',
    'studio.comment.required': 'Isi keterangan versi: apa yang berubah dan mengapa.',
    'versions.rollback.confirm.what': 'Isi versi ini diterbitkan lagi sebagai versi terbaru. Kasus baru memakai versi itu; kasus yang sedang berjalan tetap pada versinya.',
    'versions.rollback.confirm.button': 'Ya, terbitkan ulang versi',
    'versions.rollback.comment': 'Keterangan versi',
    'sop.version': 'versi',
  },
  en: {
    'studio.narrow': 'Open on a wider screen to change the diagram.',
    'studio.panel.toggle': 'Properties panel',
    'studio.discard.confirm.title': 'Discard this draft?',
    'studio.discard.confirm.draft': 'The saved draft is deleted, and so are changes not saved yet.',
    'studio.discard.confirm.version': 'The studio opens the running version again:',
    'studio.discard.confirm.new': 'This new SOP was never deployed: it leaves the catalogue.',
    'studio.discard.confirm.button': 'Yes, discard the draft',
    'studio.comment.required': 'Fill in the version comment: what changed and why.',
    'versions.rollback.confirm.what': 'The content of this version is deployed again as the newest version. New cases use it; running cases stay on their version.',
    'versions.rollback.confirm.button': 'Yes, redeploy version',
    'versions.rollback.comment': 'Version comment',
    'sop.version': 'version',
  },
};
