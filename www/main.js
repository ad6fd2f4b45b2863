// The page: input (paste, drop, pick, example), analysis in the worker, and the views.
import { analyzeText, compareEntries, poolSize, readFile, analyzerVersion, warmPool } from './client.js';
import { applyStrings, translator } from './i18n.js';
import { droppedFiles } from './drop.js';
import { clearSession, loadSession, saveSession } from './store.js';
import {
  buildChecks, buildMeta, buildOutline, buildSource, buildTable, download, flash, h, indicatorRows, selectRow, sortRows,
} from './render.js';

// the exports' writers, loaded when first asked for (and warmed once the page is idle)
const exporters = () => import('./exports.js');
let exportersWarmed = false;

const $ = (id) => document.getElementById(id);

const state = {
  lang: localStorage.getItem('envreport-lang') === 'en' ? 'en' : 'zh',
  text: '',
  report: null,
  ms: 0,
  files: [],          // [{ name, text, encoding, format }]
  fileIndex: -1,
  encoding: null,     // how the file on screen was read: { encoding, format }
  sortKey: null,
  sortDir: 'asc',
  filter: '',
  section: '',
  category: '',
  // the table's rows grouped by category, under a heading each
  group: false,
  showAllChecks: false,
  request: 0,
  source: null,
  compareOpen: false,
  compareOptions: {}, // { order, shared, catalogued, category }
  pendingSelect: null, // an indicator to select once its report is on screen
};
let t = translator(state.lang);

// The table's settings (filter, category, sort) kept in this browser across a reload
const SETTINGS = 'envreport-settings';
function saveSettings() {
  try {
    const { filter, category, sortKey, sortDir, group } = state;
    localStorage.setItem(SETTINGS, JSON.stringify({ filter, category, sortKey, sortDir, group }));
  } catch {
    // storage refused: the settings last as long as the page
  }
}
try {
  const saved = JSON.parse(localStorage.getItem(SETTINGS) ?? '{}');
  for (const key of ['filter', 'category', 'sortKey', 'sortDir']) {
    if (typeof saved[key] === 'string') state[key] = saved[key];
  }
  if (typeof saved.group === 'boolean') state.group = saved.group;
} catch {
  // nothing kept, or not readable: the defaults
}

function setLang(lang) {
  state.lang = lang;
  t = translator(lang);
  localStorage.setItem('envreport-lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  applyStrings(document, t);
  $('lang').textContent = t('lang');
  $('lang').lang = lang === 'zh' ? 'en' : 'zh-CN';
  document.title = t('pageTitle');
  if (state.report) render();
}

function setStatus(text, busy = false) {
  const status = $('status');
  status.replaceChildren(busy ? h('span', { class: 'spinner', 'aria-hidden': 'true' }) : '', text);
  status.classList.toggle('busy', busy);
}

/** The status line while a long text is analyzed: a progress bar, the stage, the time. */
function setProgress(text, started, progress) {
  const status = $('status');
  const elapsed = `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const size = `${(text.length / 1e6).toFixed(1)} M ${t('chars')}`;
  const parts = [h('span', { class: 'spinner', 'aria-hidden': 'true' })];
  if (progress) {
    parts.push(h('progress', { max: String(progress.total), value: String(progress.done), 'aria-label': t('analyzing') }));
    parts.push(`${t('analyzing')} ${t('stage')[progress.stage] ?? progress.stage} (${progress.done + 1}/${progress.total}) · ${size} · ${elapsed}`);
  } else {
    parts.push(`${t('analyzing')} ${size} · ${elapsed}`);
  }
  status.replaceChildren(...parts);
  status.classList.add('busy');
}

/** What `inputLabel` names: the encoding of a text file, the kind of any other file. */
function inputKey(input) {
  return input.format === 'text' ? t('encoding') : t('file');
}

/** How the file on screen was read: `gb18030`, `Word 文档`, `网页 · utf-8`. */
function inputLabel(input) {
  if (!input) return '';
  const format = t('format')[input.format] ?? input.format;
  if (input.format === 'docx') return format;
  if (input.format === 'html') return `${format} · ${input.encoding}`;
  return input.encoding;
}

function setError(message) {
  $('status').replaceChildren(h('span', { class: 'error' }, `${t('error')}: ${message}`));
}

// ---- analysis ---------------------------------------------------------------------------

let debounce = 0;
function scheduleAnalysis() {
  clearTimeout(debounce);
  const wait = $('text').value.length > 1e6 ? 800 : 250;
  debounce = setTimeout(() => runAnalysis($('text').value), wait);
}

async function runAnalysis(text) {
  const id = ++state.request;
  if (!text.trim()) {
    state.report = null;
    state.text = '';
    render();
    setStatus('');
    return;
  }
  const started = performance.now();
  let progress = null;
  const tick = setInterval(() => setProgress(text, started, progress), 250);
  if (text.length > 200000) setProgress(text, started, null);
  try {
    const { report, ms } = await analyzeText(text, {}, (p) => {
      progress = p;
      setProgress(text, started, p);
    });
    if (id !== state.request) return; // a newer text is on its way
    clearInterval(tick);
    if (report.indicators.length > 2000) {
      // Building a large view takes a moment: say so first.
      setStatus(t('rendering'), true);
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      if (id !== state.request) return;
    }
    state.text = text;
    state.report = report;
    state.ms = ms;
    state.showAllChecks = false;
    render();
    if (state.pendingSelect !== null) selectIndicator(state.pendingSelect);
    state.pendingSelect = null;
    // How many analyses are on screen: tests and embedding scripts wait on it.
    document.body.dataset.rendered = String(Number(document.body.dataset.rendered ?? 0) + 1);
    performance.mark('envreport:rendered');
    if (!exportersWarmed) {
      exportersWarmed = true;
      (globalThis.requestIdleCallback ?? setTimeout)(() => exporters());
    }
  } catch (e) {
    if (id === state.request) setError(e.message);
  } finally {
    clearInterval(tick);
  }
}

// ---- input ------------------------------------------------------------------------------

/** Reads files and adds them to the open reports (a file already open is not added
 * twice); shows the first new one. */
async function openFiles(fileList) {
  const files = [...fileList];
  if (!files.length) return;
  // many reports are for comparing: the workers that will share their analysis start now
  if (state.files.length + files.length >= 8) warmPool();
  performance.mark('envreport:open-files'); // User Timing marks: for profiles and make bench-compare
  setStatus(t('reading'), true);
  // files read side by side, one worker each; with their figures when they are to be compared
  const entry = state.files.length + files.length >= 2;
  const results = new Array(files.length);
  let next = 0;
  let done = 0;
  await Promise.all(Array.from({ length: Math.min(files.length, files.length >= 8 ? poolSize() : 1) }, async (_, worker) => {
    while (next < files.length) {
      const k = next++;
      try {
        if (files[k].size === 0) throw new Error(t('emptyFile'));
        const { text, encoding, format, entry: figures } = await readFile(files[k], { entry, worker });
        results[k] = { name: files[k].name, text, encoding, format, entry: figures };
      } catch (e) {
        results[k] = { error: `${files[k].name}: ${files[k].size === 0 ? e.message : t('readError', e.message)}` };
      }
      if (files.length > 3) setStatus(`${t('reading')} ${++done}/${files.length}`, true);
    }
  }));
  const read = results.filter((r) => !r.error);
  const errors = results.filter((r) => r.error).map((r) => r.error);
  if (read.length) {
    const fresh = read.filter((f) => !state.files.some((g) => g.name === f.name && g.text === f.text));
    const first = fresh.length ? state.files.length : state.files.findIndex((g) => g.name === read[0].name && g.text === read[0].text);
    state.files.push(...fresh);
    showFile(first);
    persist();
    if (state.compareOpen) compareView?.refresh();
  }
  renderFileList();
  if (errors.length) setError(errors.join('；'));
}

/** Adds the text in the box as a report of its own (pasting one report after another). */
function addText() {
  const text = $('text').value;
  if (!text.trim()) return;
  const i = state.files.findIndex((f) => f.text === text);
  if (i >= 0) {
    showFile(i);
    return;
  }
  const title = state.report?.meta.title;
  const n = state.files.filter((f) => f.format === 'pasted').length + 1;
  state.files.push({ name: title ? `${title}` : t('pasted', n), text, encoding: 'utf-8', format: 'pasted' });
  state.fileIndex = state.files.length - 1;
  renderFileList();
  persist();
  if (state.compareOpen) compareView?.refresh();
}

function showFile(i) {
  state.fileIndex = i;
  const f = state.files[i];
  state.encoding = f.format === 'pasted' ? null : { encoding: f.encoding, format: f.format };
  $('text').value = f.text;
  renderFileList();
  runAnalysis(f.text);
}

function renderFileList() {
  const list = $('file-list');
  list.hidden = state.files.length === 0;
  list.replaceChildren(...state.files.map((f, i) => h('button', {
    type: 'button', class: i === state.fileIndex ? 'file current' : 'file', 'aria-pressed': String(i === state.fileIndex),
    onclick: () => showFile(i),
  }, f.name, h('span', { class: 'enc' }, inputLabel(f)))));
}

async function loadExample() {
  // The example ships as a module string, so loading it is no network connection.
  const { EXAMPLE } = await import('./pkg/example.js');
  state.files = [];
  state.encoding = null;
  renderFileList();
  $('text').value = EXAMPLE;
  runAnalysis(EXAMPLE);
}

// ---- the session and the comparison -------------------------------------------------------

let saving = 0;
/** Keeps the open reports, their corrections, the pasted text and the comparison in this
 * browser (IndexedDB), a moment after the last change. */
function persist() {
  clearTimeout(saving);
  saving = setTimeout(() => saveSession({
    files: state.files.map(({ name, text, encoding, format, edits }) => ({ name, text, encoding, format, edits })),
    fileIndex: state.fileIndex,
    text: state.files.length ? '' : $('text').value,
    compareOpen: state.compareOpen,
    compareOptions: state.compareOptions,
  }), 300);
}

let compareView = null;
/** Opens the comparison (its code is loaded now, not with the page). */
async function openCompare() {
  state.compareOpen = true;
  const root = $('compare');
  root.hidden = false;
  if (!compareView) {
    const { createCompareView } = await import('./compare-view.js');
    compareView = createCompareView(root, {
      files: () => state.files,
      entries: async (docs, onProgress) => (await compareEntries(docs, onProgress)).entries,
      jump: (i, id) => {
        state.pendingSelect = id;
        if (i === state.fileIndex && state.report) {
          selectIndicator(id);
          state.pendingSelect = null;
        } else {
          showFile(i);
        }
        $('results').scrollIntoView({ block: 'start' });
      },
      remove: (i) => removeFile(i),
      changed: persist,
      clearAll,
      close: closeCompare,
      lang: () => state.lang,
      options: state.compareOptions,
      category: (c) => t('category', c),
    });
    // for tests and embedding scripts: `envreportCompare.table()` is the table on screen
    window.envreportCompare = compareView;
  }
  persist();
  await compareView.refresh();
  root.scrollIntoView({ block: 'nearest' });
  performance.mark('envreport:compare-drawn');
}

function closeCompare() {
  state.compareOpen = false;
  $('compare').hidden = true;
  persist();
}

function removeFile(i) {
  state.files.splice(i, 1);
  if (!state.files.length) {
    state.fileIndex = -1;
    $('text').value = '';
    runAnalysis('');
  } else if (i === state.fileIndex) {
    showFile(Math.min(i, state.files.length - 1));
  } else if (i < state.fileIndex) {
    state.fileIndex -= 1;
  }
  renderFileList();
  persist();
}

/** Forgets every open report, the pasted text and what this browser kept of them. */
async function clearAll() {
  state.files = [];
  state.fileIndex = -1;
  state.encoding = null;
  state.compareOptions = {};
  compareView = null;
  closeCompare();
  $('compare').replaceChildren();
  $('text').value = '';
  renderFileList();
  runAnalysis('');
  clearTimeout(saving);
  Object.assign(state, { filter: '', category: '', sortKey: null, sortDir: 'asc', group: false });
  $('filter').value = '';
  $('group-category').checked = false;
  try { localStorage.removeItem(SETTINGS); } catch { /* nothing kept */ }
  await clearSession();
}

/** Selects an indicator's row and shows it in the source. */
function selectIndicator(id) {
  const wrap = $('table');
  const row = selectRow(wrap, id);
  row?.scrollIntoView({ block: 'nearest' });
  const mark = state.source?.marks.indicator.get(id);
  scrollSourceTo(mark);
  flash(mark);
}

// ---- views ------------------------------------------------------------------------------

function render() {
  const r = state.report;
  $('empty').hidden = !!r;
  $('panes').hidden = !r;
  if (!r) return;
  const unfilled = (r.checks ?? []).filter((c) => c.verdict === 'unfilled').length;
  setStatus(t('stats', state.text.length.toLocaleString(), r.indicators.length, state.ms.toFixed(1))
    + (unfilled ? ` · ${t('placeholdersLeft', unfilled)}` : '')
    + (state.encoding ? ` · ${inputKey(state.encoding)} ${inputLabel(state.encoding)}` : ''));

  const extra = state.encoding ? [[inputKey(state.encoding), inputLabel(state.encoding)]] : [];
  $('meta').replaceChildren(buildMeta(r, t, extra));
  $('outline').replaceChildren(buildOutline(r.sections, t, (s) => {
    const anchor = state.source.sectionAnchors.get(s.id);
    scrollSourceTo(anchor);
    flash(anchor);
  }));
  $('diagnostics').replaceChildren(...buildDiagnostics(r.diagnostics));

  state.source = buildSource(state.text, r, t);
  $('source').replaceChildren(state.source.element);
  renderChecks();
  renderSectionFilter();
  renderCategoryFilter();
  renderTable();
}

/** The checks card: the first CHECKS_SHOWN checks (problems first), then a button for all. */
const CHECKS_SHOWN = 300;
function renderChecks() {
  const r = state.report;
  const checks = buildChecks(r, t, (c) => {
    // to the indicator the check is about, else to its text, selected
    const id = c.indicators[0];
    if (id !== undefined) {
      const mark = state.source.marks.indicator.get(id);
      scrollSourceTo(mark);
      flash(mark);
      return;
    }
    const s = c.spans[0];
    const range = s && state.source.rangeAt(s.start, s.end);
    if (!range) return;
    scrollSourceTo(range);
    const sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
  }, state.text, state.showAllChecks ? Infinity : CHECKS_SHOWN);
  $('checks-summary').textContent = checks.summary;
  $('checks').replaceChildren(...checks.items);
  if (checks.more) {
    $('checks').append(h('li', {}, h('button', { type: 'button', class: 'ghost more',
      onclick: () => { state.showAllChecks = true; renderChecks(); } }, t('showAllChecks', checks.more))));
  }
}

/** Quotes shown for each kind of note. */
const QUOTES_SHOWN = 3;

/** Notes as list items, one a kind: its message once, how many times it occurs, and a
 * few of the texts it is about (distinct, empty ones left out). */
function buildDiagnostics(list) {
  if (!list.length) return [h('li', { class: 'muted' }, t('noDiagnostics'))];
  const kinds = new Map();
  for (const d of list) {
    if (!kinds.has(d.code)) kinds.set(d.code, { first: d, n: 0, quotes: new Set() });
    const k = kinds.get(d.code);
    k.n += 1;
    const q = (d.text ?? '').trim();
    if (q && k.quotes.size < QUOTES_SHOWN) k.quotes.add(q.length > 60 ? q.slice(0, 60) + '…' : q);
  }
  return [...kinds].map(([code, { first, n, quotes }]) => h('li', { class: `diag diag-${first.severity}`, dataset: { code } },
    h('span', { class: 'diag-code' }, code), ' ', t('diagnosticMessage', first),
    n > 1 ? h('span', { class: 'diag-count' }, ` ${t('timesSeen', n)}`) : '',
    ...[...quotes].map((q) => h('q', {}, q))));
}

function scrollSourceTo(el) {
  if (!el) return;
  const pane = $('source');
  const top = el.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
  pane.scrollTop = Math.max(0, top - 24);
  // an element, or a Range over the text
  const inside = el.closest ? el : el.startContainer?.parentElement;
  inside?.closest?.('.card')?.scrollIntoView?.({ block: 'nearest' });
  pane.dataset.scrolledTo = el.dataset?.section ?? el.dataset?.id ?? `@${el.startOffset ?? ''}`;
}

function renderSectionFilter() {
  const select = $('section-filter');
  const options = [h('option', { value: '' }, t('allSections'))];
  const seen = new Set();
  for (const ind of state.report.indicators) {
    if (ind.section_title && !seen.has(ind.section_title)) {
      seen.add(ind.section_title);
      options.push(h('option', { value: ind.section_title }, ind.section_title));
    }
  }
  if (!seen.has(state.section)) state.section = '';
  select.replaceChildren(...options);
  select.value = state.section;
}

/** The categories of indicators with their counts, most indicators first. */
function categoryCounts(indicators) {
  const counts = new Map();
  for (const ind of indicators) counts.set(ind.category, (counts.get(ind.category) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

const categoriesByCount = (indicators) => categoryCounts(indicators).map(([c]) => c);

/** The category filter: every category of the report, most indicators first, with counts. */
function renderCategoryFilter() {
  const counts = new Map(categoryCounts(state.report.indicators));
  const sorted = [...counts];
  const select = $('category-filter');
  select.replaceChildren(h('option', { value: '' }, t('allCategories')),
    ...sorted.map(([c, n]) => h('option', { value: c }, `${t('category', c)} (${n})`)));
  if (!counts.has(state.category)) state.category = '';
  select.value = state.category;
}

function visibleRows() {
  let rows = indicatorRows(state.report, t);
  const q = state.filter.trim().toLowerCase();
  if (q) rows = rows.filter((r) => `${r.name} ${r.valueText} ${r.unit} ${r.section} ${r.text}`.toLowerCase().includes(q));
  if (state.section) rows = rows.filter((r) => r.section === state.section);
  if (state.category) rows = rows.filter((r) => r.category === state.category);
  if (state.sortKey) rows = sortRows(rows, state.sortKey, state.sortDir);
  return rows;
}

function renderTable() {
  const r = state.report;
  const rows = visibleRows();
  $('ind-count').textContent = t('shown', rows.length, r.indicators.length);
  const wrap = $('table');
  if (!r.indicators.length) {
    wrap.replaceChildren(h('p', { class: 'muted' }, t('noIndicators')));
    return;
  }
  const table = buildTable(rows, t, {
    sortKey: state.sortKey,
    sortDir: state.sortDir,
    group: state.group ? {
      key: (row) => row.category,
      order: categoriesByCount(r.indicators),
      label: (c, n) => `${t('category', c)} (${n})`,
    } : null,
    onSort: (key) => {
      state.sortDir = state.sortKey === key && state.sortDir === 'asc' ? 'desc' : 'asc';
      state.sortKey = key;
      saveSettings();
      wrap.scrollTop = 0; // a new order is read from its top
      renderTable();
      wrap.querySelector(`th[aria-sort="${state.sortDir === 'asc' ? 'ascending' : 'descending'}"] button`)?.focus();
    },
    onSelect: (row) => {
      selectRow(wrap, row.id);
      const mark = state.source.marks.indicator.get(row.id);
      scrollSourceTo(mark);
      flash(mark);
    },
  });
  wrap.replaceChildren(table);
  table.rowsView.refresh();
}

function baseName() {
  const f = state.files[state.fileIndex];
  return (f ? f.name.replace(/\.[^.]+$/, '') : state.report?.meta.title) || 'envreport';
}

// ---- wiring -----------------------------------------------------------------------------

function wire() {
  $('text').addEventListener('input', () => { scheduleAnalysis(); if (!state.files.length) persist(); });
  $('add-text').addEventListener('click', addText);
  $('compare-open').addEventListener('click', () => (state.compareOpen ? closeCompare() : openCompare()));
  $('example').addEventListener('click', loadExample);
  $('clear').addEventListener('click', () => {
    $('text').value = '';
    state.files = [];
    state.fileIndex = -1;
    state.encoding = null;
    renderFileList();
    runAnalysis('');
    persist();
    if (state.compareOpen) compareView?.refresh();
    $('text').focus();
  });
  $('files').addEventListener('change', (e) => { openFiles(e.target.files); e.target.value = ''; });
  $('lang').addEventListener('click', () => setLang(state.lang === 'zh' ? 'en' : 'zh'));
  $('filter').value = state.filter;
  $('filter').addEventListener('input', (e) => { state.filter = e.target.value; saveSettings(); renderTable(); });
  $('section-filter').addEventListener('change', (e) => { state.section = e.target.value; renderTable(); });
  $('category-filter').addEventListener('change', (e) => { state.category = e.target.value; saveSettings(); renderTable(); });
  $('group-category').checked = state.group;
  $('group-category').addEventListener('change', (e) => { state.group = e.target.checked; saveSettings(); renderTable(); });
  $('export-json').addEventListener('click', () => download(`${baseName()}.json`, 'application/json',
    JSON.stringify(state.report, null, 2)));
  $('export-xlsx').addEventListener('click', async () => {
    // the writer is loaded now, not with the page
    const button = $('export-xlsx');
    button.disabled = true;
    try {
      const [{ xlsxSheets }] = await Promise.all([exporters(), import('./pkg/vendor/write-excel-file.min.js')]);
      const sheets = xlsxSheets(state.report, state.text, t, state.files[state.fileIndex]?.name ?? '');
      const blob = await globalThis.writeXlsxFile(sheets).toBlob();
      download(`${baseName()}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', blob);
    } catch (e) {
      setStatus(t('xlsxFailed', String(e?.message ?? e)));
    } finally {
      button.disabled = false;
    }
  });
  $('export-checks').addEventListener('click', async () => download(`${baseName()}-checks.csv`, 'text/csv;charset=utf-8',
    '\uFEFF' + (await exporters()).checksCSV(state.report, state.text, t)));
  $('export-csv').addEventListener('click', async () => download(`${baseName()}.csv`, 'text/csv;charset=utf-8',
    '\uFEFF' + (await exporters()).toCSV(state.report, t, state.files[state.fileIndex]?.name ?? '')));
  $('export-md').addEventListener('click', async () => download(`${baseName()}.md`, 'text/markdown;charset=utf-8',
    (await exporters()).toMarkdown(state.report, t)));
  $('copy').addEventListener('click', async () => {
    try {
      const { toMarkdown } = await exporters();
      await navigator.clipboard.writeText(toMarkdown(state.report, t));
      $('copy').textContent = t('copied');
      setTimeout(() => { $('copy').textContent = t('copy'); }, 1500);
    } catch (e) {
      setError(e.message);
    }
  });

  // A print has the whole table, not the rows in view
  let printed = false;
  addEventListener('beforeprint', () => {
    const view = $('table').querySelector('table.indicators')?.rowsView;
    if (!view) return;
    view.all();
    printed = true;
  });
  addEventListener('afterprint', () => {
    if (!printed) return;
    printed = false;
    renderTable();
  });

  // Drag and drop anywhere on the page.
  let depth = 0;
  const drop = $('drop');
  const hasFiles = (e) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  addEventListener('dragenter', (e) => { if (hasFiles(e)) { depth++; drop.hidden = false; } });
  addEventListener('dragleave', () => { if (--depth <= 0) { depth = 0; drop.hidden = true; } });
  addEventListener('dragover', (e) => { if (hasFiles(e)) e.preventDefault(); });
  addEventListener('drop', (e) => {
    if (!e.dataTransfer?.files?.length) return;
    e.preventDefault();
    depth = 0;
    drop.hidden = true;
    droppedFiles(e.dataTransfer).then(openFiles, (err) => setError(err.message));
  });
}

wire();
setLang(state.lang);
analyzerVersion().then((v) => { $('version').textContent = `envreport ${v}`; }).catch((e) => setError(e.message));
// a reload finds the reports, the pasted text and the comparison where they were
loadSession().then((session) => {
  if (session?.files?.length) {
    state.files = session.files;
    state.compareOptions = session.compareOptions ?? {};
    showFile(Math.max(0, Math.min(session.fileIndex ?? 0, session.files.length - 1)));
    if (session.compareOpen) openCompare();
  } else if (session?.text) {
    $('text').value = session.text;
    runAnalysis(session.text);
  } else if (!$('text').value) {
    loadExample();
  } else {
    runAnalysis($('text').value);
  }
});
