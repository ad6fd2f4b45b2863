// Interface strings in Chinese (the default) and English.

// The analyzer's notes by code, in Chinese (its own messages are English).
const ZH_DIAGNOSTICS = {
  empty: '输入中没有文字。',
  traditional: '繁体字已按简体读取。',
  ruby: '已忽略字后的拼音注音。',
  web_junk: '已忽略一行网页附带内容。',
  watermark: '已忽略一处水印。',
  page_number: '已忽略一个页码。',
  separator: '已忽略一行符号分隔线。',
  line_rejoined: '句中断开的一行已与下一行接上。',
  placeholder: '未填写的占位符（xx）出现在应填数字之处。',
  no_headings: '没有找到标题，提纲为空。',
  no_indicators: '没有找到数量。',
};

export const STRINGS = {
  zh: {
    app: '环境报告分析',
    tagline: '粘贴或拖入生态环境部门的报告，立即查看元数据、提纲与全部量化指标。',
    privacy: '全部分析在本机浏览器中完成，文本不会上传：页面的内容安全策略禁止任何网络连接（connect-src \'none\'）。',
    input: '报告文本',
    placeholder: '在此粘贴报告全文，或将 .txt、.docx、.html 文件拖到页面任意位置……',
    pick: '选择文件',
    example: '示例报告',
    clear: '清空',
    dropHere: '松开以读取文件',
    analyzing: '分析中…',
    reading: '读取文件…',
    stage: { normalize: '规范化文本', structure: '识别结构', numbers: '识别数字', indicators: '提取指标', report: '生成报告' },
    rendering: '显示结果…',
    format: { text: '文本', html: '网页', docx: 'Word 文档' },
    ready: '就绪',
    chars: '字',
    ms: '毫秒',
    encoding: '编码',
    file: '文件',
    meta: '基本信息',
    title: '标题', org: '发文机关', date: '日期', region: '地区', year: '年度', period: '时段', kind: '文种',
    recipients: '主送', cc: '抄送', source: '来源', author: '作者', published: '发布时间',
    outline: '提纲',
    noSections: '未识别到标题层级。',
    expand: '展开', collapse: '收起',
    indicators: '指标',
    filter: '筛选指标…',
    allSections: '全部章节',
    shown: (n, total) => `显示 ${n} / ${total} 项`,
    showAll: (n) => `显示全部 ${n} 项`,
    colName: '名称', colValue: '数值', colUnit: '单位', colComparison: '比较', colRank: '排名', colSection: '章节',
    sourceText: '原文',
    diagnostics: '提示',
    noDiagnostics: '没有需要注意的问题。',
    diagnosticMessage: (d) => ZH_DIAGNOSTICS[d.code] ?? d.message,
    moreOfKind: (n) => `另有 ${n} 条同类提示（见导出的 JSON）`,
    exportJson: '下载 JSON', exportCsv: '下载 CSV', exportMd: '下载 Markdown', copy: '复制表格', copied: '已复制',
    empty: '粘贴或拖入报告后，这里会显示分析结果。',
    noIndicators: '没有找到量化指标。',
    placeholderValue: '待填',
    up: '上升', down: '下降', flat: '持平',
    rankOf: (scope, rank) => `${scope ?? ''}第${rank ?? '?'}`,
    valueOf: (text, value) => `${text} → ${value}`,
    lang: 'English',
    error: '出错了',
    stats: (n, ind, ms) => `${n} 字 · ${ind} 项指标 · 用时 ${ms} 毫秒`,
    version: '版本',
  },
  en: {
    app: 'Environmental report analyzer',
    tagline: 'Paste or drop a report of an ecology and environment bureau to see its metadata, outline and every quantitative indicator.',
    privacy: 'Everything runs in your browser and no text is uploaded: the page\'s Content-Security-Policy forbids any network connection (connect-src \'none\').',
    input: 'Report text',
    placeholder: 'Paste the full report here, or drop a .txt, .docx or .html file anywhere on the page…',
    pick: 'Choose files',
    example: 'Example report',
    clear: 'Clear',
    dropHere: 'Drop to read the file',
    analyzing: 'Analyzing…',
    reading: 'Reading the file…',
    stage: { normalize: 'normalizing', structure: 'structure', numbers: 'numbers', indicators: 'indicators', report: 'report' },
    rendering: 'Showing the results…',
    format: { text: 'text', html: 'web page', docx: 'Word document' },
    ready: 'Ready',
    chars: 'characters',
    ms: 'ms',
    encoding: 'Encoding',
    file: 'File',
    meta: 'Metadata',
    title: 'Title', org: 'Issued by', date: 'Date', region: 'Region', year: 'Year', period: 'Period', kind: 'Kind',
    recipients: 'To', cc: 'Cc', source: 'Source', author: 'Author', published: 'Published',
    outline: 'Outline',
    noSections: 'No headings recognised.',
    expand: 'Expand', collapse: 'Collapse',
    indicators: 'Indicators',
    filter: 'Filter indicators…',
    allSections: 'All sections',
    shown: (n, total) => `${n} of ${total} shown`,
    showAll: (n) => `Show all ${n}`,
    colName: 'Name', colValue: 'Value', colUnit: 'Unit', colComparison: 'Change', colRank: 'Rank', colSection: 'Section',
    sourceText: 'Source text',
    diagnostics: 'Notes',
    noDiagnostics: 'Nothing to note.',
    diagnosticMessage: (d) => d.message,
    moreOfKind: (n) => `and ${n} more of this kind (in the exported JSON)`,
    exportJson: 'Download JSON', exportCsv: 'Download CSV', exportMd: 'Download Markdown', copy: 'Copy table', copied: 'Copied',
    empty: 'Paste or drop a report to see the analysis here.',
    noIndicators: 'No quantitative indicators found.',
    placeholderValue: 'to fill',
    up: 'up', down: 'down', flat: 'flat',
    rankOf: (scope, rank) => `#${rank ?? '?'} ${scope ?? ''}`.trim(),
    valueOf: (text, value) => `${text} → ${value}`,
    lang: '中文',
    error: 'Error',
    stats: (n, ind, ms) => `${n} characters · ${ind} indicators · ${ms} ms`,
    version: 'Version',
  },
};

/** A translator for a language: `t('key', ...args)`. */
export function translator(lang) {
  const table = STRINGS[lang] ?? STRINGS.zh;
  return (key, ...args) => {
    const s = table[key] ?? STRINGS.zh[key] ?? key;
    return typeof s === 'function' ? s(...args) : s;
  };
}

/** Fills every `[data-i18n]` (text) and `[data-i18n-placeholder]` element under root. */
export function applyStrings(root, t) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-label]')) el.setAttribute('aria-label', t(el.dataset.i18nLabel));
}
