// The modeler's layout: the diagram fitted into the canvas with a left margin so that the palette
// never covers it, and the collapsible properties panel (the canvas takes the freed width).

const MARGIN = 24;

/** Fits the whole diagram into the view, right of the palette, never zoomed in above 100 %. */
export function fitWithMargin(modeler, attempt = 0) {
  const canvas = modeler.get('canvas');
  const container = canvas.getContainer();
  const palette = container.querySelector('.djs-palette');
  const left = (palette ? palette.getBoundingClientRect().right - container.getBoundingClientRect().left : 0) + MARGIN;
  const { inner, outer } = canvas.viewbox();
  if (!outer.width || !outer.height || !inner.width || !inner.height) {
    // NOTE: until the browser has laid the canvas out its sizes read 0, and bpmn-js's fit-viewport would
    // divide by them ("non-finite" scale): fit on a later frame (an empty diagram never fits)
    if (attempt < 30 && typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(() => { canvas.resized(); fitWithMargin(modeler, attempt + 1); });
    }
    return;
  }
  const scale = Math.min(1, (outer.width - left - MARGIN) / inner.width, (outer.height - 2 * MARGIN) / inner.height);
  if (!(scale > 0)) return canvas.zoom('fit-viewport');
  canvas.viewbox({ x: inner.x - left / scale, y: inner.y - MARGIN / scale, width: outer.width / scale, height: outer.height / scale });
}

export function setUpLayout(modeler) {
  const main = document.getElementById('studio-main');
  const toggle = document.getElementById('studio-panel-toggle');
  toggle.addEventListener('click', () => {
    const closed = main.classList.toggle('panel-closed');
    toggle.setAttribute('aria-expanded', String(!closed));
    modeler.get('canvas').resized();
  });
}
