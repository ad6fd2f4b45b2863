// What a drop gives the page: the dropped files, and the reports inside dropped folders.

/** The extensions a dropped folder's files are read for (as the command line does). */
const REPORT_EXTENSIONS = /\.(txt|text|md|html?|xhtml|docx)$/i;

/** The files of dropped folders (and the dropped files themselves), read through the
 * entries API; a folder gives its reports, in path order. */
export async function droppedFiles(dataTransfer) {
  const entries = [...(dataTransfer.items ?? [])].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (!entries.some((e) => e.isDirectory)) return [...dataTransfer.files];
  const out = [];
  const walk = async (entry, path) => {
    if (entry.isFile) {
      const file = await new Promise((ok, fail) => entry.file(ok, fail));
      if (!path || REPORT_EXTENSIONS.test(file.name)) out.push({ file, path: path + file.name });
      return;
    }
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((ok, fail) => reader.readEntries(ok, fail));
      if (!batch.length) break;
      for (const e of batch) if (!e.name.startsWith('.')) await walk(e, `${path}${entry.name}/`);
    }
  };
  for (const e of entries) await walk(e, '');
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return out.map((x) => x.file);
}
