// Builds the result views as DOM nodes. Report text is untrusted: it only ever reaches the
// page through textContent, attribute values and text nodes, never through innerHTML.

/** `h('div', { class: 'x', onclick }, child, 'text', …)`: an element with text children. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 });
// Intl's formatting is slow next to the rest of a row: small whole numbers are written as
// they are (no group separator before 1,000), the others remembered
const formatted = new Map();
function formatNumber(v) {
  if (Number.isInteger(v) && v > -1000 && v < 1000) return String(v);
  let s = formatted.get(v);
  if (s === undefined) {
    if (formatted.size > 20000) formatted.clear();
    s = numberFormat.format(v);
    formatted.set(v, s);
  }
  return s;
}

/** The value of an indicator as shown: 约300, ≥420, 3～5 for a range, 待填 for an `xx`
 * placeholder, and a goal marked (目标) so that it never reads as a result. */
export function formatValue(ind, t) {
  if (ind.placeholder) return t('placeholderValue');
  const fmt = (v) => (v === null || v === undefined ? '' : formatNumber(v));
  let v;
  if (ind.value !== null && ind.value !== undefined) v = fmt(ind.value);
  else if (ind.low != null || ind.high != null) v = `${fmt(ind.low)}～${fmt(ind.high)}`;
  else return t('placeholderValue');
  const mark = { about: '约', over: '≥', under: '≤' }[ind.qualifier] ?? (ind.approx ? '约' : '');
  return `${mark}${v}${ind.target ? t('targetMark') : ''}${ind.baseline ? t('baselineMark') : ''}`;
}

const ARROWS = { up: '▲', down: '▼', flat: '＝' };

/** `▲2.1个百分点` with its basis, or '' without a comparison. */
export function comparisonText(c, t) {
  if (!c) return '';
  const value = c.placeholder ? 'xx' : c.value === null ? '' : numberFormat.format(c.value);
  return `${ARROWS[c.direction] ?? ''}${value}${c.unit ?? ''}${c.basis ? ` (${c.basis})` : ''}`.trim() || t(c.direction);
}

export function rankText(r, t) {
  if (!r) return '';
  return t('rankOf', r.scope, r.placeholder ? 'xx' : r.rank);
}

/** Flat rows of the indicator table, one per indicator. */
/** The check of each indicator against a standard, by indicator id. */
export function standardChecks(report) {
  const by = new Map();
  for (const c of report.checks ?? []) {
    if (c.kind !== 'standard') continue;
    for (const id of c.indicators) if (!by.has(id)) by.set(id, c);
  }
  return by;
}

/** A check's flag as the table shows it: ✓ within, ▲ above, ▼ below, with the limit. */
export function checkText(c, t) {
  if (!c) return '';
  const mark = c.verdict === 'within' ? '✓' : c.verdict === 'above' ? '▲' : c.verdict === 'below' ? '▼' : '';
  return `${mark} ${t('verdict', c.verdict)} ${c.standard ?? ''}`.trim();
}

export function indicatorRows(report, t) {
  const checks = standardChecks(report);
  return report.indicators.map((ind) => {
    const c = ind.comparison === null ? null : report.comparisons[ind.comparison];
    const r = ind.rank === null ? null : report.ranks[ind.rank];
    return {
      id: ind.id,
      name: ind.name,
      value: ind.value,
      valueText: formatValue(ind, t),
      unit: ind.unit,
      comparison: comparisonText(c, t),
      comparisonValue: c ? (c.direction === 'down' ? -1 : 1) * (c.value ?? 0) : null,
      rank: rankText(r, t),
      rankValue: r ? r.rank : null,
      section: ind.section_title ?? '',
      sectionId: ind.section,
      category: ind.category,
      canonical: ind.canonical,
      check: checkText(checks.get(ind.id), t),
      checkVerdict: checks.get(ind.id)?.verdict ?? '',
      start: ind.start,
      end: ind.end,
      text: ind.text,
    };
  });
}

const META_FIELDS = ['title', 'org', 'date', 'region', 'year', 'period', 'kind', 'recipients', 'cc', 'published', 'source', 'author'];

/** The metadata card: a definition list of the fields found. */
export function buildMeta(report, t, extra = []) {
  const dl = h('dl', { class: 'meta' });
  const m = report.meta;
  for (const key of META_FIELDS) {
    if (m[key] === null || m[key] === undefined || m[key] === '') continue;
    dl.append(h('dt', {}, t(key)), h('dd', { dataset: { field: key } }, m[key]));
  }
  for (const [label, value] of extra) dl.append(h('dt', {}, label), h('dd', {}, value));
  return dl;
}

/** The outline as an ARIA tree of buttons; `onSelect(section)` on activation. */
export function buildOutline(sections, t, onSelect) {
  if (!sections.length) return h('p', { class: 'muted' }, t('noSections'));
  const tree = h('ul', { role: 'tree', class: 'tree', 'aria-label': t('outline') });
  const items = [];
  const add = (list, parent, level) => {
    for (const s of list) {
      const label = h('button', {
        type: 'button', class: 'tree-label', dataset: { section: s.id }, tabindex: items.length ? '-1' : '0',
        onclick: () => onSelect(s),
      }, s.label ? h('span', { class: 'tree-number' }, s.label) : null, s.title);
      const li = h('li', { role: 'treeitem', 'aria-level': level, 'aria-selected': 'false' });
      items.push(label);
      if (s.children.length) {
        li.setAttribute('aria-expanded', 'true');
        const toggle = h('button', {
          type: 'button', class: 'tree-toggle', 'aria-label': t('collapse'), tabindex: '-1',
          onclick: () => {
            const open = li.getAttribute('aria-expanded') === 'true';
            li.setAttribute('aria-expanded', String(!open));
            toggle.setAttribute('aria-label', t(open ? 'expand' : 'collapse'));
          },
        });
        const group = h('ul', { role: 'group' });
        li.append(h('div', { class: 'tree-row' }, toggle, label), group);
        add(s.children, group, level + 1);
      } else {
        li.append(h('div', { class: 'tree-row' }, h('span', { class: 'tree-leaf' }), label));
      }
      parent.append(li);
    }
  };
  add(sections, tree, 1);
  // Arrow keys move between visible headings; left and right fold and unfold.
  tree.addEventListener('keydown', (e) => {
    const visible = items.filter((b) => b.offsetParent !== null);
    const i = visible.indexOf(e.target); // keydown goes to the focused heading
    const current = e.target.closest('[role=treeitem]');
    const move = (j) => {
      if (j < 0 || j >= visible.length) return;
      for (const b of items) b.tabIndex = -1;
      visible[j].tabIndex = 0;
      visible[j].focus();
    };
    if (e.key === 'ArrowDown') move(i + 1);
    else if (e.key === 'ArrowUp') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(visible.length - 1);
    else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && current?.hasAttribute('aria-expanded')) {
      current.setAttribute('aria-expanded', String(e.key === 'ArrowRight'));
    } else return;
    e.preventDefault();
  });
  return tree;
}

/** Texts longer than this get their marks only when a part scrolls into view. */
const EAGER_LIMIT = 400_000;
/** Characters of a part of the source view (cut at a line break). */
const CHUNK = 32_768;

/**
 * The original text with every indicator, comparison and rank marked, and an anchor at
 * each section's start. Returns the element and lookups from ids to marks
 * (`marks.indicator.get(id)`, `sectionAnchors.get(id)`).
 *
 * The text is cut into parts at line breaks. A long text's parts start as plain text
 * (laid out only when near the screen, by `content-visibility`), and each gets its marks
 * when it comes into view or when a lookup asks for one of its marks: a 20 MB report
 * shows at once instead of building a million nodes.
 */
export function buildSource(text, report, t) {
  const spans = [];
  for (const ind of report.indicators) {
    spans.push({ start: ind.start, end: ind.end, kind: 'indicator', id: ind.id,
      tip: `${ind.name}: ${formatValue(ind, t)}${ind.unit ? ' ' + ind.unit : ''}` });
  }
  for (const c of report.comparisons) {
    spans.push({ start: c.start, end: c.end, kind: 'comparison', id: c.id, tip: comparisonText(c, t) });
  }
  for (const r of report.ranks) {
    spans.push({ start: r.start, end: r.end, kind: 'rank', id: r.id, tip: rankText(r, t) });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  // drop spans that overlap an earlier one, or fall outside the text
  const kept = [];
  let covered = 0;
  for (const s of spans) {
    if (s.start < covered || s.end > text.length || s.end <= s.start) continue;
    kept.push(s);
    covered = s.end;
  }
  const anchors = [];
  const walk = (list) => { for (const s of list) { anchors.push({ at: s.heading_start, id: s.id }); walk(s.children); } };
  walk(report.sections);
  anchors.sort((a, b) => a.at - b.at);

  // parts: [start, end) cut at a line break, never inside a span
  const parts = [];
  let from = 0;
  let k = 0;
  while (from < text.length) {
    let end = text.indexOf('\n', from + CHUNK);
    end = end < 0 ? text.length : end + 1;
    while (k < kept.length && kept[k].start < end) {
      if (kept[k].end > end) {
        end = text.indexOf('\n', kept[k].end);
        end = end < 0 ? text.length : end + 1;
      }
      k++;
    }
    parts.push({ start: from, end, built: false, el: null });
    from = end;
  }
  const partOf = (at) => {
    let lo = 0, hi = parts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (parts[mid].start <= at) lo = mid; else hi = mid - 1;
    }
    return lo;
  };

  const marks = { indicator: new Map(), comparison: new Map(), rank: new Map() };
  const sectionAnchors = new Map();
  let nextSpan = 0;
  let nextAnchor = 0;
  // the first span and anchor of each part, found once in order
  for (const part of parts) {
    while (nextSpan < kept.length && kept[nextSpan].start < part.start) nextSpan++;
    while (nextAnchor < anchors.length && anchors[nextAnchor].at < part.start) nextAnchor++;
    part.firstSpan = nextSpan;
    part.firstAnchor = nextAnchor;
  }

  function build(part) {
    if (part.built) return;
    part.built = true;
    const el = part.el;
    el.replaceChildren();
    let pos = part.start;
    let a = part.firstAnchor;
    const flushTo = (end) => {
      while (a < anchors.length && anchors[a].at <= end && (anchors[a].at < part.end || part.end === text.length)) {
        const at = Math.max(anchors[a].at, pos);
        if (at > pos) { el.append(text.slice(pos, at)); pos = at; }
        const anchor = h('span', { class: 'section-anchor', dataset: { section: anchors[a].id } });
        sectionAnchors.set(anchors[a].id, anchor);
        el.append(anchor);
        a++;
      }
      if (end > pos) { el.append(text.slice(pos, end)); pos = end; }
    };
    for (let i = part.firstSpan; i < kept.length && kept[i].start < part.end; i++) {
      const s = kept[i];
      flushTo(s.start);
      const mark = h('mark', {
        class: `hl hl-${s.kind}`, tabindex: s.kind === 'indicator' ? '0' : null,
        title: s.tip, 'aria-label': t('valueOf', text.slice(s.start, s.end), s.tip), dataset: { kind: s.kind, id: s.id },
      }, text.slice(s.start, s.end));
      marks[s.kind].set(s.id, mark);
      el.append(mark);
      pos = s.end;
    }
    flushTo(part.end);
  }

  const eager = text.length <= EAGER_LIMIT;
  const root = h('div', { class: eager ? 'source-text' : 'source-text lazy' });
  const observer = eager || typeof IntersectionObserver === 'undefined' ? null
    : new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        const part = parts[Number(e.target.dataset.part)];
        build(part);
        observer.unobserve(e.target);
      }
    }, { rootMargin: '800px 0px' });
  parts.forEach((part, i) => {
    part.el = h('div', { class: 'source-part', dataset: { part: String(i) } });
    if (eager || !observer) build(part);
    else {
      part.el.textContent = text.slice(part.start, part.end);
      observer.observe(part.el);
    }
    root.append(part.el);
  });

  // lookups that first give the part holding the mark its marks
  const spanPart = { indicator: new Map(), comparison: new Map(), rank: new Map() };
  for (const s of kept) spanPart[s.kind].set(s.id, s.start);
  const lazy = (map, startOf) => ({
    get(id) {
      const at = startOf(id);
      if (at !== undefined) build(parts[partOf(at)]);
      return map.get(id);
    },
  });
  const anchorAt = new Map(anchors.map((x) => [x.id, x.at]));
  /** A DOM Range over text[start, end) as shown, its part built first; null if out of the text. */
  function rangeAt(start, end) {
    if (!(start >= 0 && end <= text.length && start <= end) || !parts.length) return null;
    const part = parts[partOf(start)];
    build(part);
    const range = document.createRange();
    let pos = part.start;
    let started = false;
    const walker = document.createTreeWalker(part.el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.data.length;
      if (!started && start <= pos + len) { range.setStart(node, start - pos); started = true; }
      if (started && end <= pos + len) { range.setEnd(node, end - pos); return range; }
      pos += len;
    }
    return started ? range : null;
  }
  return {
    element: root,
    rangeAt,
    marks: {
      indicator: lazy(marks.indicator, (id) => spanPart.indicator.get(id)),
      comparison: lazy(marks.comparison, (id) => spanPart.comparison.get(id)),
      rank: lazy(marks.rank, (id) => spanPart.rank.get(id)),
    },
    sectionAnchors: lazy(sectionAnchors, (id) => anchorAt.get(id)),
  };
}

export const COLUMNS = [
  { key: 'name', label: 'colName', sort: 'name' },
  { key: 'valueText', label: 'colValue', sort: 'value', numeric: true },
  { key: 'unit', label: 'colUnit', sort: 'unit' },
  { key: 'comparison', label: 'colComparison', sort: 'comparisonValue', numeric: true },
  { key: 'rank', label: 'colRank', sort: 'rankValue', numeric: true },
  { key: 'section', label: 'colSection', sort: 'section' },
  { key: 'check', label: 'colCheck', sort: 'checkVerdict' },
];

/** Marks the row of indicator `id` in a table built by `buildTable` as the selected one
 * (for the eye and, by aria-selected, for screen readers), makes it the table's tab stop
 * and brings it into view when the table shows only the rows near the view; returns it. */
export function selectRow(container, id) {
  const table = container.matches?.('table.indicators') ? container : container.querySelector('table.indicators');
  return table?.rowsView?.select(id) ?? null;
}

/** From how many rows a table shows only the rows near the view (and spacers for the rest). */
export const WINDOWED_FROM = 300;
// rows rendered beyond each edge of the view
const OVERSCAN = 30;

/** The elements whose scrolling moves `el`, nearest first (through shadow roots), then the
 * window. */
function scrollers(el) {
  const out = [];
  for (let n = el.parentNode; n; n = n.parentNode ?? n.host) {
    if (n.nodeType !== 1) continue;
    const y = getComputedStyle(n).overflowY;
    if (y === 'auto' || y === 'scroll') out.push(n);
  }
  return out;
}

/**
 * The indicator table. `state` holds sort key and direction; `onSort(key)` and
 * `onSelect(row)` are called on header and row activation.
 *
 * Any number of rows: from WINDOWED_FROM rows on, only the rows in and near the view are
 * elements, between two spacer rows as tall as the rows they stand for (row heights
 * measured as rows are drawn, so cards on a phone work as table rows do); scrolling, arrow
 * keys and `selectRow` draw the rows they reach. `table.rowsView.all()` draws every row
 * (for print).
 */
export function buildTable(rows, t, { sortKey, sortDir, onSort, onSelect, group = null }) {
  // grouped: the rows of each group together (groups in `group.order`, rows in their order
  // within), each group under a heading row; `items` are what the table's rows show
  const items = group ? groupedItems(rows, group) : rows;
  const head = h('tr', { 'aria-rowindex': '1' }, COLUMNS.map((c) => {
    const sorted = c.sort === sortKey;
    return h('th', { scope: 'col', 'aria-sort': sorted ? (sortDir === 'desc' ? 'descending' : 'ascending') : 'none', class: c.numeric ? 'num' : null },
      h('button', { type: 'button', class: 'sort', onclick: () => onSort(c.sort) }, t(c.label),
        h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, sorted ? (sortDir === 'desc' ? '↓' : '↑') : '')));
  }));
  const labels = COLUMNS.map((c) => t(c.label));
  const body = h('tbody');
  const table = h('table', { class: 'indicators', role: 'grid', 'aria-readonly': 'true', 'aria-rowcount': String(items.length + 1) },
    h('thead', {}, head), body);
  const indexOf = new Map();
  items.forEach((r, i) => { if (!r.heading) indexOf.set(r.id, i); });
  const windowed = items.length >= WINDOWED_FROM;
  let selected = null; // the selected indicator's id
  let stop = items[0]?.heading ? 1 : 0; // the index of the row that is the table's tab stop
  let first = 0, last = 0; // the rows drawn: [first, last)
  let height = 0; // a row's height, measured (0 until rows are drawn)
  const drawn = new Map(); // index → tr

  const rowElement = (i) => {
    const row = items[i];
    if (row.heading) {
      return h('tr', { class: 'group', 'aria-rowindex': String(i + 2), dataset: { group: row.key } },
        h('th', { scope: 'colgroup', colspan: String(COLUMNS.length) }, row.heading));
    }
    const tr = h('tr', { tabindex: i === stop ? '0' : '-1', 'aria-selected': String(row.id === selected),
      'aria-rowindex': String(i + 2), class: row.id === selected ? 'selected' : null, dataset: { id: row.id, index: i } },
    COLUMNS.map((c, k) => h('td', { class: c.numeric ? 'num' : null, dataset: { col: c.key, label: labels[k] } }, row[c.key] ?? '')));
    return tr;
  };
  const spacer = () => h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: String(COLUMNS.length) }));
  const before = spacer(), after = spacer();

  /** Draws rows [from, to), keeping the ones already drawn. */
  const draw = (from, to) => {
    from = Math.max(0, from);
    to = Math.min(items.length, to);
    if (from === first && to === last && drawn.size) return;
    for (const [i, tr] of drawn) if (i < from || i >= to) { tr.remove(); drawn.delete(i); }
    const make = (a, b) => { const f = document.createDocumentFragment(); for (let i = a; i < b; i++) { const tr = rowElement(i); drawn.set(i, tr); f.append(tr); } return f; };
    if (!drawn.size) {
      after.before(make(from, to));
    } else {
      const lo = Math.min(...drawn.keys()), hi = Math.max(...drawn.keys()) + 1;
      if (from < lo) drawn.get(lo).before(make(from, Math.min(lo, to)));
      if (to > hi) after.before(make(Math.max(hi, from), to));
    }
    first = from;
    last = to;
    // the tab stop stays reachable: the first drawn row when its own is not drawn
    if (!drawn.has(stop) && drawn.size) {
      stop = from;
      while (stop < to - 1 && items[stop].heading) stop++;
      drawn.get(stop).tabIndex = 0;
    }
    if (drawn.size >= 2) {
      const a = drawn.get(first).getBoundingClientRect(), b = drawn.get(last - 1).getBoundingClientRect();
      const measured = (b.bottom - a.top) / (last - first);
      if (measured > 0) height = height ? (height * 3 + measured) / 4 : measured;
    }
    const h0 = height || 32;
    before.style.height = `${Math.round(first * h0)}px`;
    after.style.height = `${Math.round((items.length - last) * h0)}px`;
    before.hidden = first === 0;
    after.hidden = last === items.length;
  };

  /** The rows in view (and OVERSCAN beyond), from where the table stands in its scrollers. */
  const inView = () => {
    const r = body.getBoundingClientRect();
    let top = 0, bottom = innerHeight;
    for (const el of scrollers(table)) {
      const b = el.getBoundingClientRect();
      top = Math.max(top, b.top);
      bottom = Math.min(bottom, b.bottom);
    }
    const h0 = height || 32;
    const from = Math.floor((top - r.top) / h0), to = Math.ceil((bottom - r.top) / h0);
    return [from - OVERSCAN, Math.max(from, to) + OVERSCAN];
  };

  let frame = 0, listening = null;
  const update = () => {
    frame = 0;
    if (!table.isConnected) return;
    draw(...inView());
  };
  const schedule = () => {
    if (!table.isConnected) { listening?.abort(); listening = null; return; }
    if (!frame) frame = requestAnimationFrame(update);
  };
  const listen = () => {
    if (listening || !windowed) return;
    listening = new AbortController();
    const opts = { passive: true, signal: listening.signal };
    for (const el of [...scrollers(table), window]) el.addEventListener('scroll', schedule, opts);
    addEventListener('resize', schedule, opts);
  };

  /** Draws row `i` (scrolling its scrollers so that it is in view) and returns it. */
  const reveal = (i) => {
    if (windowed && !drawn.has(i)) {
      draw(i - OVERSCAN, i + OVERSCAN);
    }
    const tr = drawn.get(i);
    if (tr && table.isConnected) {
      tr.scrollIntoView({ block: 'nearest' });
      if (windowed) draw(...inView().map((k, j) => (j === 0 ? Math.min(k, i) : Math.max(k, i + 1))));
    }
    return drawn.get(i) ?? null;
  };

  // (a group's heading is passed over, in the direction of the move)
  const focusRow = (i, step = 1) => {
    i = Math.max(0, Math.min(items.length - 1, i));
    while (items[i]?.heading && items[i + step]) i += step;
    if (items[i]?.heading) i -= step;
    drawn.get(stop)?.setAttribute('tabindex', '-1');
    stop = i;
    const tr = reveal(i);
    if (tr) { tr.tabIndex = 0; tr.focus({ preventScroll: true }); }
  };
  // one tab stop for the whole table; arrows, Page Up/Down, Home and End move between rows,
  // Enter or Space selects
  body.addEventListener('keydown', (e) => {
    const tr = e.target.closest?.('tr[data-index]');
    if (!tr) return;
    const i = Number(tr.dataset.index);
    const page = Math.max(1, Math.floor((table.parentElement?.clientHeight || innerHeight) / (height || 32)) - 1);
    const to = { ArrowDown: i + 1, ArrowUp: i - 1, PageDown: i + page, PageUp: i - page, Home: 0, End: items.length - 1 }[e.key];
    if (to !== undefined) { e.preventDefault(); focusRow(to, to < i || e.key === 'End' ? -1 : 1); return; }
    if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); onSelect(items[i]); }
  });
  body.addEventListener('click', (e) => {
    const tr = e.target.closest?.('tr[data-index]');
    if (tr) onSelect(items[Number(tr.dataset.index)]);
  });

  table.rowsView = {
    /** Marks the row of indicator `id` selected and draws it; returns its element. */
    select(id) {
      const i = indexOf.get(id);
      for (const tr of body.querySelectorAll('tr.selected')) {
        tr.classList.remove('selected');
        tr.setAttribute('aria-selected', 'false');
      }
      selected = i === undefined ? null : id;
      if (i === undefined) return null;
      drawn.get(stop)?.setAttribute('tabindex', '-1');
      stop = i;
      const tr = reveal(i);
      if (tr) {
        tr.classList.add('selected');
        tr.setAttribute('aria-selected', 'true');
        tr.tabIndex = 0;
      }
      return tr;
    },
    /** Draws every row (a print has the whole table). */
    all() { if (windowed) draw(0, items.length); },
    /** Draws the rows in view again (after the layout changed). */
    refresh() { if (windowed) { listen(); update(); } },
    get drawn() { return drawn.size; },
  };

  if (windowed) {
    body.append(before, after);
    draw(0, 2 * OVERSCAN + 40);
    // once in the document: the scrollers are known, the rows in view can be drawn
    queueMicrotask(() => table.rowsView.refresh());
    requestAnimationFrame(() => table.rowsView.refresh());
  } else {
    for (let i = 0; i < items.length; i++) { const tr = rowElement(i); drawn.set(i, tr); body.append(tr); }
    last = items.length;
  }
  return table;
}

/** The rows of each group together under a heading item `{ heading, key }`: groups in
 * `order` (keys not in it last, in order of appearance), rows in their order within. */
function groupedItems(rows, { key, order, label }) {
  const groups = new Map(order.map((k) => [k, []]));
  for (const r of rows) {
    const k = key(r);
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(r);
  }
  const items = [];
  for (const [k, list] of groups) {
    if (!list.length) continue;
    items.push({ heading: label(k, list.length), key: k }, ...list);
  }
  return items;
}

/** Sorts rows by a column key; nulls last, Chinese collation for text. */
export function sortRows(rows, key, dir) {
  const collator = new Intl.Collator('zh-CN', { numeric: true });
  const sign = dir === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = a[key], y = b[key];
    if (x === null || x === '') return (y === null || y === '') ? a.id - b.id : 1;
    if (y === null || y === '') return -1;
    const c = typeof x === 'number' ? x - y : collator.compare(x, y);
    return c * sign || a.id - b.id;
  });
}

/** Offers a string as a file download (a blob: URL, no network). */
export function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Flashes an element (the caller scrolls it into view). */
export function flash(el) {
  if (!el) return;
  el.classList.remove('flash');
  void el.offsetWidth; // restart the animation
  el.classList.add('flash');
}

/** The order a reader wants: what is wrong first, then what is missing, then what holds. */
const CHECK_ORDER = { above: 0, below: 0, inconsistent: 0, unfilled: 1, within: 2, consistent: 2 };

/** The words around `text[start, end)`, within its sentence and at most `room` characters
 * each side: how a list of checks shows where each stands. */
export function snippetAt(text, start, end, room = 24) {
  const stops = /[。！？；\n]/;
  let a = start;
  while (a > 0 && start - a < room && !stops.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && b - end < room && !stops.test(text[b])) b++;
  return (a > 0 && !stops.test(text[a - 1]) ? '…' : '') + text.slice(a, b).replace(/\s+/g, ' ')
    + (b < text.length && !stops.test(text[b]) ? '…' : '');
}

/** The checks card: a summary line and one item a check, problems first, each with the words
 * around it. `onSelect(c)` jumps to a check's text. Every text goes in as text, never as HTML. */
export function buildChecks(report, t, onSelect, text = '', limit = Infinity) {
  const checks = [...(report.checks ?? [])]
    .sort((a, b) => (CHECK_ORDER[a.verdict] ?? 3) - (CHECK_ORDER[b.verdict] ?? 3));
  const count = (f) => checks.filter(f).length;
  const summary = t('checksSummary',
    count((c) => ['above', 'below', 'inconsistent'].includes(c.verdict)),
    count((c) => c.verdict === 'unfilled'),
    count((c) => ['within', 'consistent'].includes(c.verdict)));
  if (!checks.length) return { summary: t('noChecks'), items: [], more: 0 };
  const items = checks.slice(0, limit).map((c) => h('li', { class: `check check-${c.verdict}` },
    h('button', { type: 'button', class: 'check-jump', onclick: () => onSelect(c) },
      h('span', { class: 'check-verdict' }, t('verdict', c.verdict)), ' ',
      h('span', { class: 'check-rule' }, t('checkRule', c.rule)), ' ',
      h('span', { class: 'check-computed' }, c.computed ?? ''),
      c.standard ? h('span', { class: 'check-standard' }, ` ${c.standard}`) : '',
      c.spans[0] && text ? h('q', { class: 'check-context' }, snippetAt(text, c.spans[0].start, c.spans[0].end)) : '')));
  return { summary, items, more: Math.max(0, checks.length - limit) };
}
