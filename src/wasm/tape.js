// Decodes a tape (src/tape.rs) into the plain value JSON.parse would give for the same
// value as JSON. Bundled into www/pkg/ by wasm-bindgen as a snippet of the glue.

// Object literals for the shapes a report repeats by the thousand: a literal makes its
// object with every property at once, where the generic path adds them one by one (about
// three times faster for a large report). Each serves exactly its key list, in order, so a
// field added in Rust falls back to the generic path (correct, slower) until it is added
// here; a test in tape.rs checks that every repeated shape of a report is listed.
const LITERALS = [
  // an indicator
  ['id,name,metric,category,value,unit,unit_written,unit_canonical,unit_category,approx,qualifier,placeholder,target,text,start,end,sentence_start,sentence_end,section,section_title,comparison,rank',
    (v) => ({
      id: v(), name: v(), metric: v(), category: v(), value: v(), unit: v(), unit_written: v(),
      unit_canonical: v(), unit_category: v(), approx: v(), qualifier: v(), placeholder: v(),
      target: v(), text: v(), start: v(), end: v(), sentence_start: v(), sentence_end: v(),
      section: v(), section_title: v(), comparison: v(), rank: v()
    })],
  // a comparison
  ['id,subject,basis,direction,value,unit,unit_canonical,placeholder,text,start,end,indicator',
    (v) => ({
      id: v(), subject: v(), basis: v(), direction: v(), value: v(), unit: v(),
      unit_canonical: v(), placeholder: v(), text: v(), start: v(), end: v(), indicator: v()
    })],
  // a rank
  ['id,scope,rank,placeholder,subject,text,start,end,indicator',
    (v) => ({
      id: v(), scope: v(), rank: v(), placeholder: v(), subject: v(), text: v(), start: v(),
      end: v(), indicator: v()
    })],
  // a section
  ['id,level,label,title,kind,start,end,heading_start,heading_end,children',
    (v) => ({
      id: v(), level: v(), label: v(), title: v(), kind: v(), start: v(), end: v(),
      heading_start: v(), heading_end: v(), children: v()
    })],
  // a diagnostic
  ['code,severity,message,text,start,end',
    (v) => ({
      code: v(), severity: v(), message: v(), text: v(), start: v(), end: v()
    })],
  // a number (numbers())
  ['text,value,start,end,kind,role,unit,qualifier',
    (v) => ({
      text: v(), value: v(), start: v(), end: v(), kind: v(), role: v(), unit: v(),
      qualifier: v()
    })],
  // a span
  ['start,end',
    (v) => ({
      start: v(), end: v()
    })],
].map(([keys, make]) => ({ keys: keys.split(','), make }));

// The literal for exactly these keys, if any.
function literalOf(keys) {
  const found = LITERALS.find((l) => l.keys.length === keys.length && l.keys.every((k, i) => k === keys[i]));
  return found && found.make;
}

// words: Uint32Array, a view of wasm memory valid for this call only; floats: the numbers
// that are not small integers; strings: every distinct string concatenated; ends: where
// each ends, in UTF-16 code units; shapes: each object shape's key count and keys.
export function decodeTape(words, floats, strings, ends, shapes) {
  const table = new Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    table[i] = strings.slice(start, ends[i]);
    start = ends[i];
  }
  // Per shape, its keys and a constructor of plain objects: `new make()` gives an object
  // whose prototype is Object.prototype, as `{}` does, but the engine learns how many
  // properties the objects of each constructor get and reserves room for them, instead of
  // growing a property store key by key (about twice as fast for a large report).
  const keyLists = [];
  const makers = [];
  const literals = [];
  for (let i = 0; i < shapes.length; i += 1 + shapes[i]) {
    const keys = new Array(shapes[i]);
    for (let k = 0; k < keys.length; k++) keys[k] = table[shapes[i + 1 + k]];
    keyLists.push(keys);
    literals.push(literalOf(keys));
    const make = function () {};
    make.prototype = Object.prototype;
    makers.push(make);
  }
  let p = 0;
  let q = 0;
  const value = () => {
    switch (words[p++]) {
      case 0: return null;
      case 1: return true;
      case 2: return false;
      case 3: return words[p++];
      case 4: return floats[q++];
      case 5: return table[words[p++]];
      case 6: {
        const n = words[p++];
        const a = new Array(n);
        for (let i = 0; i < n; i++) a[i] = value();
        return a;
      }
      case 7: {
        const shape = words[p++];
        const literal = literals[shape];
        if (literal !== undefined) return literal(value);
        const keys = keyLists[shape];
        const o = new makers[shape]();
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          // the common scalars here, saving a call
          let v;
          const tag = words[p];
          if (tag === 5) { v = table[words[p + 1]]; p += 2; }
          else if (tag === 3) { v = words[p + 1]; p += 2; }
          else if (tag === 0) { v = null; p += 1; }
          else v = value();
          // JSON.parse makes "__proto__" an own property; an assignment would not
          if (key === '__proto__') {
            Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
          } else {
            o[key] = v;
          }
        }
        return o;
      }
      default: throw new Error(`envreport: a damaged result (word ${words[p - 1]} at ${p - 1})`);
    }
  };
  return value();
}
