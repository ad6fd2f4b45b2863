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
  not_chinese: '这段文字中汉字很少：本工具分析中文报告，对其他语言的文字，找到的结果不可靠。',
  too_many_sections: '标题超过 10000 个：从这里起的标题按正文读取，不列入提纲。',
  too_many_numerals: '数字超过 100000 个：从这里起的文字不再读取数字，也不再列出指标。',
  // the English message names the count left out and the kind of note
  too_many_notes: (d) => {
    const count = /\d+/.exec(d.message)?.[0] ?? '';
    const kind = ZH_DIAGNOSTICS[/of the kind (\w+)/.exec(d.message)?.[1]];
    const what = typeof kind === 'string' ? `“${kind.replace(/。$/, '')}”这类说明` : '同类说明';
    return `${what}超过 1000 条，另有 ${count} 条未列出（从这里起）。`;
  },
};

// Why a file cannot be read, in Chinese: the reader's messages (src/intake) are English,
// each known one by how it begins.
const ZH_READ_ERRORS = [
  [/^PDF files are not read/, () => 'PDF 文件暂不能直接读取：请打开 PDF，全选并复制文字，再粘贴到这里。'],
  [/^it is not text in UTF-8/, () => '这不是文本文件（可能是图片或其他二进制文件）：请打开 .txt、.docx 或 .html 格式的报告。'],
  [/^it is a ZIP archive \(a \.docx\?\)/, () => '这是一个 ZIP 压缩包，不是文本文件：如果是 Word 文档，请把扩展名改为 .docx。'],
  [/^it is a ZIP archive, not a Word document/, () => '这是一个 ZIP 压缩包，不是 Word 文档：请解压后打开其中的报告。'],
  [/^old Word \(\.doc\)/, () => '旧版 Word（.doc）和 Excel 文件不能读取：请另存为 .docx 或纯文本后再打开。'],
  [/^RTF files/, () => 'RTF 文件不能读取：请另存为 .docx 或纯文本后再打开。'],
  [/^PowerPoint files/, () => 'PowerPoint（.pptx）文件不能读取：请复制幻灯片中的文字后粘贴。'],
  [/^OpenDocument files/, () => 'OpenDocument（.odt）文件不能读取：请另存为 .docx 或纯文本后再打开。'],
  [/^the Word document is damaged/, () => 'Word 文档已损坏：请用 Word 打开后重新保存，或复制其中的文字后粘贴。'],
  [/^the Word document is encrypted/, () => 'Word 文档设有密码：请在 Word 中取消密码并重新保存后再打开。'],
  [/^it is not valid (\S+) text/, (m) => `文件不是有效的 ${m[1]} 文本：请确认文件的编码，或复制其中的文字后粘贴。`],
  [/^the input is ([\d.]+) MB, more than the (\d+) MB/, (m) => `文件有 ${m[1]} MB，超过可分析的 ${m[2]} MB：请拆分成较小的文件。`],
];

/** A reader's message in Chinese, or the message itself when it is not a known one. */
function zhReadError(message) {
  for (const [re, say] of ZH_READ_ERRORS) {
    const m = re.exec(message);
    if (m) return say(m);
  }
  return message;
}

export const STRINGS = {
  zh: {
    app: '环境报告分析',
    tagline: '粘贴或拖入生态环境部门的报告，立即查看元数据、提纲与全部量化指标。',
    privacy: '报告文字只在这台电脑上分析，不会发送出去：页面的安全策略只允许从本站载入程序，禁止向任何地址发送数据；用本项目的服务器（make serve）打开时，做分析的后台线程也受同样的限制。您可以自己核对：打开浏览器开发者工具的“网络”面板，粘贴或打开报告时不会出现任何请求。',
    input: '报告文本',
    placeholder: '在此粘贴报告全文，或将 .txt、.docx、.html 文件拖到页面任意位置……',
    pick: '选择文件',
    example: '示例报告',
    clear: '清空',
    compare: '对比',
    pageTitle: 'envreport · 环境报告分析',
    skipToResults: '跳到分析结果',
    sourceScroll: '原文（可滚动）',
    addText: '加入对比',
    pasted: (n) => `粘贴的文本 ${n}`,
    dropHere: '松开以读取文件',
    analyzing: '分析中…',
    reading: '读取文件…',
    readError: (message) => zhReadError(message),
    emptyFile: '文件是空的（0 字节），没有可分析的文字。',
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
    colName: '名称', colValue: '数值', colUnit: '单位', colComparison: '比较', colRank: '排名', colSection: '章节',
    sourceText: '原文',
    diagnostics: '提示',
    noDiagnostics: '没有需要注意的问题。',
    checks: '核查',
    noChecks: '没有可核查的数字。',
    checksSummary: (bad, unfilled, ok) => `${bad} 处不符 · ${unfilled} 处待填 · ${ok} 处相符`,
    verdict: (v) => ({ within: '达标', above: '超标', below: '低于限值', consistent: '一致', inconsistent: '不一致', unfilled: '待填' })[v] ?? v,
    checkRule: (r) => ({
      air_quality: '环境空气质量标准', water_class: '地表水水质类别', noise_zone: '声环境功能区限值',
      aqi_level: '空气质量指数级别', parts_total: '分项与合计', share_of_count: '占比与数量',
      share_of_days: '天数比例', change: '变化幅度', share_over_100: '比例超过100%',
      rank_beyond_scope: '排名超出范围', duplicate_sentence: '重复语句', placeholder: '占位符',
    })[r] ?? r,
    colCheck: '核查',
    colCategory: '类别',
    csvColumn: (k) => ({
      file: '文件', title: '标题', region: '地区', year: '年度', name: '名称', canonical: '标准指标',
      canonical_value: '标准单位数值', canonical_unit: '标准单位', category: '类别', value: '数值', low: '下限',
      high: '上限', unit: '单位', approx: '约数', placeholder: '待填', target: '目标', bound: '界限', baseline: '基数',
      comparison: '比较', rank: '排名', section: '章节', check: '核查', check_limit: '限值', check_standard: '标准',
      text: '原文', start: '起', end: '止', kind: '类型', rule: '核查项', verdict: '结论', computed: '计算',
      standard: '标准', class: '级别', limit: '限值', source: '出处', context: '上下文',
    })[k] ?? k,
    allCategories: '全部类别',
    groupByCategory: '按类别分组',
    category: (c) => ({
      air: '大气', water: '水', soil: '土壤', waste: '固体废物', ecology: '生态', climate: '气候与能源',
      noise: '噪声', radiation: '辐射', enforcement: '执法', petitions: '信访', approval: '审批',
      monitoring: '监测', publicity: '宣传', party: '党建', meetings: '会议培训', funds: '资金', other: '其他',
    })[c] ?? c,
    placeholdersLeft: (n) => `待填 ${n} 处`,
    exportChecks: '下载核查清单',
    showAllChecks: (n) => `另有 ${n} 项，显示全部`,
    exportXlsx: '下载 Excel',
    xlsxFailed: (m) => `Excel 文件未能生成：${m}`,
    diagnosticMessage: (d) => {
      const zh = ZH_DIAGNOSTICS[d.code];
      return typeof zh === 'function' ? zh(d) : zh ?? d.message;
    },
    timesSeen: (n) => `（共 ${n} 处）`,
    exportJson: '下载 JSON', exportCsv: '下载 CSV', exportMd: '下载 Markdown', copy: '复制表格', copied: '已复制',
    empty: '粘贴或拖入报告后，这里会显示分析结果。',
    noIndicators: '没有找到量化指标。',
    placeholderValue: '待填',
    targetMark: '（目标）',
    baselineMark: '（基数）',
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
    privacy: 'Your text is analyzed on this computer and sent nowhere: the page\'s security policy lets it load its own code from this site and forbids sending data anywhere; served by this project\'s server (make serve), the background worker that analyzes is bound the same way. Check it yourself: in your browser\'s developer tools, the Network tab shows no request when you paste or open a report.',
    input: 'Report text',
    placeholder: 'Paste the full report here, or drop a .txt, .docx or .html file anywhere on the page…',
    pick: 'Choose files',
    example: 'Example report',
    clear: 'Clear',
    compare: 'Compare',
    pageTitle: 'envreport · environmental report analyzer',
    skipToResults: 'Skip to the results',
    sourceScroll: 'Source text (scrollable)',
    addText: 'Add to comparison',
    pasted: (n) => `Pasted text ${n}`,
    dropHere: 'Drop to read the file',
    analyzing: 'Analyzing…',
    reading: 'Reading the file…',
    readError: (message) => message.charAt(0).toUpperCase() + message.slice(1) + '.',
    emptyFile: 'The file is empty (0 bytes): there is no text to analyze.',
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
    colName: 'Name', colValue: 'Value', colUnit: 'Unit', colComparison: 'Change', colRank: 'Rank', colSection: 'Section',
    sourceText: 'Source text',
    diagnostics: 'Notes',
    checks: 'Checks',
    noChecks: 'No numbers to check.',
    checksSummary: (bad, unfilled, ok) => `${bad} failing · ${unfilled} to fill · ${ok} holding`,
    verdict: (v) => ({ within: 'within', above: 'above', below: 'below', consistent: 'consistent', inconsistent: 'inconsistent', unfilled: 'to fill' })[v] ?? v,
    checkRule: (r) => ({
      air_quality: 'air quality standard', water_class: 'surface water class', noise_zone: 'noise zone limit',
      aqi_level: 'AQI level', parts_total: 'parts and total', share_of_count: 'share and count',
      share_of_days: 'share of days', change: 'stated change', share_over_100: 'share above 100%',
      rank_beyond_scope: 'rank beyond its scope', duplicate_sentence: 'repeated sentence', placeholder: 'placeholder',
    })[r] ?? r,
    colCheck: 'Check',
    colCategory: 'Category',
    csvColumn: (k) => k,
    allCategories: 'All categories',
    groupByCategory: 'Group by category',
    category: (c) => ({
      air: 'air', water: 'water', soil: 'soil', waste: 'waste', ecology: 'ecology', climate: 'climate and energy',
      noise: 'noise', radiation: 'radiation', enforcement: 'enforcement', petitions: 'petitions', approval: 'approvals',
      monitoring: 'monitoring', publicity: 'publicity', party: 'party', meetings: 'meetings and training', funds: 'funds', other: 'other',
    })[c] ?? c,
    placeholdersLeft: (n) => `${n} to fill`,
    exportChecks: 'Download the checks',
    showAllChecks: (n) => `${n} more: show all`,
    exportXlsx: 'Download Excel',
    xlsxFailed: (m) => `The Excel file could not be made: ${m}`,
    noDiagnostics: 'Nothing to note.',
    diagnosticMessage: (d) => d.message,
    timesSeen: (n) => `(${n} times)`,
    exportJson: 'Download JSON', exportCsv: 'Download CSV', exportMd: 'Download Markdown', copy: 'Copy table', copied: 'Copied',
    empty: 'Paste or drop a report to see the analysis here.',
    noIndicators: 'No quantitative indicators found.',
    placeholderValue: 'to fill',
    targetMark: ' (target)',
    baselineMark: ' (basis)',
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
