// Reports side by side, computed from their reports as the core's `compare` module does
// (src/compare/): the same figures, rows, order and changes, so that the page's table is
// the one `envreport compare --format json` prints (tests/browser/compare.test.mjs checks
// it against the command on the same files). Loaded only when the comparison opens.

import { CATALOGUE } from './pkg/catalogue.js';

const BY_ID = new Map(CATALOGUE.map((e, k) => [e.id, { ...e, rank: k }]));

/** The columns of the long ("tidy") export: `TidyRow::COLUMNS` of the core. */
export const TIDY_COLUMNS = ['report', 'title', 'region', 'year', 'period', 'indicator', 'canonical', 'name',
  'category', 'value', 'unit', 'written_value', 'written_unit', 'low', 'high', 'text', 'approx', 'placeholder',
  'aside', 'comparison_basis', 'comparison_direction', 'comparison_value', 'comparison_unit', 'rank', 'rank_scope',
  'check', 'check_limit', 'check_standard', 'section', 'start', 'end', 'sentence'];

const orNull = (v) => (v === undefined ? null : v);

/** Every indicator of a report as a tidy row (`compare::tidy`); `text` is the text
 * analyzed, for the sentences (offsets as the report counts them: UTF-16 in the page). */
export function tidyRows(label, report, text = '') {
  const checks = new Map();
  for (const c of report.checks ?? []) {
    if (c.kind !== 'standard') continue;
    for (const id of c.indicators) if (!checks.has(id)) checks.set(id, c);
  }
  const m = report.meta;
  return report.indicators.map((i) => {
    const c = i.comparison != null ? report.comparisons[i.comparison] : null;
    const r = i.rank != null ? report.ranks[i.rank] : null;
    const check = checks.get(i.id);
    const catalogued = i.canonical != null && i.canonical_value != null;
    const factor = i.value != null && i.canonical_value != null && i.value !== 0 ? i.canonical_value / i.value : 1;
    const scaled = (v) => (v == null ? null : catalogued ? v * factor : v);
    return {
      report: label, title: orNull(m.title), region: orNull(m.region), year: orNull(m.year), period: orNull(m.period),
      indicator: i.id, canonical: orNull(i.canonical), name: i.name, category: i.category,
      value: catalogued ? i.canonical_value : orNull(i.value), unit: catalogued ? (i.canonical_unit ?? '') : i.unit,
      written_value: orNull(i.value), written_unit: i.unit, low: scaled(i.low), high: scaled(i.high), text: i.text,
      approx: i.approx, placeholder: i.placeholder,
      aside: i.baseline ? 'baseline' : i.target ? 'target' : i.bound ? 'bound' : null,
      comparison_basis: orNull(c?.basis), comparison_direction: orNull(c?.direction), comparison_value: orNull(c?.value),
      comparison_unit: orNull(c?.unit), rank: orNull(r?.rank), rank_scope: orNull(r?.scope),
      check: orNull(check?.verdict), check_limit: orNull(check?.limit), check_standard: orNull(check?.standard),
      section: orNull(i.section_title), start: i.start, end: i.end,
      sentence: text.slice(i.sentence_start, i.sentence_end).trim(),
    };
  });
}

/** A report's figure for each indicator it states (`compare::entry`): the first statement
 * that is a fact of the period (not last year's basis, a goal or a bound). */
export function entryOf(label, report, text = '') {
  const figures = [];
  const at = new Map();
  for (const row of tidyRows(label, report, text)) {
    if (row.aside || (!row.name && !row.canonical)) continue;
    const e = row.canonical ? BY_ID.get(row.canonical) : null;
    const key = e ? e.id : `${row.name}|${row.unit}`;
    if (at.has(key)) {
      figures[at.get(key)].more += 1;
      continue;
    }
    at.set(key, figures.length);
    figures.push({ key, name: e ? e.name : row.name, category: e ? e.category : row.category,
      better: e ? e.better : null, more: 0, row });
  }
  const m = report.meta;
  return { label, title: orNull(m.title), region: orNull(m.region), year: orNull(m.year), period: orNull(m.period), figures };
}

// Rust orders strings by code point, JavaScript's < by UTF-16 unit: the same for the
// Chinese of region names and labels, except beyond the BMP.
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const cmpTuple = (a, b) => {
  for (let k = 0; k < a.length; k++) {
    const c = cmp(a[k], b[k]);
    if (c) return c;
  }
  return 0;
};
const regionKey = (e) => [e.region == null ? 1 : 0, e.region ?? ''];
// None sorts before Some in Rust: a missing period first
const yearKey = (e) => [e.year == null ? 1 : 0, e.year ?? 0, e.period == null ? 0 : 1, e.period ?? ''];

/** The column order (`compare::ordered`). */
function ordered(entries, order) {
  const idx = entries.map((_, k) => k);
  const by = (a, b) => {
    if (order === 'input') return 0;
    const r = cmpTuple(regionKey(a), regionKey(b));
    const y = cmpTuple(yearKey(a), yearKey(b));
    return (order === 'year' ? y || r : r || y) || cmp(a.label, b.label);
  };
  return idx.sort((a, b) => by(entries[a], entries[b]) || a - b);
}

const round = (x) => Math.round(x * 1e6) / 1e6;

/** Each cell's change from the nearest cell to its left with a value (`compare::changes`). */
function changes(row) {
  const share = row.unit === '%';
  let previous = null;
  for (const cell of row.cells) {
    if (!cell) continue;
    const v = cell.figure.row.value;
    if (v == null) continue;
    if (previous != null) {
      const change = v - previous;
      cell.change = round(change);
      cell.change_percent = !share && previous !== 0 ? round((change / Math.abs(previous)) * 100) : null;
      cell.improved = change === 0 ? null : row.better === 'up' ? change > 0 : row.better === 'down' ? change < 0 : null;
    }
    previous = v;
  }
}

/** The reports side by side (`compare::table`): `{ columns, rows }`, each row's `cells`
 * one a column (null where the report does not state the indicator). Options: `order`
 * (`region`, `year`, `input`), `minReports`, `category`, `cataloguedOnly`. */
export function compareTable(entries, { order = 'region', minReports = 1, category = '', cataloguedOnly = false } = {}) {
  const idx = ordered(entries, order);
  const columns = idx.map((k) => {
    const e = entries[k];
    return { report: k, label: e.label, title: e.title, region: e.region, year: e.year, period: e.period };
  });
  let rows = [];
  const at = new Map();
  idx.forEach((k, c) => {
    for (const f of entries[k].figures) {
      if ((category && f.category !== category) || (cataloguedOnly && !f.row.canonical)) continue;
      let r = at.get(f.key);
      if (r === undefined) {
        r = rows.length;
        at.set(f.key, r);
        rows.push({ key: f.key, canonical: f.row.canonical, name: f.name, category: f.category, unit: f.row.unit,
          better: f.better, reports: 0, cells: idx.map(() => null) });
      }
      rows[r].reports += 1;
      rows[r].cells[c] = { figure: f, change: null, change_percent: null, improved: null };
    }
  });
  rows = rows.filter((r) => r.reports >= minReports);
  for (const row of rows) changes(row);
  const place = (r) => (r.canonical && BY_ID.has(r.canonical) ? BY_ID.get(r.canonical).rank : null);
  const order2 = rows.map((_, k) => k).sort((a, b) => {
    const ra = rows[a];
    const rb = rows[b];
    const pa = place(ra);
    const pb = place(rb);
    let c;
    if (pa != null && pb != null) c = pa - pb;
    else if (pa != null) c = -1;
    else if (pb != null) c = 1;
    else c = cmp(ra.category, rb.category) || cmp(ra.name, rb.name);
    return c || a - b;
  });
  return { columns, rows: order2.map((k) => rows[k]) };
}

/** The table's cells as tidy rows, with the region, year and period of their column. */
export function longRows(table) {
  const out = [];
  table.columns.forEach((col, c) => {
    for (const r of table.rows) {
      const cell = r.cells[c];
      if (!cell) continue;
      out.push({ ...cell.figure.row, report: col.label, title: col.title, region: col.region, year: col.year, period: col.period });
    }
  });
  return out;
}
