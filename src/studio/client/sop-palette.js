// The palette of an SOP author: what Alur runs (start, end, user task, exclusive gateway, pool with
// lanes, link events as off-page connectors) and the tools; generic tasks, sub-processes, data
// objects/stores, groups and other intermediate events are not offered (a file that has them still
// opens, and validation says what cannot run).
import { text } from './i18n.js';

const KEEP = new Set(['hand-tool', 'lasso-tool', 'space-tool', 'global-connect-tool', 'tool-separator',
  'create.start-event', 'create.end-event', 'create.exclusive-gateway', 'create.participant-expanded']);

function SopPalette(palette, create, elementFactory, translate) {
  const action = (type, group, className, title, options) => {
    const start = (event) => create.start(event, elementFactory.createShape({ type, ...options }));
    return { group, className, title, action: { dragstart: start, click: start } };
  };
  this.getPaletteEntries = () => (entries) => {
    const kept = {};
    for (const [id, entry] of Object.entries(entries)) {
      if (KEEP.has(id)) kept[id] = entry;
      if (id === 'create.end-event') {
        kept['create.user-task'] = action('bpmn:UserTask', 'activity', 'bpmn-icon-user-task', translate('Create task'));
      }
    }
    kept['create.link-throw'] = action('bpmn:IntermediateThrowEvent', 'event', 'bpmn-icon-intermediate-event-throw-link', text.link,
      { eventDefinitionType: 'bpmn:LinkEventDefinition' });
    kept['create.link-catch'] = action('bpmn:IntermediateCatchEvent', 'event', 'bpmn-icon-intermediate-event-catch-link', text.link,
      { eventDefinitionType: 'bpmn:LinkEventDefinition' });
    return kept;
  };
  palette.registerProvider(500, this);
}
SopPalette.$inject = ['palette', 'create', 'elementFactory', 'translate'];

export default { __init__: ['sopPalette'], sopPalette: ['type', SopPalette] };
