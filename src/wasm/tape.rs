//! A compact encoding of any serializable value, for handing reports to JavaScript.
//!
//! A report for 1 MB of text is about 2.6 MB of JSON. Passing it as JSON costs three full
//! passes over that text: writing it, decoding its UTF-8 into a JavaScript string, and
//! `JSON.parse`. A tape is the same value as a list of 32-bit words, the floats beside
//! it and each distinct string once; the decoder (`src/tape.js`) rebuilds the objects in
//! one walk, slicing the strings out of one decoded table. Field names and repeated
//! values (units, categories, section titles) are decoded once, not once per object, and
//! each object names its shape (its list of keys), so that the objects of one shape are
//! built alike, which JavaScript engines do fastest.
//!
//! The value decoded is the one `JSON.parse(serde_json::to_string(value))` gives: the
//! same keys in the same order, `null` for `None`, unit variants as their names, and
//! `null` for floats that are not finite.
//!
//! # Words
//! | word          | then                           | value                               |
//! |---------------|--------------------------------|-------------------------------------|
//! | [`NULL`]      |                                | `null`                              |
//! | [`TRUE`]      |                                | `true`                              |
//! | [`FALSE`]     |                                | `false`                             |
//! | [`UINT`]      | the number                     | an integer below 2³²                |
//! | [`FLOAT`]     |                                | the next number of `floats`         |
//! | [`STRING`]    | a string index                 | that string                         |
//! | [`ARRAY`]     | the length *n*, *n* values     | an array                            |
//! | [`OBJECT`]    | a shape index, then one value per key of the shape | an object |
//!
//! `shapes` lists the shapes one after another, each as its number of keys and the
//! string index of each key.

use std::fmt::Display;

use serde::ser::{self, Serialize};

use crate::lexicon::FxMap;

pub const NULL: u32 = 0;
pub const TRUE: u32 = 1;
pub const FALSE: u32 = 2;
pub const UINT: u32 = 3;
pub const FLOAT: u32 = 4;
pub const STRING: u32 = 5;
pub const ARRAY: u32 = 6;
pub const OBJECT: u32 = 7;

/// Slots of the field name cache: more than the report has field names.
const FIELD_SLOTS: usize = 256;

/// A value encoded: see the [module](self) documentation.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tape {
    /// The words.
    pub words: Vec<u32>,
    /// The numbers that are not small integers, in the order the words name them.
    pub floats: Vec<f64>,
    /// Every distinct string, concatenated.
    pub strings: String,
    /// Where each string ends in `strings`, in UTF-16 code units (JavaScript's offsets).
    pub ends: Vec<u32>,
    /// The keys of the objects: for each shape, its length and its keys' string indices.
    pub shapes: Vec<u32>,
    shape_index: FxMap<Box<[u32]>, u32>,
    /// The keys of the objects being written, innermost last.
    keys: Vec<u32>,
    index: FxMap<Box<str>, u32>,
    /// Field names are static and most words are fields: a direct-mapped cache of their
    /// string indices by address and length, in front of `index`.
    field_slots: Vec<(usize, usize, u32)>,
    utf16_len: u32,
}

/// Why a value cannot be encoded: map keys that are not strings or numbers (as in JSON),
/// or a `Serialize` implementation's own error.
#[derive(Debug)]
pub struct TapeError(String);

impl Display for TapeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TapeError {}

impl ser::Error for TapeError {
    fn custom<T: Display>(msg: T) -> Self {
        TapeError(msg.to_string())
    }
}

type Result<T> = std::result::Result<T, TapeError>;

/// Encodes `value`.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Tape> {
    let mut tape = Tape {
        field_slots: vec![(0, 0, 0); FIELD_SLOTS],
        ..Tape::default()
    };
    value.serialize(&mut tape)?;
    Ok(tape)
}

impl Tape {
    /// The index of `s` in the string table, adding it the first time.
    fn string(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        let i = self.ends.len() as u32;
        self.strings.push_str(s);
        self.utf16_len += s.chars().map(|c| c.len_utf16() as u32).sum::<u32>();
        self.ends.push(self.utf16_len);
        self.index.insert(s.into(), i);
        i
    }

    fn push_str(&mut self, s: &str) {
        let i = self.string(s);
        self.words.extend([STRING, i]);
    }

    fn push_float(&mut self, v: f64) {
        if !v.is_finite() {
            self.words.push(NULL);
        } else if v >= 0.0
            && v <= u32::MAX as f64
            && v.fract() == 0.0
            && v.to_bits() != (-0f64).to_bits()
        {
            self.words.extend([UINT, v as u32]);
        } else {
            self.words.push(FLOAT);
            self.floats.push(v);
        }
    }

    fn push_uint(&mut self, v: u64) {
        match u32::try_from(v) {
            Ok(v) => self.words.extend([UINT, v]),
            Err(_) => self.push_float(v as f64),
        }
    }

    fn push_int(&mut self, v: i64) {
        match u64::try_from(v) {
            Ok(v) => self.push_uint(v),
            Err(_) => self.push_float(v as f64),
        }
    }

    /// Starts an array or object: its length or shape is patched in by
    /// [`Compound::close`].
    fn open(&mut self, kind: u32) -> Compound<'_> {
        self.words.extend([kind, 0]);
        let at = self.words.len() - 1;
        let keys = self.keys.len();
        Compound {
            tape: self,
            at,
            len: 0,
            keys,
        }
    }

    /// `{ key: ...` for the variants of enums with data, as serde_json writes them.
    fn open_variant(&mut self, variant: &'static str) {
        let key = self.field_key(variant);
        self.keys.push(key);
        let shape = self.shape_of_keys(self.keys.len() - 1);
        self.words.extend([OBJECT, shape]);
    }

    /// The index of the shape whose keys are `keys[from..]`, adding it the first time; the
    /// keys are taken off the stack.
    fn shape_of_keys(&mut self, from: usize) -> u32 {
        let keys = &self.keys[from..];
        let i = match self.shape_index.get(keys) {
            Some(&i) => i,
            None => {
                let i = self.shape_index.len() as u32;
                self.shapes.push(keys.len() as u32);
                self.shapes.extend_from_slice(keys);
                self.shape_index.insert(keys.into(), i);
                i
            }
        };
        self.keys.truncate(from);
        i
    }

    /// The string index of a field name (cached by address: they are static).
    fn field_key(&mut self, key: &'static str) -> u32 {
        let at = (key.as_ptr() as usize, key.len());
        let slot = (at.0 ^ (at.0 >> 6) ^ at.1) % FIELD_SLOTS;
        if let Some(&(a, n, i)) = self.field_slots.get(slot) {
            if (a, n) == at {
                return i;
            }
        }
        let i = self.string(key);
        if let Some(s) = self.field_slots.get_mut(slot) {
            *s = (at.0, at.1, i);
        }
        i
    }
}

/// An array or object being written: its length word is patched at the end.
pub struct Compound<'a> {
    tape: &'a mut Tape,
    at: usize,
    len: u32,
    /// Where this object's keys start in `tape.keys`.
    keys: usize,
}

impl Compound<'_> {
    fn close(self) {
        if self.tape.words[self.at - 1] == OBJECT {
            self.tape.words[self.at] = self.tape.shape_of_keys(self.keys);
        } else {
            self.tape.words[self.at] = self.len;
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.len += 1;
        value.serialize(&mut *self.tape)
    }
}

/// Serializer methods that widen a number and push it.
macro_rules! numbers {
    ($($method:ident($ty:ty) => $push:ident),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<()> {
            self.$push(v.into());
            Ok(())
        }
    )*};
}

/// Serializer methods that open an array or an object, inside `{ variant: ...` for the
/// variants of enums.
macro_rules! opens {
    ($($method:ident($($arg:ident: $ty:ty),*) => $kind:ident $(in $variant:ident)?),* $(,)?) => {$(
        fn $method(self, $($arg: $ty),*) -> Result<Compound<'a>> {
            $(self.open_variant($variant);)?
            Ok(self.open($kind))
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = TapeError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.words.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    numbers! {
        serialize_i8(i8) => push_int, serialize_i16(i16) => push_int,
        serialize_i32(i32) => push_int, serialize_i64(i64) => push_int,
        serialize_u8(u8) => push_uint, serialize_u16(u16) => push_uint,
        serialize_u32(u32) => push_uint, serialize_u64(u64) => push_uint,
        serialize_f32(f32) => push_float, serialize_f64(f64) => push_float,
    }
    fn serialize_char(self, v: char) -> Result<()> {
        self.push_str(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<()> {
        self.push_str(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        let mut seq = self.open(ARRAY);
        for b in v {
            seq.element(b)?;
        }
        seq.close();
        Ok(())
    }
    fn serialize_none(self) -> Result<()> {
        self.words.push(NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<()> {
        self.words.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<()> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.push_str(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<()> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.open_variant(variant);
        value.serialize(self)
    }
    opens! {
        serialize_seq(_len: Option<usize>) => ARRAY,
        serialize_tuple(_len: usize) => ARRAY,
        serialize_tuple_struct(_name: &'static str, _len: usize) => ARRAY,
        serialize_tuple_variant(_name: &'static str, _index: u32, variant: &'static str, _len: usize)
            => ARRAY in variant,
        serialize_map(_len: Option<usize>) => OBJECT,
        serialize_struct(_name: &'static str, _len: usize) => OBJECT,
        serialize_struct_variant(_name: &'static str, _index: u32, variant: &'static str, _len: usize)
            => OBJECT in variant,
    }
}

/// The serde traits of arrays (elements) and objects (fields) over [`Compound`].
macro_rules! compound {
    ($($trait:ident::$method:ident($($key:ident)?)),* $(,)?) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = TapeError;
            fn $method<T: Serialize + ?Sized>(
                &mut self,
                $($key: &'static str,)?
                value: &T,
            ) -> Result<()> {
                $(let key = self.tape.field_key($key);
                self.tape.keys.push(key);)?
                self.element(value)
            }
            fn end(self) -> Result<()> {
                self.close();
                Ok(())
            }
        }
    )*};
}

compound! {
    SerializeSeq::serialize_element(),
    SerializeTuple::serialize_element(),
    SerializeTupleStruct::serialize_field(),
    SerializeTupleVariant::serialize_field(),
    SerializeStruct::serialize_field(key),
    SerializeStructVariant::serialize_field(key),
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = TapeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        let key = key.serialize(MapKey)?;
        let key = self.tape.string(&key);
        self.tape.keys.push(key);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }
    fn end(self) -> Result<()> {
        self.close();
        Ok(())
    }
}

/// Map keys as JSON has them: strings, and numbers written as strings.
struct MapKey;

fn not_a_key<T>() -> Result<T> {
    Err(TapeError("a map key must be a string or a number".into()))
}

/// Key serializer methods that write the value as the key.
macro_rules! written {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method(self, v: $ty) -> Result<String> {
            Ok(v.to_string())
        }
    )*};
}

/// Key serializer methods for values JSON cannot have as keys.
macro_rules! refused {
    ($($method:ident($ty:ty)),* $(,)?) => {$(
        fn $method(self, _v: $ty) -> Result<String> {
            not_a_key()
        }
    )*};
}

impl ser::Serializer for MapKey {
    type Ok = String;
    type Error = TapeError;
    type SerializeSeq = ser::Impossible<String, TapeError>;
    type SerializeTuple = ser::Impossible<String, TapeError>;
    type SerializeTupleStruct = ser::Impossible<String, TapeError>;
    type SerializeTupleVariant = ser::Impossible<String, TapeError>;
    type SerializeMap = ser::Impossible<String, TapeError>;
    type SerializeStruct = ser::Impossible<String, TapeError>;
    type SerializeStructVariant = ser::Impossible<String, TapeError>;

    written! {
        serialize_str(&str), serialize_char(char), serialize_bool(bool),
        serialize_i8(i8), serialize_i16(i16), serialize_i32(i32), serialize_i64(i64),
        serialize_u8(u8), serialize_u16(u16), serialize_u32(u32), serialize_u64(u64),
    }
    refused! {
        serialize_f32(f32), serialize_f64(f64), serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    }
    fn serialize_none(self) -> Result<String> {
        not_a_key()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<String> {
        not_a_key()
    }
    fn serialize_unit(self) -> Result<String> {
        not_a_key()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<String> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<String> {
        not_a_key()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        not_a_key()
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        not_a_key()
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        not_a_key()
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        not_a_key()
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        not_a_key()
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        not_a_key()
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        not_a_key()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tape's strings.
    fn strings(t: &Tape) -> Vec<String> {
        let units: Vec<u16> = t.strings.encode_utf16().collect();
        let mut a = 0;
        t.ends
            .iter()
            .map(|&b| {
                let s = String::from_utf16(&units[a as usize..b as usize]).unwrap();
                a = b;
                s
            })
            .collect()
    }

    /// Decodes a tape back into JSON text, as `src/tape.js` does into objects.
    fn to_json(t: &Tape) -> String {
        decode(t).0
    }

    /// The JSON text of a tape, and how many objects of each shape it holds.
    fn decode(t: &Tape) -> (String, Vec<usize>) {
        let strings = strings(t);
        let (mut p, mut q) = (0, 0);
        let mut counts = vec![0; shapes(t).len()];
        fn value(
            t: &Tape,
            s: &[String],
            p: &mut usize,
            q: &mut usize,
            counts: &mut [usize],
        ) -> serde_json::Value {
            let w = t.words[*p];
            *p += 1;
            match w {
                NULL => serde_json::Value::Null,
                TRUE => true.into(),
                FALSE => false.into(),
                UINT => {
                    *p += 1;
                    t.words[*p - 1].into()
                }
                FLOAT => {
                    *q += 1;
                    t.floats[*q - 1].into()
                }
                STRING => {
                    *p += 1;
                    s[t.words[*p - 1] as usize].clone().into()
                }
                ARRAY => {
                    let n = t.words[*p];
                    *p += 1;
                    (0..n).map(|_| value(t, s, p, q, counts)).collect()
                }
                OBJECT => {
                    let shape = t.words[*p] as usize;
                    *p += 1;
                    counts[shape] += 1;
                    let mut m = serde_json::Map::new();
                    for &k in &shapes(t)[shape] {
                        m.insert(s[k as usize].clone(), value(t, s, p, q, counts));
                    }
                    m.into()
                }
                _ => panic!("bad word {w}"),
            }
        }
        let v = value(t, &strings, &mut p, &mut q, &mut counts);
        assert_eq!((p, q), (t.words.len(), t.floats.len()));
        (numbers_as_floats(v).to_string(), counts)
    }

    fn shapes(t: &Tape) -> Vec<Vec<u32>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.shapes.len() {
            let n = t.shapes[i] as usize;
            out.push(t.shapes[i + 1..i + 1 + n].to_vec());
            i += 1 + n;
        }
        out
    }

    /// JavaScript has one kind of number: 287 and 287.0 are the same value.
    fn numbers_as_floats(v: serde_json::Value) -> serde_json::Value {
        use serde_json::Value;
        match v {
            Value::Number(n) => n.as_f64().map_or(Value::Null, Value::from),
            Value::Array(a) => a.into_iter().map(numbers_as_floats).collect(),
            Value::Object(m) => m
                .into_iter()
                .map(|(k, v)| (k, numbers_as_floats(v)))
                .collect::<serde_json::Map<_, _>>()
                .into(),
            v => v,
        }
    }

    #[derive(serde::Serialize)]
    enum E {
        Unit,
        New(i32),
        Tuple(u8, f64),
        Struct { a: Option<bool> },
    }

    #[derive(serde::Serialize)]
    struct S {
        text: &'static str,
        astral: String,
        n: u32,
        big: u64,
        neg: i64,
        x: f64,
        nan: f64,
        none: Option<u8>,
        list: Vec<E>,
        map: std::collections::BTreeMap<u16, char>,
        unit: (),
    }

    #[test]
    fn decodes_to_what_json_gives() {
        let s = S {
            text: "环境",
            astral: "𠀀a環".into(),
            n: 7,
            big: u64::MAX,
            neg: -3,
            x: 2.5,
            nan: f64::NAN,
            none: None,
            list: vec![
                E::Unit,
                E::New(-1),
                E::Tuple(1, 0.5),
                E::Struct { a: Some(true) },
            ],
            map: [(3, 'x'), (10, '环')].into_iter().collect(),
            unit: (),
        };
        let t = encode(&s).unwrap();
        let json: serde_json::Value = serde_json::to_value(&s).unwrap();
        assert_eq!(to_json(&t), numbers_as_floats(json).to_string());
        // each distinct string once: "环境" and "x" are not repeated
        assert_eq!(t.ends.len(), t.index.len());
        // the two E::Struct-like objects {a} and the struct S: one shape each, and {New},
        // {Tuple}, {Struct}, the map
        assert_eq!(shapes(&t).len(), 6);
        assert_eq!(
            *t.ends.last().unwrap() as usize,
            t.strings.encode_utf16().count()
        );
    }

    #[test]
    fn decodes_a_report() {
        let r = crate::analyze(
            "2021年，全区优良天数为287天，同比增加12天。",
            &crate::Options::default(),
        );
        assert_eq!(
            to_json(&encode(&r).unwrap()),
            numbers_as_floats(serde_json::to_value(&r).unwrap()).to_string()
        );
    }

    #[test]
    fn refuses_keys_json_cannot_have() {
        let m: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into_iter().collect();
        assert!(encode(&m).unwrap_err().to_string().contains("map key"));
    }
}
