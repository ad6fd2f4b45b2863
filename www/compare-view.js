// The comparison view: the open reports (region, year and period editable, each
// removable), the table of indicators across them, a chart of one indicator and the
// exports. Loaded with compare.js only when a user opens it. Report text reaches the page
// through text nodes and attribute values only.

import { compareTable, longRows, TIDY_COLUMNS } from './compare.js';
import { download, h } from './render.js';
import { csvCell, xlsxCell } from './exports.js';

const STRINGS = {
  zh: {
    title: '多报告对比', reports: '打开的报告', file: '报告', region: '地区', year: '年份', period: '时期', remove: '移除',
    order: '列的顺序', byRegion: '按地区', byYear: '按年份', byInput: '按打开顺序', allCategories: '全部类别',
    shared: '只看多份报告共有的指标', catalogued: '只看标准指标', indicator: '指标', unit: '单位',
    wide: '下载 CSV（宽表）', long: '下载 CSV（长表）', xlsx: '下载 Excel', clearAll: '清除全部（含本机保存）',
    analyzing: (k, n) => `分析报告 ${k}/${n}…`, rows: (n, m) => `${n} 项指标 · ${m} 份报告`,
    none: '这些报告没有可对比的指标。', chart: '图表', chartHint: '点击指标名称查看图表。', saveSvg: '保存 SVG', savePng: '保存 PNG',
    more: (n) => `另有 ${n} 处`, within: '达标', above: '超标', below: '低于下限', improved: '改善', worse: '变差',
    jump: (name, label) => `在「${label}」中查看 ${name}`, close: '关闭对比', chartOf: (name, unit) => `${name}${unit ? `（${unit}）` : ''}`,
    showAll: (n) => `显示全部 ${n} 项指标`,
    needTwo: '打开两份或更多报告即可对比（可一次选择多个文件，或粘贴后点“加入对比”）。',
  },
  en: {
    title: 'Compare reports', reports: 'Open reports', file: 'Report', region: 'Region', year: 'Year', period: 'Period', remove: 'Remove',
    order: 'Column order', byRegion: 'by region', byYear: 'by year', byInput: 'as opened', allCategories: 'All categories',
    shared: 'Only indicators in two reports or more', catalogued: 'Only standard indicators', indicator: 'Indicator', unit: 'Unit',
    wide: 'CSV (wide)', long: 'CSV (long)', xlsx: 'Excel', clearAll: 'Clear everything (and what this browser kept)',
    analyzing: (k, n) => `Analyzing report ${k}/${n}…`, rows: (n, m) => `${n} indicators · ${m} reports`,
    none: 'These reports have no indicator to compare.', chart: 'Chart', chartHint: 'Click an indicator to chart it.', saveSvg: 'Save SVG', savePng: 'Save PNG',
    more: (n) => `${n} more`, within: 'within', above: 'above the limit', below: 'below the limit', improved: 'better', worse: 'worse',
    jump: (name, label) => `Show ${name} in “${label}”`, close: 'Close', chartOf: (name, unit) => `${name}${unit ? ` (${unit})` : ''}`,
    showAll: (n) => `Show all ${n} indicators`,
    needTwo: 'Open two reports or more to compare them (pick several files at once, or paste and press “Add to comparison”).',
  },
};

/** Cells drawn at first: beyond them a table takes the browser seconds to lay out. */
const CELLS_SHOWN = 6000;

const fmt = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 });
const num = (v) => (v === null || v === undefined ? '' : fmt.format(v));

/** A cell's value as shown: `~36`, `3～5`, `待填`. */
function valueText(cell, placeholder) {
  const r = cell.figure.row;
  if (r.placeholder || (r.value == null && r.low == null)) return placeholder;
  const v = r.value != null ? num(r.value) : `${num(r.low)}～${num(r.high)}`;
  return `${r.approx ? '约' : ''}${v}`;
}

/** `▲4 (+10%)`, `▼2.5pt`, or '' without a change. */
function changeText(cell, share) {
  if (!cell.change) return '';
  const arrow = cell.change > 0 ? '▲' : '▼';
  const abs = num(Math.abs(cell.change));
  if (share) return `${arrow}${abs}pt`;
  return cell.change_percent == null ? `${arrow}${abs}` : `${arrow}${abs} (${cell.change_percent > 0 ? '+' : ''}${num(Math.round(cell.change_percent * 10) / 10)}%)`;
}

/** A column's heading: region · year · period, else the file name. */
function columnName(col) {
  const what = [col.region, col.year, col.period].filter((x) => x !== null && x !== undefined && x !== '');
  return what.length ? what.join(' ') : col.label;
}

/** The wide CSV (`envreport compare --format csv`): one indicator a row, one report a
 * column headed by its label. */
function wideCSV(table) {
  const head = ['key', 'canonical', 'name', 'category', 'unit', 'better', 'reports', ...table.columns.map((c) => c.label)];
  const lines = [head.map(csvCell).join(',')];
  for (const r of table.rows) {
    lines.push([r.key, r.canonical ?? '', r.name, r.category, r.unit, r.better ?? '', r.reports,
      ...r.cells.map((c) => (c?.figure.row.value ?? ''))].map(csvCell).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** The long CSV (`envreport compare --format csv --long`). */
function longCSV(table) {
  const lines = [TIDY_COLUMNS.join(',')];
  for (const row of longRows(table)) lines.push(TIDY_COLUMNS.map((k) => csvCell(row[k])).join(','));
  return lines.join('\r\n') + '\r\n';
}

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs = {}, text = null) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== null) el.textContent = String(text);
  return el;
}

const PALETTE = ['#1a6fb0', '#d0631d', '#2f8f4e', '#8e44ad', '#b3261e', '#5d6d7e', '#c29d0b', '#16a2a2'];

/** The chart of one row, an SVG the page draws itself: when a region has two years or
 * more, a line over the years for each region (with a legend); else bars across the
 * columns (regions of one year). */
export function chartSVG(table, row, title) {
  const W = 640;
  const H = 300;
  const pad = { l: 56, r: 16, t: 32, b: 72 };
  const points = table.columns.map((col, c) => ({ col, v: row.cells[c]?.figure.row.value ?? null }))
    .filter((p) => p.v !== null);
  const values = points.map((p) => p.v);
  // the regions with values in two years or more
  const byRegion = new Map();
  for (const p of points) {
    if (p.col.year == null) continue;
    const key = p.col.region ?? '';
    if (!byRegion.has(key)) byRegion.set(key, []);
    byRegion.get(key).push(p);
  }
  const series = [...byRegion];
  const line = series.some(([, ps]) => new Set(ps.map((p) => p.col.year)).size >= 2);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const y = (v) => pad.t + ((H - pad.t - pad.b) * (max - v)) / span;
  const svg = s('svg', { xmlns: SVG, viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', class: 'chart', 'font-family': 'sans-serif', 'font-size': 12 });
  svg.append(s('title', {}, title));
  svg.append(s('rect', { x: 0, y: 0, width: W, height: H, fill: '#fff' }));
  svg.append(s('text', { x: pad.l, y: 18, 'font-weight': 'bold', fill: '#222' }, title));
  for (let k = 0; k <= 4; k++) {
    const v = min + (span * k) / 4;
    svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: y(v), y2: y(v), stroke: '#ddd' }));
    svg.append(s('text', { x: pad.l - 6, y: y(v) + 4, 'text-anchor': 'end', fill: '#555' }, num(Math.round(v * 100) / 100)));
  }
  const short = (label) => (label.length > 10 ? label.slice(0, 10) + '…' : label);
  if (line) {
    const years = [...new Set(series.flatMap(([, ps]) => ps.map((p) => p.col.year)))].sort((a, b) => a - b);
    const x = (year) => pad.l + ((W - pad.l - pad.r) * (years.indexOf(year) + 0.5)) / years.length;
    for (const year of years) svg.append(s('text', { x: x(year), y: H - pad.b + 16, 'text-anchor': 'middle', fill: '#333' }, year));
    series.forEach(([region, ps], k) => {
      const color = PALETTE[k % PALETTE.length];
      const sorted = [...ps].sort((a, b) => a.col.year - b.col.year);
      svg.append(s('path', { d: sorted.map((p, j) => `${j ? 'L' : 'M'}${x(p.col.year).toFixed(1)},${y(p.v).toFixed(1)}`).join(''),
        fill: 'none', stroke: color, 'stroke-width': 2 }));
      for (const p of sorted) {
        svg.append(s('circle', { cx: x(p.col.year), cy: y(p.v), r: 4, fill: color }));
        svg.append(s('text', { x: x(p.col.year), y: y(p.v) - 8, 'text-anchor': 'middle', fill: '#111' }, num(p.v)));
      }
      // the legend, one entry a region
      const lx = pad.l + (k % 4) * 140;
      const ly = H - 28 + Math.floor(k / 4) * 16;
      svg.append(s('rect', { x: lx, y: ly - 9, width: 10, height: 10, fill: color }));
      svg.append(s('text', { x: lx + 14, y: ly, fill: '#333' }, short(region || '—')));
    });
    return svg;
  }
  const x = (k) => pad.l + ((W - pad.l - pad.r) * (k + 0.5)) / Math.max(1, points.length);
  const bw = Math.max(4, ((W - pad.l - pad.r) / Math.max(1, points.length)) * 0.6);
  points.forEach((p, k) => {
    svg.append(s('text', { x: x(k), y: H - pad.b + 16, 'text-anchor': 'middle', fill: '#333' }, short(columnName(p.col))));
    svg.append(s('rect', { x: x(k) - bw / 2, y: Math.min(y(p.v), y(0)), width: bw, height: Math.abs(y(0) - y(p.v)), fill: PALETTE[0] }));
    svg.append(s('text', { x: x(k), y: y(p.v) - 8, 'text-anchor': 'middle', fill: '#111' }, num(p.v)));
  });
  return svg;
}

/** An SVG element as a PNG blob, drawn through a data: URL (the page's policy allows
 * images from data: only). */
function svgToPng(svg) {
  return new Promise((resolve, reject) => {
    const src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = img.width * 2;
      canvas.height = img.height * 2;
      const ctx = canvas.getContext('2d');
      ctx.scale(2, 2);
      ctx.drawImage(img, 0, 0);
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG'))), 'image/png');
    };
    img.onerror = () => reject(new Error('cannot draw the chart'));
    img.src = src;
  });
}

/**
 * The view, drawn into `root`. `host` gives what it works with: `files()` (the open
 * reports, `{ name, text, edits }`), `entries(docs, onProgress)` → each report's entry
 * (compare.js `entryOf`, computed in the worker), `jump(index, indicatorId)`,
 * `remove(index)`, `changed()` (the session is to be saved), `clearAll()`, `close()`,
 * `lang()`, `options` (kept with the session) and `category(c)` (its translated name).
 */
export function createCompareView(root, host) {
  const known = new WeakMap(); // file → its entry, as its report gives it
  let table = null;
  let chartRow = null;
  let showAll = false;
  let busy = 0;
  const tr = (key, ...args) => {
    const v = (STRINGS[host.lang()] ?? STRINGS.zh)[key];
    return typeof v === 'function' ? v(...args) : v;
  };

  async function entries() {
    const files = host.files();
    for (const f of files) if (f.entry && !known.has(f)) known.set(f, f.entry); // computed as it was read
    const todo = files.filter((f) => !known.has(f));
    if (todo.length) {
      root.dataset.state = 'analyzing';
      status.textContent = tr('analyzing', 1, todo.length);
      const got = await host.entries(todo.map((f) => ({ label: f.name, text: f.text })),
        (p) => { status.textContent = tr('analyzing', p.done + 1, p.total); });
      todo.forEach((f, k) => known.set(f, got[k]));
    }
    return files.map((f) => {
      const e = { ...known.get(f), label: f.name };
      const edits = f.edits ?? {};
      if (edits.region !== undefined) e.region = edits.region.trim() || null;
      if (edits.year !== undefined) e.year = edits.year === '' ? null : Number(edits.year);
      if (edits.period !== undefined) e.period = edits.period.trim() || null;
      return e;
    });
  }

  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const list = h('div', { class: 'compare-reports' });
  const controls = h('div', { class: 'compare-controls' });
  const tableWrap = h('div', { class: 'table-wrap compare-table' });
  const chartWrap = h('div', { class: 'compare-chart' });
  const exports = h('div', { class: 'exports' });
  const heading = h('h2', { id: 'compare-h' });
  const closeButton = h('button', { type: 'button', class: 'ghost small', onclick: () => host.close() });
  root.setAttribute('aria-labelledby', 'compare-h');
  root.replaceChildren(h('div', { class: 'table-bar' }, heading, closeButton), controls, list, status, tableWrap, chartWrap, exports);

  /** Recomputes and redraws everything (after a file, an edit or an option changed). */
  async function refresh() {
    const mine = ++busy;
    const files = host.files();
    drawList(files);
    drawControls();
    heading.textContent = tr('title');
    closeButton.textContent = tr('close');
    if (files.length < 2) {
      table = null;
      status.textContent = tr('needTwo');
      tableWrap.replaceChildren();
      chartWrap.replaceChildren();
      exports.replaceChildren();
      root.dataset.state = 'ready';
      return;
    }
    const started = performance.now();
    const es = await entries();
    if (mine !== busy) return;
    drawList(files); // with what each report's metadata says
    drawControls();
    const analyzed = performance.now();
    const o = host.options;
    table = compareTable(es, { order: o.order ?? 'region', minReports: o.shared ? 2 : 1, category: o.category ?? '', cataloguedOnly: !!o.catalogued });
    status.textContent = `${tr('rows', table.rows.length, table.columns.length)} · ${Math.round(performance.now() - started)} ms`;
    const computed = performance.now();
    drawTable();
    drawChart();
    drawExports();
    root.dataset.timing = JSON.stringify({ analyze: Math.round(analyzed - started), table: Math.round(computed - analyzed),
      draw: Math.round(performance.now() - computed) });
    root.dataset.state = 'ready';
    root.dataset.rendered = String(Number(root.dataset.rendered ?? 0) + 1);
  }

  function drawList(files) {
    const input = (f, key, attrs = {}) => h('input', {
      ...attrs, value: f.edits?.[key] ?? '', placeholder: '', 'aria-label': `${tr(key)} · ${f.name}`, class: `edit-${key}`,
      onchange: (e) => {
        f.edits = { ...(f.edits ?? {}), [key]: e.target.value };
        host.changed();
        refresh();
      },
    });
    const rows = files.map((f, k) => {
      const meta = known.get(f) ?? {};
      const region = input(f, 'region');
      const year = input(f, 'year', { type: 'number', min: 1949, max: 2100, step: 1, inputmode: 'numeric' });
      const period = input(f, 'period');
      // what the metadata says, until the user says otherwise
      if (f.edits?.region === undefined) region.value = meta.region ?? '';
      if (f.edits?.year === undefined) year.value = meta.year ?? '';
      if (f.edits?.period === undefined) period.value = meta.period ?? '';
      return h('tr', {}, h('td', { class: 'name' }, f.name), h('td', {}, region), h('td', {}, year), h('td', {}, period),
        h('td', {}, h('button', { type: 'button', class: 'ghost small', 'aria-label': `${tr('remove')} ${f.name}`,
          onclick: () => { host.remove(k); refresh(); } }, tr('remove'))));
    });
    list.replaceChildren(h('table', { class: 'reports' },
      h('caption', {}, tr('reports')),
      h('thead', {}, h('tr', {}, ...['file', 'region', 'year', 'period'].map((k) => h('th', { scope: 'col' }, tr(k))), h('th', {}))),
      h('tbody', {}, ...rows)));
  }

  function drawControls() {
    const o = host.options;
    const set = (key, value) => { o[key] = value; host.changed(); refresh(); };
    const order = h('select', { 'aria-label': tr('order'), class: 'order', onchange: (e) => set('order', e.target.value) },
      ...[['region', 'byRegion'], ['year', 'byYear'], ['input', 'byInput']].map(([v, k]) => h('option', { value: v }, tr(k))));
    order.value = o.order ?? 'region';
    const cats = new Set();
    for (const f of host.files()) for (const x of known.get(f)?.figures ?? []) cats.add(x.category);
    const category = h('select', { 'aria-label': tr('allCategories'), class: 'category', onchange: (e) => set('category', e.target.value) },
      h('option', { value: '' }, tr('allCategories')), ...[...cats].sort().map((c) => h('option', { value: c }, host.category(c))));
    category.value = cats.has(o.category) ? o.category : '';
    const box = (key, label) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', class: key, checked: !!o[key], onchange: (e) => set(key, e.target.checked) }), ' ', tr(label));
    controls.replaceChildren(h('label', {}, tr('order'), ' ', order), category, box('shared', 'shared'), box('catalogued', 'catalogued'),
      h('button', { type: 'button', class: 'ghost small danger clear-all', onclick: () => host.clearAll() }, tr('clearAll')));
  }

  function drawTable() {
    if (!table.rows.length) {
      tableWrap.replaceChildren(h('p', { class: 'muted' }, tr('none')));
      return;
    }
    const head = h('tr', {}, h('th', { scope: 'col' }, tr('indicator')), h('th', { scope: 'col' }, tr('unit')),
      ...table.columns.map((col) => h('th', { scope: 'col', title: col.label }, columnName(col), h('br'), h('small', { class: 'muted' }, col.label))));
    // a wide table draws its first rows (up to CELLS_SHOWN cells), then a button for all
    const limit = showAll ? table.rows.length : Math.max(40, Math.floor(CELLS_SHOWN / Math.max(1, table.columns.length)));
    const body = table.rows.slice(0, limit).map((row) => h('tr', { dataset: { key: row.key } },
      h('th', { scope: 'row' }, h('button', { type: 'button', class: 'link', 'aria-pressed': String(chartRow === row.key),
        onclick: () => { chartRow = row.key; drawChart(); drawTable(); } }, row.name)),
      h('td', { class: 'unit' }, row.unit),
      ...row.cells.map((cell, c) => {
        if (!cell) return h('td', { class: 'empty' }, '·');
        const col = table.columns[c];
        const check = cell.figure.row.check;
        const flag = check === 'above' || check === 'below' ? h('span', { class: 'flag bad', title: tr(check) }, '⚠')
          : check === 'within' ? h('span', { class: 'flag ok', title: tr('within') }, '✓') : '';
        const change = changeText(cell, row.unit === '%');
        const shown = valueText(cell, host.lang() === 'en' ? 'to fill' : '待填');
        // the name read out begins with the value shown, then says where it leads
        return h('td', { class: 'cell' },
          h('button', { type: 'button', class: 'value', 'aria-label': `${shown} ${tr('jump', row.name, col.label)}`,
            title: cell.figure.row.sentence || cell.figure.row.text,
            onclick: () => host.jump(col.report, cell.figure.row.indicator) }, shown),
          change ? h('span', { class: `change ${cell.improved === true ? 'better' : cell.improved === false ? 'worse' : ''}`,
            title: cell.improved === true ? tr('improved') : cell.improved === false ? tr('worse') : '' }, ' ', change) : '',
          flag ? ' ' : '', flag,
          cell.figure.more ? h('small', { class: 'muted' }, ` ${tr('more', cell.figure.more)}`) : '');
      })));
    const more = table.rows.length > limit
      ? h('button', { type: 'button', class: 'ghost more show-all-rows', onclick: () => { showAll = true; drawTable(); } }, tr('showAll', table.rows.length))
      : '';
    tableWrap.replaceChildren(h('table', { class: 'indicators compare' }, h('thead', {}, head), h('tbody', {}, ...body)), more);
  }

  function drawChart() {
    const row = table?.rows.find((r) => r.key === chartRow) ?? null;
    if (!row) {
      chartWrap.replaceChildren(h('p', { class: 'muted' }, tr('chartHint')));
      return;
    }
    const svg = chartSVG(table, row, tr('chartOf', row.name, row.unit));
    const name = `envreport-${row.key.replace(/[^\w.-]+/g, '_')}`;
    chartWrap.replaceChildren(svg, h('p', { class: 'exports' },
      h('button', { type: 'button', class: 'ghost small save-svg', onclick: () => download(`${name}.svg`, 'image/svg+xml', new XMLSerializer().serializeToString(svg)) }, tr('saveSvg')),
      h('button', { type: 'button', class: 'ghost small save-png', onclick: async () => download(`${name}.png`, 'image/png', await svgToPng(svg)) }, tr('savePng'))));
  }

  function drawExports() {
    exports.replaceChildren(
      h('button', { type: 'button', class: 'ghost export-wide', onclick: () => download('envreport-compare.csv', 'text/csv;charset=utf-8', '\uFEFF' + wideCSV(table)) }, tr('wide')),
      h('button', { type: 'button', class: 'ghost export-long', onclick: () => download('envreport-compare-long.csv', 'text/csv;charset=utf-8', '\uFEFF' + longCSV(table)) }, tr('long')),
      h('button', { type: 'button', class: 'ghost export-xlsx', onclick: exportXlsx }, tr('xlsx')));
  }

  async function exportXlsx() {
    await import('./pkg/vendor/write-excel-file.min.js');
    const cell = xlsxCell;
    const bold = (v) => ({ value: v, fontWeight: 'bold' });
    const wideHead = ['key', 'canonical', 'name', 'category', 'unit', 'better', 'reports'];
    const wide = [[...wideHead.map(bold), ...table.columns.map((c) => bold(c.label))],
      [cell(''), cell(''), cell(tr('region')), ...wideHead.slice(3).map(() => cell('')), ...table.columns.map((c) => cell(c.region ?? ''))],
      [cell(''), cell(''), cell(tr('year')), ...wideHead.slice(3).map(() => cell('')), ...table.columns.map((c) => cell(c.year ?? ''))],
      ...table.rows.map((r) => [r.key, r.canonical ?? '', r.name, r.category, r.unit, r.better ?? '', r.reports,
        ...r.cells.map((c) => c?.figure.row.value ?? '')].map(cell))];
    const long = [TIDY_COLUMNS.map(bold), ...longRows(table).map((row) => TIDY_COLUMNS.map((k) => cell(row[k])))];
    const blob = await globalThis.writeXlsxFile([
      { data: wide, sheet: '对比', stickyRowsCount: 1 },
      { data: long, sheet: '明细', stickyRowsCount: 1 },
    ]).toBlob();
    download('envreport-compare.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', blob);
  }

  return { refresh, table: () => table };
}
