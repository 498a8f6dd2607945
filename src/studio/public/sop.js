// SOP document: shows the print button (printing works without it, from the browser menu).
(function () {
  'use strict';
  var button = document.getElementById('sop-print');
  if (!button) return;
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
})();
