// <envreport-analyzer>: the analyzer as a custom element with its own shadow root.
//
//   <script type="module" src="https://host/envreport/widget.js"></script>
//   <envreport-analyzer src="report.txt" lang="en" view="outline table"></envreport-analyzer>
//
// Attributes: text (initial text) or src (a same-origin text file), lang (zh | en), view
// (any of: meta outline checks table source input; default "meta outline checks table
// source"), compact.
// Theme: CSS custom properties --envreport-accent, --envreport-ink, --envreport-bg,
// --envreport-font, --envreport-radius, --envreport-line, --envreport-table-height,
// --envreport-source-height; parts: root, meta, outline, checks, table, source, input, status.
// Methods: analyze(text) → Promise<Report>; property report. Events: envreport-analyzed
// (detail: the report), envreport-error (detail: { message }).
import { analyzeText } from './client.js';
import { translator } from './i18n.js';
import { buildChecks, buildMeta, buildOutline, buildSource, buildTable, flash, h, indicatorRows, selectRow, sortRows } from './render.js';

const CSS = `
:host { display: block; contain: content; }
.root { font-family: var(--envreport-font, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif);
  color: var(--envreport-ink, #1d2a33); background: var(--envreport-bg, #fff); border: 1px solid var(--envreport-line, #d9e0e4);
  border-radius: var(--envreport-radius, 10px); padding: 14px; line-height: 1.6; font-size: 15px; text-align: left;
  letter-spacing: normal; word-spacing: normal; text-transform: none; font-style: normal; font-weight: 400; }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
h2 { font-size: 1em; margin: 0 0 .5em; font-weight: 650; color: inherit; }
.grid { display: grid; grid-template-columns: minmax(200px, 300px) 1fr; gap: 14px; }
.grid.single { grid-template-columns: 1fr; }
.col { display: grid; gap: 14px; align-content: start; min-width: 0; }
section { min-width: 0; }
.status { color: #56636d; font-size: .85em; margin: 0 0 8px; min-height: 1.4em; }
.error { color: #b3261e; }
textarea { width: 100%; min-height: 120px; font: inherit; padding: 8px; border: 1px solid #d9e0e4; border-radius: 8px; resize: vertical; }
button { font: inherit; cursor: pointer; }
.meta { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; font-size: .92em; }
.meta dt { color: #56636d; } .meta dd { margin: 0; overflow-wrap: anywhere; }
.tree, .tree ul { list-style: none; margin: 0; padding: 0; }
.tree ul { padding-left: 12px; border-left: 1px solid #d9e0e4; margin-left: 9px; }
.tree-row { display: flex; gap: 2px; }
.tree-toggle { width: 20px; min-width: 20px; background: none; border: 0; color: #56636d; padding: 0; }
.tree-toggle::before { content: "▾"; } [aria-expanded=false] > .tree-row .tree-toggle::before { content: "▸"; }
[aria-expanded=false] > ul { display: none; }
.tree-leaf { width: 20px; min-width: 20px; }
.tree-label { background: none; border: 0; text-align: left; padding: 1px 4px; border-radius: 5px; color: inherit; font-size: .92em; }
.tree-label:hover { background: color-mix(in srgb, var(--envreport-accent, #0f6e5a) 12%, transparent); }
.tree-number { color: var(--envreport-accent, #0f6e5a); margin-right: .3em; }
.table-wrap { max-height: var(--envreport-table-height, 420px); overflow: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9em; }
th { position: sticky; top: 0; background: var(--envreport-bg, #fff); text-align: left; border-bottom: 2px solid #d9e0e4; padding: 0; }
th button { background: none; border: 0; font-weight: 650; padding: 5px 6px; width: 100%; text-align: inherit; color: inherit; }
.num { text-align: right; }
td { padding: 4px 6px; border-bottom: 1px solid #eef1f3; vertical-align: top; }
tbody tr { cursor: pointer; } tbody tr.selected { background: color-mix(in srgb, var(--envreport-accent, #0f6e5a) 14%, transparent); }
tbody tr.spacer { cursor: default; } tbody tr.spacer td { padding: 0; border: 0; } tbody tr.spacer[hidden] { display: none; }
.sort-mark { color: var(--envreport-accent, #0f6e5a); }
.source { max-height: var(--envreport-source-height, 420px); overflow: auto; }
.source-text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.85; }
.source-text.lazy .source-part { content-visibility: auto; contain-intrinsic-size: auto 1200px; }
mark { color: inherit; border-radius: 3px; }
.hl-indicator { background: #fff1b8; box-shadow: inset 0 -2px 0 #e0b600; }
.hl-comparison { background: #d9ecff; } .hl-rank { background: #f3dcf7; }
.section-anchor { display: inline-block; width: 0; }
.flash { animation: flash 1.6s ease-out; }
@keyframes flash { 0%, 40% { background: #ffb347; } }
:focus-visible { outline: 3px solid var(--envreport-accent, #0f6e5a); outline-offset: 1px; }
.muted { color: #56636d; }
.checks-list { list-style: none; padding: 0; margin: 0; display: grid; gap: 3px; max-height: 14rem; overflow: auto; font-size: .85em; }
.checks-summary { margin: 0 0 4px; color: #56636d; font-size: .85em; }
.check-jump { all: unset; cursor: pointer; display: block; padding: 1px 3px; border-radius: 3px; }
.check-jump:focus-visible, .check-jump:hover { outline: 2px solid var(--envreport-accent, #0f6e5a); }
.check-verdict { border-radius: 3px; padding: 0 3px; background: #e3f1ea; }
.check-above .check-verdict, .check-below .check-verdict, .check-inconsistent .check-verdict { background: #fbd9d3; }
.check-unfilled .check-verdict { background: #fde7c8; }
.check-context { display: block; color: #56636d; }
@media (prefers-color-scheme: dark) {
  .root { color: var(--envreport-ink, #e3e8ea); background: var(--envreport-bg, #1b2328); border-color: var(--envreport-line, #34414a); color-scheme: dark; }
  .status, .meta dt, .tree-toggle, .muted, .checks-summary, .check-context { color: #9aa7ae; }
  textarea { background: #161d21; color: inherit; border-color: #34414a; }
  th { background: var(--envreport-bg, #1b2328); border-bottom-color: #34414a; }
  td { border-bottom-color: #26323a; }
  .tree ul { border-left-color: #34414a; }
  .hl-indicator { background: #5a4a00; box-shadow: inset 0 -2px 0 #b89400; }
  .hl-comparison { background: #1d3a57; } .hl-rank { background: #47284f; }
  .check-verdict { background: #1d3b2f; }
  .check-above .check-verdict, .check-below .check-verdict, .check-inconsistent .check-verdict { background: #5a2420; }
  .check-unfilled .check-verdict { background: #5a3d12; }
  .error { color: #ff8a80; }
}
@media (max-width: 600px) {
  table.indicators, table.indicators tbody, table.indicators tr, table.indicators td { display: block; width: 100%; }
  table.indicators thead { display: block; }
  table.indicators thead tr { display: flex; flex-wrap: wrap; gap: 2px 4px; }
  table.indicators th { position: static; border: 0; width: auto; }
  table.indicators th button.sort { padding: 2px 6px; font-size: .8rem; border: 1px solid #d9e0e4; border-radius: 6px; }
  table.indicators tbody tr { border-bottom: 1px solid #d9e0e4; padding: 6px 2px; }
  table.indicators td { border: 0; padding: 1px 4px; display: flex; gap: 8px; text-align: left; min-width: 0; }
  table.indicators td:empty { display: none; }
  table.indicators td.num { text-align: left; }
  table.indicators td::before { content: attr(data-label); color: #56636d; min-width: 4.5em; flex: none; font-size: .85em; }
  table.indicators td[data-col=name] { font-weight: 600; }
  table.indicators td[data-col=name]::before { content: none; }
}
@media print {
  .root { border: 0; padding: 0; color: #000; background: #fff; }
  textarea, button.more, .tree-toggle { display: none !important; }
  .table-wrap, .source { max-height: none; overflow: visible; }
  th { position: static; }
}
:host([compact]) .root { padding: 8px; font-size: 13px; }
:host([compact]) .grid { grid-template-columns: 1fr; gap: 8px; }
:host([compact]) td { padding: 2px 4px; }
@media (max-width: 640px) { .grid { grid-template-columns: 1fr; } }
`;

let sheet = null;
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
  }
  return sheet;
}

const VIEWS = ['meta', 'outline', 'checks', 'table', 'source', 'input'];
const DEFAULT_VIEW = 'meta outline checks table source';

export class EnvreportAnalyzer extends HTMLElement {
  static observedAttributes = ['text', 'src', 'lang', 'view', 'compact'];

  #root;
  #report = null;
  #text = '';
  #request = 0;
  #source = null;
  #sort = { key: null, dir: 'asc' };
  #connected = false;
  #printing = null;
  #ms = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
  }

  /** The last report, or null. */
  get report() {
    return this.#report;
  }

  /** The text last analyzed. */
  get text() {
    return this.#text;
  }

  connectedCallback() {
    this.#connected = true;
    // a print has the whole table, not the rows in view
    this.#printing = new AbortController();
    const signal = this.#printing.signal;
    addEventListener('beforeprint', () => this.#root.querySelector('table.indicators')?.rowsView?.all(), { signal });
    addEventListener('afterprint', () => { if (this.#report) this.#renderTable(); }, { signal });
    this.#layout();
    this.#load();
  }

  disconnectedCallback() {
    this.#connected = false;
    this.#printing?.abort();
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#connected || old === value) return;
    if (name === 'text' || name === 'src') this.#load();
    else {
      this.#layout();
      this.#render();
    }
  }

  /** Analyzes a text, shows it, and resolves to the report. */
  async analyze(text) {
    const id = ++this.#request;
    text = String(text ?? '');
    this.#status(this.#t('analyzing'));
    try {
      const { report, ms } = await analyzeText(text);
      if (id === this.#request) {
        this.#text = text;
        this.#report = report;
        this.#ms = ms;
        const input = this.#root.querySelector('textarea');
        if (input && input.value !== text) input.value = text;
        this.#render();
        this.dispatchEvent(new CustomEvent('envreport-analyzed', { detail: report, bubbles: true, composed: true }));
      }
      return report;
    } catch (e) {
      this.#fail(e.message);
      throw e;
    }
  }

  get #lang() {
    return this.getAttribute('lang') === 'en' ? 'en' : 'zh';
  }

  #t(...args) {
    return this.#translator()(...args);
  }

  /** The interface strings in the element's language. */
  #translator() {
    return translator(this.#lang);
  }

  get #views() {
    const words = (this.getAttribute('view') ?? DEFAULT_VIEW).split(/[\s,]+/).filter((w) => VIEWS.includes(w));
    return new Set(words.length ? words : DEFAULT_VIEW.split(' '));
  }

  async #load() {
    const src = this.getAttribute('src');
    if (src) {
      try {
        const url = new URL(src, document.baseURI);
        if (url.origin !== location.origin) throw new Error(`src must be on this site (${location.origin}), not ${url.origin}`);
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
        await this.analyze(await response.text());
      } catch (e) {
        this.#fail(e.message);
      }
    } else if (this.hasAttribute('text')) {
      this.analyze(this.getAttribute('text')).catch(() => {});
    }
  }

  #fail(message) {
    const status = this.#root.querySelector('.status');
    if (status) status.replaceChildren(h('span', { class: 'error' }, `${this.#t('error')}: ${message}`));
    this.dispatchEvent(new CustomEvent('envreport-error', { detail: { message }, bubbles: true, composed: true }));
  }

  #status(text) {
    this.#root.querySelector('.status')?.replaceChildren(text);
  }

  #layout() {
    const t = this.#translator();
    const views = this.#views;
    // (the section's class is not the view's name: .meta and .source name what it holds)
    const part = (name, title) => h('section', { part: name, class: `part-${name}`, hidden: !views.has(name), 'aria-label': title },
      h('h2', {}, title), h('div', { class: `${name}-body` }));
    let debounce = 0;
    const input = h('textarea', {
      part: 'input', hidden: !views.has('input'), 'aria-label': t('input'), placeholder: t('placeholder'),
      oninput: (e) => {
        const text = e.currentTarget.value; // read now: after dispatch the event's targets are cleared
        clearTimeout(debounce);
        debounce = setTimeout(() => this.analyze(text).catch(() => {}), 300);
      },
    });
    input.value = this.#text;
    const side = h('div', { class: 'col' }, part('meta', t('meta')), part('outline', t('outline')), part('checks', t('checks')));
    const main = h('div', { class: 'col' }, part('table', t('indicators')), part('source', t('sourceText')));
    const sideShown = views.has('meta') || views.has('outline') || views.has('checks');
    const mainShown = views.has('table') || views.has('source');
    side.hidden = !sideShown;
    main.hidden = !mainShown;
    this.#root.replaceChildren(h('div', { class: 'root', part: 'root', lang: this.#lang === 'zh' ? 'zh-CN' : 'en' },
      input,
      h('p', { class: 'status', part: 'status', role: 'status', 'aria-live': 'polite' }),
      h('div', { class: sideShown && mainShown ? 'grid' : 'grid single' }, side, main),
    ));
  }

  #render() {
    const r = this.#report;
    if (!r || !this.#connected) return;
    const t = this.#translator();
    const q = (sel) => this.#root.querySelector(sel);
    this.#status(t('stats', this.#text.length.toLocaleString(), r.indicators.length, this.#ms.toFixed(1)));
    q('.meta-body').replaceChildren(buildMeta(r, t));
    this.#source = buildSource(this.#text, r, t);
    q('.source-body').replaceChildren(h('div', { class: 'source', tabindex: '0' }, this.#source.element));
    q('.outline-body').replaceChildren(buildOutline(r.sections, t, (s) => this.#scrollTo(this.#source.sectionAnchors.get(s.id))));
    const checks = buildChecks(r, t, (c) => {
      const id = c.indicators[0];
      if (id !== undefined) return this.#scrollTo(this.#source.marks.indicator.get(id));
      const s = c.spans[0];
      const range = s && this.#source.rangeAt(s.start, s.end);
      const pane = this.#root.querySelector('.source');
      if (range && pane && !pane.closest('[hidden]')) {
        pane.scrollTop += range.getBoundingClientRect().top - pane.getBoundingClientRect().top - 24;
      }
    }, this.#text, 200);
    q('.checks-body').replaceChildren(h('p', { class: 'checks-summary' }, checks.summary),
      h('ul', { class: 'checks-list' }, ...checks.items));
    this.#renderTable();
  }

  #renderTable() {
    const t = this.#translator();
    const r = this.#report;
    let rows = indicatorRows(r, t);
    if (this.#sort.key) rows = sortRows(rows, this.#sort.key, this.#sort.dir);
    const body = this.#root.querySelector('.table-body');
    if (!rows.length) {
      body.replaceChildren(h('p', { class: 'muted' }, t('noIndicators')));
      return;
    }
    const table = buildTable(rows, t, {
      sortKey: this.#sort.key,
      sortDir: this.#sort.dir,
      onSort: (key) => {
        this.#sort = { key, dir: this.#sort.key === key && this.#sort.dir === 'asc' ? 'desc' : 'asc' };
        this.#renderTable(); // a new order is read from its top (a new scroller)
      },
      onSelect: (row) => {
        selectRow(body, row.id);
        this.#scrollTo(this.#source.marks.indicator.get(row.id));
      },
    });
    body.replaceChildren(h('div', { class: 'table-wrap' }, table));
    table.rowsView.refresh();
  }

  #scrollTo(el) {
    if (!el) return;
    const pane = this.#root.querySelector('.source');
    if (pane && !pane.closest('[hidden]')) {
      pane.scrollTop += el.getBoundingClientRect().top - pane.getBoundingClientRect().top - 24;
    }
    flash(el);
  }
}

if (!customElements.get('envreport-analyzer')) customElements.define('envreport-analyzer', EnvreportAnalyzer);
