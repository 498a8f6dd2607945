// The process owner's modeler: bpmn-js Modeler + properties panel (Camunda Platform provider and
// Alur's SOP group), with validation shown as a list and as markers on the elements, draft save,
// .bpmn download and upload, and deploy. Bundled by esbuild (src/studio/build-bundle.mjs).
import BpmnModeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import alurModdle from '../../workflow/alur-moddle.json';
import AlurPropertiesModule from './alur-properties.js';
import { showProblems } from './problems.js';

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
  additionalModules: [BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule, CamundaBehaviorsModule, AlurPropertiesModule],
  moddleExtensions: { camunda: camundaModdle, alur: alurModdle },
  alur: { forms: JSON.parse(root.dataset.forms || '[]'), groups: JSON.parse(root.dataset.groups || '[]') },
});
window.alurModeler = modeler; // for the browser tests

async function post(url, body) {
  const res = await fetch(url, {
    method: 'POST', credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf() },
    body: JSON.stringify(body),
  });
  let data = {};
  try { data = await res.json(); } catch { data = { problems: [{ elementId: null, severity: 'error', rule: 'http', message: `HTTP ${res.status}` }] }; }
  return { status: res.status, data };
}

const currentXml = async () => (await modeler.saveXML({ format: true })).xml;
const render = (problems) => showProblems(modeler, problems, { list: $('studio-problems'), count: $('studio-problem-count'), msg });

let validating = null;
async function validate() {
  const { data } = await post(url('validate'), { xml: await currentXml() });
  render(data.problems || []);
  root.dataset.validated = String(Date.now());
  return data.problems || [];
}
function scheduleValidation() {
  clearTimeout(validating);
  validating = setTimeout(validate, 500);
}

async function open(xml) {
  await modeler.importXML(xml);
  modeler.get('canvas').zoom('fit-viewport');
  await validate();
}

$('studio-save').addEventListener('click', async () => {
  const { status: code, data } = await post(url('draft'), { xml: await currentXml() });
  render(data.problems || []);
  status(code === 200 ? msg('saved') : msg('failed'), code === 200 ? 'ok' : 'error');
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
  const { status: code, data } = await post(url('upload'), { xml: await file.text(), name: file.name });
  if (code !== 200 || !data.xml) {
    render(data.problems || []);
    return status(msg('uploadRefused'), 'error');
  }
  await open(data.xml);
  status(msg('uploaded'), 'ok');
});

$('studio-deploy').addEventListener('submit', async (event) => {
  event.preventDefault();
  const comment = $('studio-comment').value;
  const { status: code, data } = await post(url('deploy'), { xml: await currentXml(), comment });
  if (code === 201) {
    window.location.href = data.location;
    return;
  }
  render(data.problems || []);
  status(msg('refused'), 'error');
});

modeler.on('commandStack.changed', scheduleValidation);

fetch(url('xml'), { credentials: 'same-origin', headers: { accept: 'application/json' } })
  .then((res) => res.json())
  .then((doc) => open(doc.xml))
  .then(() => { root.dataset.ready = 'true'; })
  .catch((err) => status(String(err && err.message || err), 'error'));
