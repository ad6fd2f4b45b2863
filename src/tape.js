// Decodes a tape (src/tape.rs) into the plain value JSON.parse would give for the same
// value as JSON. Bundled into www/pkg/ by wasm-bindgen as a snippet of the glue.
//
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
  for (let i = 0; i < shapes.length; i += 1 + shapes[i]) {
    const keys = new Array(shapes[i]);
    for (let k = 0; k < keys.length; k++) keys[k] = table[shapes[i + 1 + k]];
    keyLists.push(keys);
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
