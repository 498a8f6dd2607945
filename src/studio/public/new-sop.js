// "SOP baru": proposes the process id from the name as it is typed (the same rule as the server's
// slugFromName), until the owner edits the id.
(function () {
  'use strict';
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
