// Process view: the latest diagram (bpmn-js NavigatedViewer, global BpmnJS from the UMD build)
// with open / overdue task counts per step; a badge or a click on a step opens its case list.
(function () {
  'use strict';
  var el = document.getElementById('monitor-canvas');
  if (!el || !window.BpmnJS) return;
  // the step pages' base URL comes from the page (data-steps): the script knows no paths
  var stepUrl = function (id, overdue) { return el.dataset.steps + encodeURIComponent(id) + (overdue ? '?terlambat=1' : ''); };
  var badge = function (cls, id, count, overdue, title) {
    var a = document.createElement('a');
    a.className = 'count-badge ' + cls;
    a.href = stepUrl(id, overdue);
    a.dataset.element = id;
    a.textContent = String(count);
    a.title = title;
    return a;
  };
  // Each step is coloured by its share within the Mutu Baku time (report level good / warn / bad / none).
  var colourByCompliance = function (canvas) {
    if (!el.dataset.compliance) return undefined;
    return fetch(el.dataset.compliance, { credentials: 'same-origin', headers: { accept: 'application/json' } })
      .then(function (res) { return res.json(); })
      .then(function (report) {
        report.steps.forEach(function (s) {
          if (canvas.getGraphics(s.elementId)) canvas.addMarker(s.elementId, 'compliance-' + s.level);
        });
        el.dataset.compliance = 'done';
      });
  };
  var viewer = new window.BpmnJS({ container: el });
  fetch(el.dataset.source, { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(function (res) { return res.json(); })
    .then(function (data) {
      return viewer.importXML(data.xml).then(function () { return data; });
    })
    .then(function (data) {
      viewer.get('canvas').zoom('fit-viewport');
      var overlays = viewer.get('overlays');
      var steps = {};
      data.steps.forEach(function (s) {
        steps[s.elementId] = s;
        overlays.add(s.elementId, { position: { top: -12, right: 14 }, html: badge('open', s.elementId, s.open, false, s.open + ' ' + el.dataset.open) });
        if (s.overdue > 0) {
          overlays.add(s.elementId, { position: { top: -12, left: -6 }, html: badge('overdue', s.elementId, s.overdue, true, s.overdue + ' ' + el.dataset.overdue) });
        }
      });
      viewer.on('element.click', function (e) {
        if (steps[e.element.id]) window.location.href = stepUrl(e.element.id, false);
      });
      el.dataset.ready = 'true';
      return colourByCompliance(viewer.get('canvas'));
    })
    .catch(function (err) { el.dataset.error = String(err && err.message || err); });
})();
