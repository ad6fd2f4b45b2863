// The exports of one report: CSV (RFC 4180), the .xlsx's sheets, Markdown, the checks'
// CSV. Loaded when an export is asked for, not with the page.
import { COLUMNS, indicatorRows, standardChecks, snippetAt } from './render.js';

/** A CSV field, quoted when it holds a comma, a quote or a line break. */
export const csvCell = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The CSV's columns, by key: the key is the English header; `t('csvColumn', key)` the
 * header in the interface's language. */
export const CSV_COLUMNS = ['file', 'title', 'region', 'year', 'name', 'canonical', 'canonical_value', 'canonical_unit',
  'category', 'value', 'low', 'high', 'unit', 'approx', 'placeholder', 'target', 'bound', 'baseline',
  'comparison', 'rank', 'section', 'check', 'check_limit', 'check_standard', 'text', 'start', 'end'];

/** Indicators as CSV (RFC 4180, with a header row in the interface's language): one row an
 * indicator, with the document's file, title, region and year on each. */
export function toCSV(report, t, file = '') {
  const lines = [CSV_COLUMNS.map((k) => t('csvColumn', k)).join(',')];
  for (const cells of exportRows(report, t, file)) {
    lines.push(CSV_COLUMNS.map((k) => csvCell(cells[k])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** One object an indicator, keyed by CSV_COLUMNS: what the CSV and the .xlsx hold. */
export function exportRows(report, t, file = '') {
  const rows = indicatorRows(report, t);
  const checks = standardChecks(report);
  const m = report.meta;
  return rows.map((r, i) => {
    const ind = report.indicators[i];
    const c = checks.get(ind.id);
    return {
      file, title: m.title ?? '', region: m.region ?? '', year: m.year ?? '',
      name: r.name, canonical: ind.canonical ?? '', canonical_value: ind.canonical_value ?? '',
      canonical_unit: ind.canonical_unit ?? '', category: ind.category, value: ind.value ?? '',
      low: ind.low ?? '', high: ind.high ?? '', unit: ind.unit, approx: ind.approx, placeholder: ind.placeholder,
      target: ind.target, bound: ind.bound, baseline: ind.baseline, comparison: r.comparison, rank: r.rank,
      section: r.section, check: c?.verdict ?? '', check_limit: c?.limit ?? '', check_standard: c?.standard ?? '',
      text: r.text, start: r.start, end: r.end,
    };
  });
}

/** A value as write-excel-file's cell: numbers stay numbers, booleans booleans. */
export const xlsxCell = (v) => (typeof v === 'number' ? { value: v, type: Number }
  : typeof v === 'boolean' ? { value: v, type: Boolean } : { value: v === null || v === undefined ? '' : String(v) });

/** The sheets of the .xlsx export (write-excel-file's shape): the indicators, then the
 * checks; numbers stay numbers, headers in the interface's language. */
export function xlsxSheets(report, text, t, file = '') {
  const cell = xlsxCell;
  const header = (keys) => keys.map((k) => ({ value: t('csvColumn', k), fontWeight: 'bold' }));
  const indicators = [header(CSV_COLUMNS), ...exportRows(report, t, file).map((r) => CSV_COLUMNS.map((k) => cell(r[k])))];
  const checks = [header(CHECK_COLUMNS), ...checkRows(report, text, t).map((row) => row.map(cell))];
  return [
    { data: indicators, sheet: t('indicators'), stickyRowsCount: 1 },
    { data: checks, sheet: t('checks'), stickyRowsCount: 1 },
  ];
}

const mdCell = (v) => String(v ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Indicators as a Markdown table. */
export function toMarkdown(report, t) {
  const rows = indicatorRows(report, t);
  const cols = COLUMNS.map((c) => t(c.label));
  const lines = [`| ${cols.join(' | ')} |`, `| ${cols.map(() => '---').join(' | ')} |`];
  for (const r of rows) lines.push(`| ${COLUMNS.map((c) => mdCell(r[c.key])).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

/** The columns of the checks' exports, by key (the English header). */
const CHECK_COLUMNS = ['kind', 'rule', 'verdict', 'computed', 'standard', 'class', 'limit', 'source', 'context', 'start', 'end'];

/** One row a check, in CHECK_COLUMNS' order, with the words around its first span: what
 * the checks' CSV and the .xlsx hold. */
function checkRows(report, text, t) {
  return (report.checks ?? []).map((c) => {
    const s = c.spans[0];
    return [c.kind, t('checkRule', c.rule), t('verdict', c.verdict), c.computed ?? '', c.standard ?? '', c.class ?? '',
      c.limit ?? '', c.source ?? '', s ? snippetAt(text, s.start, s.end) : '', s?.start ?? '', s?.end ?? ''];
  });
}

/** The checks as CSV: one a row, with the words around its first span. */
export function checksCSV(report, text, t) {
  const lines = [CHECK_COLUMNS.map((k) => t('csvColumn', k)).join(',')];
  for (const row of checkRows(report, text, t)) lines.push(row.map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

