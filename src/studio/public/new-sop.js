// "SOP baru": proposes the process id from the name as it is typed (the same rule as the server's
// slugFromName), until the owner edits the id. After an import refused as a scan, the pasted-table box
// takes the focus (once the error summary has taken it on load).
(function () {
  'use strict';
  var importForm = document.getElementById('sop-import-form');
  var focus = importForm && importForm.dataset.focus && document.getElementById(importForm.dataset.focus);
  if (focus) document.addEventListener('DOMContentLoaded', function () { focus.focus(); });
  var name = document.getElementById('f-nama');
  var id = document.getElementById('f-id');
  if (!name || !id) return;
  var touched = id.value !== '';
  var slug = function (s) {
    return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
      .replace(/[^a-z0-9]+/g, '-').replace(/^[^a-z]+/, '').slice(0, 64).replace(/-+$/, '');
  };
  id.addEventListener('input', function () { touched = id.value !== ''; });
  name.addEventListener('input', function () { if (!touched) id.value = slug(name.value); });
}());
