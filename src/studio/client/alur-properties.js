// Properties panel group "SOP (Alur)": group (camunda:candidateGroups), registered form (camunda:formKey;
// a form declared in the model is edited in the Camunda "Forms" group) and
// the Mutu Baku (alur:mutuBaku) of a flow node; "Identitas SOP" (alur:sopIdentity) of the process.
import { h } from '@bpmn-io/properties-panel/preact';
import { SelectEntry, TextAreaEntry, TextFieldEntry, isSelectEntryEdited, isTextAreaEntryEdited, isTextFieldEntryEdited } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';
import { text } from './i18n.js';
import { DurationEntry } from './sop-duration.js';
import { NewGroupEntry } from './sop-group.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function extension(bo, type) {
  return ((bo.extensionElements && bo.extensionElements.get('values')) || []).find((v) => v.$type === type);
}

/** Sets `props` on the extension element `type` of `bo`, creating extensionElements and it as needed (one undo step). */
function setExtension(injector, element, bo, type, props) {
  const bpmnFactory = injector.get('bpmnFactory');
  const commands = [];
  let ext = bo.extensionElements;
  if (!ext) {
    ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    ext.$parent = bo;
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: bo, properties: { extensionElements: ext } } });
  }
  let target = extension(bo, type);
  if (!target) {
    target = bpmnFactory.create(type, {});
    target.$parent = ext;
    commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: ext, properties: { values: [...ext.get('values'), target] } } });
  }
  commands.push({ cmd: 'element.updateModdleProperties', context: { element, moddleElement: target, properties: props } });
  injector.get('commandStack').execute('properties-panel.multi-command-executor', commands);
}

const lines = (value) => String(value || '').split('\n').map((s) => s.trim()).filter(Boolean);

/** A text field, text area (one item per line) or select bound to one property of an extension element. */
function ExtensionField(props) {
  const { element, id, label, owner, type, prop, isList, validate, kind } = props;
  const injector = useService('injector');
  const debounce = useService('debounceInput');
  const bo = owner(element);
  const target = extension(bo, type);
  const raw = target ? target.get(prop) : undefined;
  const getValue = () => (isList ? (raw || []).join('\n') : raw === undefined || raw === null ? '' : String(raw));
  const setValue = (value) => {
    let v = isList ? lines(value) : String(value || '').trim();
    if (prop === 'langkah') v = v === '' ? undefined : Number.parseInt(v, 10);
    setExtension(injector, element, bo, type, { [prop]: v === '' ? undefined : v });
  };
  const entryProps = { element, id, label, getValue, setValue, debounce, validate };
  return kind === 'area' ? h(TextAreaEntry, { ...entryProps, rows: 3 }) : h(TextFieldEntry, entryProps);
}

/** A select bound to a camunda attribute of the business object itself. */
function CamundaSelect(props) {
  const { element, id, label, attr, choices, description } = props;
  const modeling = useService('modeling');
  const bo = getBusinessObject(element);
  const current = bo.get(attr) || '';
  const options = choices.map((c) => (typeof c === 'string' ? { value: c, label: c } : c));
  // a value typed elsewhere (the Camunda "User assignment" group) stays shown and selected
  const list = current && !options.some((o) => o.value === current) ? [...options, { value: current, label: current }] : options;
  return h(SelectEntry, {
    element, id, label, description,
    getValue: () => bo.get(attr) || '',
    setValue: (value) => modeling.updateModdleProperties(element, bo, { [attr]: value || undefined }),
    getOptions: () => [{ value: '', label: '—' }, ...list],
  });
}

/** The reserved group of a step done by the case's own applicant. */
const APPLICANT_GROUP = 'pemohon';

/**
 * The groups a step may name: 'pemohon' first, then the office's groups from the page
 * (`config.alur.groups`: [{ id, name }]), each shown as "name (id)".
 */
function groupChoices(groups) {
  const others = groups.filter((g) => g && typeof g.id === 'string' && g.id !== APPLICANT_GROUP);
  return [
    { value: APPLICANT_GROUP, label: `${text.applicant} (${APPLICANT_GROUP})` },
    ...others.map((g) => ({ value: g.id, label: g.name && g.name !== g.id ? `${g.name} (${g.id})` : g.id })),
  ];
}

/** Waktu of a flow node's alur:mutuBaku, as number + unit (sop-duration.js). */
function WaktuEntry(props) {
  const { element, id } = props;
  const injector = useService('injector');
  const bo = getBusinessObject(element);
  const target = extension(bo, 'alur:MutuBaku');
  const stored = target ? target.get('waktu') || '' : '';
  const write = (iso) => setExtension(injector, element, bo, 'alur:MutuBaku', { waktu: iso });
  return h(DurationEntry, { id, element, stored, write });
}

const field = (kind, options) => ({ ...options, kind, component: ExtensionField, isEdited: kind === 'area' ? isTextAreaEntryEdited : isTextFieldEntryEdited });
const select = (options) => ({ ...options, component: CamundaSelect, isEdited: isSelectEntryEdited });

function mutuBakuGroup(element, forms, groups) {
  const common = { element, owner: getBusinessObject, type: 'alur:MutuBaku' };
  const entries = [];
  if (is(element, 'bpmn:UserTask')) {
    entries.push(select({
      element, id: 'alur-role', label: text.role, attr: 'camunda:candidateGroups', choices: groupChoices(groups), description: text.roleHint,
    }));
    entries.push({ element, id: 'alur-role-new', component: NewGroupEntry, isEdited: () => false });
    entries.push(select({ element, id: 'alur-form', label: text.form, attr: 'camunda:formKey', choices: forms, description: text.formHint }));
  }
  entries.push(
    field('text', { ...common, id: 'alur-langkah', label: text.langkah, prop: 'langkah', validate: (v) => (v && !/^[1-9]\d*$/.test(v) ? text.positive : null) }),
    field('area', { ...common, id: 'alur-uraian', label: text.uraian, prop: 'uraian' }),
    field('area', { ...common, id: 'alur-persyaratan', label: text.persyaratan, prop: 'persyaratan', isList: true }),
    { element, id: 'alur-waktu', component: WaktuEntry, isEdited: () => { const t = extension(getBusinessObject(element), 'alur:MutuBaku'); return !!(t && t.get('waktu')); } },
    field('text', { ...common, id: 'alur-output', label: text.output, prop: 'output' }),
    field('area', { ...common, id: 'alur-keterangan', label: text.keterangan, prop: 'keterangan', isList: true }),
  );
  return { id: 'alur-sop', label: text.sopGroup, entries };
}

// TGL. REVISI is the deploy date of the version (the SOP document fills it in), not typed here
const IDENTITY_TEXT = ['nomor', 'tanggalPembuatan', 'tanggalEfektif', 'namaSop', 'instansi', 'satuanKerja',
  'disahkanJabatan', 'disahkanNama', 'disahkanPangkat', 'disahkanNip'];
const IDENTITY_LISTS = ['dasarHukum', 'kualifikasiPelaksana', 'keterkaitan', 'peralatan', 'peringatan', 'pencatatan'];

function identityGroup(element) {
  const owner = (el) => (is(el, 'bpmn:Participant') ? getBusinessObject(el).processRef : getBusinessObject(el));
  const common = { element, owner, type: 'alur:SopIdentity' };
  const dateCheck = (v) => (v && !DATE.test(v) ? text.dateFormat : null);
  return {
    id: 'alur-identity',
    label: text.identityGroup,
    entries: [
      ...IDENTITY_TEXT.map((prop) => field('text', { ...common, id: `alur-id-${prop}`, label: text.identity[prop], prop, validate: prop.startsWith('tanggal') ? dateCheck : undefined })),
      ...IDENTITY_LISTS.map((prop) => field('area', { ...common, id: `alur-id-${prop}`, label: `${text.identity[prop]} (${text.perLine})`, prop, isList: true })),
    ],
  };
}

function AlurPropertiesProvider(propertiesPanel, config) {
  const forms = (config && config.forms) || [];
  const officeGroups = (config && Array.isArray(config.groups) && config.groups) || [];
  this.getGroups = (element) => (groups) => {
    if (is(element, 'bpmn:FlowNode') && !is(element, 'bpmn:SequenceFlow')) groups.splice(1, 0, mutuBakuGroup(element, forms, officeGroups));
    const bo = getBusinessObject(element);
    if (is(element, 'bpmn:Process') || (is(element, 'bpmn:Participant') && bo.processRef)) groups.splice(1, 0, identityGroup(element));
    return groups;
  };
  propertiesPanel.registerProvider(400, this);
}
AlurPropertiesProvider.$inject = ['propertiesPanel', 'config.alur'];

export default { __init__: ['alurPropertiesProvider'], alurPropertiesProvider: ['type', AlurPropertiesProvider] };
