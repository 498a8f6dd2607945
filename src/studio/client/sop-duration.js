// Waktu (Mutu Baku time standard) as a number and a unit, stored as ISO-8601 in alur:mutuBaku/@waktu:
// menit -> PT15M, jam -> PT2H, hari -> P1D, hari kerja -> P1D too. Alur has no per-step working-time
// flag: whether a version counts calendar or working time is its time basis (Laporan › Pengaturan),
// so "hari kerja" is stored as days and reopens as "hari". An ISO-8601 duration typed into the
// amount field is kept as typed (for authors who know the notation).
import { h } from '@bpmn-io/properties-panel/preact';
import { useEffect, useState } from '@bpmn-io/properties-panel/preact/hooks';
import { text } from './i18n.js';

export const DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:[.,]\d+)?S)?)?$/;
const SIMPLE = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/;
export const UNITS = ['M', 'H', 'D', 'WD'];
const MINUTES = { M: 1, H: 60, D: 1440, WD: 1440 };

/** "PT90M" -> { amount: '90', unit: 'M' }, "P1DT2H" -> 26 jam; null when not days/hours/minutes. */
export function splitDuration(iso) {
  const m = SIMPLE.exec(iso || '');
  if (!m || iso === 'P' || iso === 'PT') return null;
  const minutes = Number(m[1] || 0) * 1440 + Number(m[2] || 0) * 60 + Number(m[3] || 0);
  if (!minutes) return null;
  const unit = minutes % 1440 === 0 ? 'D' : minutes % 60 === 0 ? 'H' : 'M';
  return { amount: String(minutes / MINUTES[unit]), unit };
}

/** { amount: '2', unit: 'H' } -> 'PT2H'; a typed ISO duration as is; null when the amount is not valid. */
export function joinDuration(amount, unit) {
  const a = String(amount || '').trim().toUpperCase();
  if (DURATION.test(a)) return a;
  if (!/^[1-9]\d{0,5}$/.test(a)) return null;
  return unit === 'M' ? `PT${a}M` : unit === 'H' ? `PT${a}H` : `P${a}D`;
}

/** The entry: amount input + unit select; writes through `write(iso | undefined)`. */
export function DurationEntry(props) {
  const { id, element, stored, write } = props;
  const split = splitDuration(stored);
  const [amount, setAmount] = useState(split ? split.amount : stored || '');
  const [unit, setUnit] = useState(split ? split.unit : 'M');
  const [error, setError] = useState(null);
  useEffect(() => {
    const s = splitDuration(stored);
    setAmount(s ? s.amount : stored || '');
    if (s && !(s.unit === 'D' && unit === 'WD')) setUnit(s.unit);
    setError(null);
  }, [element, stored]);
  const commit = (nextAmount, nextUnit) => {
    if (String(nextAmount).trim() === '') { setError(null); return write(undefined); }
    const iso = joinDuration(nextAmount, nextUnit);
    if (!iso) return setError(text.waktuInvalid);
    setError(null);
    if (iso !== stored) write(iso);
  };
  const inputId = `bio-properties-panel-${id}`;
  return h('div', { class: `bio-properties-panel-entry${error ? ' has-error' : ''}`, 'data-entry-id': id },
    h('label', { for: inputId, class: 'bio-properties-panel-label' }, text.waktu),
    h('div', { class: 'studio-duration' },
      h('input', {
        id: inputId, type: 'text', inputmode: 'numeric', class: 'bio-properties-panel-input', value: amount,
        'aria-label': `${text.waktu}: ${text.waktuAmount}`, 'aria-invalid': error ? 'true' : 'false',
        onInput: (e) => setAmount(e.target.value),
        onChange: (e) => commit(e.target.value, unit),
      }),
      h('select', {
        id: `${inputId}-unit`, class: 'bio-properties-panel-input', value: unit, 'aria-label': `${text.waktu}: ${text.waktuUnit}`,
        onChange: (e) => { setUnit(e.target.value); commit(amount, e.target.value); },
      }, UNITS.map((u) => h('option', { value: u, selected: u === unit }, text.units[u])))),
    error ? h('div', { class: 'bio-properties-panel-error' }, error) : null,
    h('div', { class: 'bio-properties-panel-description' },
      stored ? `${text.waktuStored} ${stored}. ` : '', unit === 'WD' ? text.waktuWorkingHint : ''));
}
