// The process owner's modeler: bpmn-js Modeler + properties panel (Camunda Platform provider and
// Alur's SOP group), with validation shown as a list and as markers on the elements, draft save,
// .bpmn download and upload, deploy, and an imported SOP's notes (import-notes.js). Bundled by esbuild
// (src/studio/build-bundle.mjs).
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import alurModdle from '../../workflow/alur-moddle.json';
import AlurPropertiesModule from './alur-properties.js';
import { TranslateModule } from './i18n.js';
import { showProblems } from './problems.js';
import { importNotes } from './import-notes.js';
import SopPaletteModule from './sop-palette.js';
import { fitWithMargin, setUpLayout } from './layout.js';

const root = document.getElementById('studio');
const $ = (id) => document.getElementById(id);
/** The endpoints of this process's studio, from the page (data-url-*): the client knows no paths. */
const url = (name) => root.dataset[`url${name[0].toUpperCase()}${name.slice(1)}`];
const msg = (key) => root.dataset[`msg${key[0].toUpperCase()}${key.slice(1)}`] || key;
const csrf = () => (document.querySelector('#studio-deploy input[name=_csrf]') || {}).value || '';
const status = (text, kind) => {
  const el = $('studio-status');
  el.textContent = text;
  el.dataset.kind = kind || 'ok';
};

const modeler = new BpmnModeler({
  container: '#studio-canvas',
  propertiesPanel: { parent: '#studio-properties', layout: { groups: { 'alur-sop': { open: true }, 'alur-identity': { open: true } } } },
  additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule, CamundaBehaviorsModule, AlurPropertiesModule, SopPaletteModule, TranslateModule],
  moddleExtensions: { camunda: camundaModdle, alur: alurModdle },
  alur: { forms: JSON.parse(root.dataset.forms || '[]'), groups: JSON.parse(root.dataset.groups || '[]') },
});
window.alurModeler = modeler; // for the browser tests

/** POSTs JSON; any answer (not JSON, a network failure) comes back as { status, data } with problems. */
async function post(url, body) {
  let res;
  try {
    res = await fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf() },
      body: JSON.stringify(body),
    });
  } catch (err) {
    return { status: 0, data: { problems: [{ elementId: null, severity: 'error', rule: 'http', message: String((err && err.message) || err) }] } };
  }
  let data = null;
  try { data = await res.json(); } catch { data = null; }
  if (!data || typeof data !== 'object') data = { problems: [{ elementId: null, severity: 'error', rule: 'http', message: `HTTP ${res.status}` }] };
  if (!Array.isArray(data.problems)) data.problems = res.ok ? [] : [{ elementId: null, severity: 'error', rule: 'http', message: `HTTP ${res.status}` }];
  return { status: res.status, data };
}

const currentXml = async () => (await modeler.saveXML({ format: true })).xml;
const notes = importNotes(modeler, {
  section: $('studio-import'), list: $('studio-import-notes'), count: $('studio-import-count'), msg, post, doneUrl: url('importDone'),
});
const render = (problems) => showProblems(modeler, problems, { list: $('studio-problems'), count: $('studio-problem-count'), msg });

let validating = null;
async function validate() {
  const { data } = await post(url('validate'), { xml: await currentXml() });
  render(data.problems);
  root.dataset.validated = String(Date.now());
  return data.problems;
}
function scheduleValidation() {
  clearTimeout(validating);
  validating = setTimeout(validate, 500);
}

/** Opens a model; a model bpmn-js cannot show leaves the previous diagram, with the reason listed. */
async function open(xml) {
  try {
    await modeler.importXML(xml);
  } catch (err) {
    render([{ elementId: null, severity: 'error', rule: 'import', message: String((err && err.message) || err) }]);
    status(msg('failed'), 'error');
    return false;
  }
  fitWithMargin(modeler);
  await validate();
  return true;
}

$('studio-save').addEventListener('click', async () => {
  const { status: code, data } = await post(url('draft'), { xml: await currentXml() });
  render(data.problems);
  status(code === 200 ? msg('saved') : msg('failed'), code === 200 ? 'ok' : 'error');
  if (code === 200) await notes.saved();
});

$('studio-download').addEventListener('click', async () => {
  const blob = new Blob([await currentXml()], { type: 'application/xml' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${root.dataset.process}.bpmn`;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});

$('studio-upload').addEventListener('change', async (event) => {
  const file = event.target.files && event.target.files[0];
  event.target.value = '';
  if (!file) return;
  if (file.size > Number(root.dataset.maxBytes)) return status(msg('tooLarge'), 'error');
  // the server reads the bytes' own encoding declaration (e.g. ISO-8859-1): send them as it decodes them
  const { status: code, data } = await post(url('upload'), { xml: await readText(file), name: file.name });
  if (code !== 200 || typeof data.xml !== 'string') {
    render(data.problems);
    return status(msg('uploadRefused'), 'error');
  }
  if (await open(data.xml)) {
    status(msg('uploaded'), 'ok');
    await notes.saved(); // the upload is the draft now: notes whose elements it lacks are done
  }
});

/** The file's text in the encoding its XML declaration names (UTF-8 when none, or unknown). */
async function readText(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  try {
    return new TextDecoder(declared ? declared[1] : 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const commentField = $('studio-comment');
const commentError = $('studio-comment-error');
/** The deploy comment is required: an empty one is marked on the field, nothing is sent. */
function commentOk() {
  const empty = commentField.value.trim() === '';
  commentField.setAttribute('aria-invalid', String(empty));
  commentError.textContent = empty ? commentError.dataset.msg : '';
  if (empty) commentField.focus();
  return !empty;
}
$('studio-deploy').noValidate = true;
commentField.addEventListener('input', () => { if (commentField.value.trim()) commentOk(); });

$('studio-deploy').addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!commentOk()) return status(msg('refused'), 'error');
  const { status: code, data } = await post(url('deploy'), { xml: await currentXml(), comment: commentField.value });
  if (code === 201 && data.location) {
    window.location.href = data.location;
    return;
  }
  render(data.problems);
  status(msg('refused'), 'error');
});

modeler.on('commandStack.changed', scheduleValidation);
modeler.on('commandStack.changed', () => notes.refresh());
setUpLayout(modeler);

// Whatever the stored model holds, the studio becomes ready: the buttons work (e.g. "Buang Draf").
fetch(url('xml'), { credentials: 'same-origin', headers: { accept: 'application/json' } })
  .then((res) => res.json())
  .then(async (doc) => { if (await open(doc.xml)) notes.show(doc.importNotes); })
  .catch((err) => {
    render([{ elementId: null, severity: 'error', rule: 'import', message: String((err && err.message) || err) }]);
    status(String((err && err.message) || err), 'error');
  })
  .finally(() => { root.dataset.ready = 'true'; });
