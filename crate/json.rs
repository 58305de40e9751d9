//! JSON for the core: a value type, a parser and a writer, small enough for the wasm.
//!
//! Every value that crosses the JavaScript boundary, every embedded data file and every saved file
//! is JSON. `serde_json` did this before, but its parser, its exact float reader (`float_roundtrip`,
//! about 9 KB of the gzipped wasm with its tables), its float printer and its B-tree maps were
//! about a sixth of the wasm (docs/performance.md). This module keeps the same shapes and method
//! names as `serde_json::Value`, so the core reads the same, and is checked against `serde_json`
//! by property tests: the same values from the same text, the same numbers bit for bit, and text it
//! writes that `serde_json` reads back to the same value.
//!
//! - [`Value`], [`Map`] (sorted by key, as `serde_json`'s default map is; a repeated key keeps its
//!   last value) and [`Number`] (an unsigned, negative or floating-point number, as `serde_json`
//!   tells them apart).
//! - [`parse`]: strict JSON (RFC 8259), nesting at most 127 deep (as `serde_json`), numbers read exactly (the nearest
//!   `f64`, ties to even); errors carry a line and column.
//! - [`to_string`]: any `serde::Serialize` value as compact JSON. Floats are written with the fewest
//!   of 15, 16 or 17 significant digits that read back to the same `f64`.
use serde::ser::{self, Serialize};
use std::cmp::Ordering;
use std::fmt;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// `null`
    #[default]
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

/// A JSON number: an integer when the text had no fraction or exponent and fits 64 bits.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(N);

#[derive(Debug, Clone, Copy, PartialEq)]
enum N {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

/// A JSON object: its members sorted by key.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map {
    entries: Vec<(String, Value)>,
}

impl Number {
    /// The number as an `f64` (always possible).
    pub fn as_f64(&self) -> Option<f64> {
        Some(match self.0 {
            N::PosInt(u) => u as f64,
            N::NegInt(i) => i as f64,
            N::Float(f) => f,
        })
    }

    /// The number as a `u64`, if it is a non-negative integer.
    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::PosInt(u) => Some(u),
            _ => None,
        }
    }

    /// The number as an `i64`, if it is an integer in range.
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::PosInt(u) => i64::try_from(u).ok(),
            N::NegInt(i) => Some(i),
            N::Float(_) => None,
        }
    }

    /// True when the number is a float (it had a fraction or an exponent, or was too big).
    pub fn is_f64(&self) -> bool {
        matches!(self.0, N::Float(_))
    }

    /// A float as a number; `None` for NaN or an infinity, which JSON cannot hold.
    pub fn from_f64(f: f64) -> Option<Number> {
        f.is_finite().then_some(Number(N::Float(f)))
    }
}

impl From<u64> for Number {
    fn from(u: u64) -> Self {
        Number(N::PosInt(u))
    }
}

impl From<i64> for Number {
    fn from(i: i64) -> Self {
        Number(if i < 0 { N::NegInt(i) } else { N::PosInt(i as u64) })
    }
}

impl Map {
    /// An empty object.
    pub fn new() -> Self {
        Map::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key).ok().map(|i| &self.entries[i].1)
    }

    /// The value of `key`, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.find(key).ok().map(|i| &mut self.entries[i].1)
    }

    /// True when the object has `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key`, returning its previous value.
    pub fn insert(&mut self, key: String, value: Value) -> Option<Value> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    /// Removes `key`, returning its value.
    pub fn remove(&mut self, key: &str) -> Option<Value> {
        self.find(key).ok().map(|i| self.entries.remove(i).1)
    }

    /// The members, sorted by key.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    /// The keys, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    /// The values, in key order.
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.entries.iter().map(|(_, v)| v)
    }

    /// How many members.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no members.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl FromIterator<(String, Value)> for Map {
    /// Sorted by key, the last of a repeated key kept (as a parsed object).
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        object(iter.into_iter().collect())
    }
}

impl<'a> IntoIterator for &'a Map {
    type Item = (&'a String, &'a Value);
    type IntoIter =
        std::iter::Map<std::slice::Iter<'a, (String, Value)>, fn(&'a (String, Value)) -> (&'a String, &'a Value)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl Value {
    /// The member `key` of an object (`None` for anything else).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|o| o.get(key))
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number as an `f64`, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        self.as_number().and_then(Number::as_f64)
    }

    /// The number as a `u64`, if this is a non-negative integer.
    pub fn as_u64(&self) -> Option<u64> {
        self.as_number().and_then(Number::as_u64)
    }

    /// The number as an `i64`, if this is an integer in range.
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number().and_then(Number::as_i64)
    }

    /// The number, if this is one.
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The members, if this is an object, to change them.
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// True for an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    /// True for an array.
    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    /// True for a string.
    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    /// True for a number.
    pub fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }
}

impl From<u64> for Value {
    fn from(u: u64) -> Self {
        Value::Number(u.into())
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Self {
        Value::Number(i.into())
    }
}

impl From<u32> for Value {
    fn from(u: u32) -> Self {
        Value::from(u as u64)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Self {
        Value::Object(m)
    }
}

impl From<Vec<Value>> for Value {
    fn from(a: Vec<Value>) -> Self {
        Value::Array(a)
    }
}

static NULL: Value = Value::Null;

/// `value["key"]`: the member, or `null` when absent or not an object (as `serde_json`).
impl std::ops::Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

/// `value[i]`: the item, or `null` when absent or not an array (as `serde_json`).
impl std::ops::Index<usize> for Value {
    type Output = Value;
    fn index(&self, i: usize) -> &Value {
        self.as_array().and_then(|a| a.get(i)).unwrap_or(&NULL)
    }
}

/// `value["key"] = …`: `null` becomes an object and an absent key is added (as `serde_json`).
/// Panics for any other value: a broken contract in the caller.
impl std::ops::IndexMut<&str> for Value {
    fn index_mut(&mut self, key: &str) -> &mut Value {
        if self.is_null() {
            *self = Value::Object(Map::new());
        }
        let Value::Object(o) = self else {
            panic!("cannot index a non-object with {key:?}")
        };
        if !o.contains_key(key) {
            o.insert(key.to_string(), Value::Null);
        }
        o.get_mut(key).unwrap_or_else(|| unreachable!())
    }
}

/// `value[i] = …`. Panics unless `i` is an index of an array.
impl std::ops::IndexMut<usize> for Value {
    fn index_mut(&mut self, i: usize) -> &mut Value {
        match self {
            Value::Array(a) if i < a.len() => &mut a[i],
            _ => panic!("cannot index {i} into this value"),
        }
    }
}

/// Compact JSON, as [`to_string`] writes it.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&to_string(self))
    }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// What is wrong with a JSON text, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    /// What went wrong.
    pub code: ErrorCode,
    /// 1-based line of the problem.
    pub line: usize,
    /// Column of the problem: bytes from the start of its line up to and including it.
    pub column: usize,
}

/// The kinds of problem [`parse`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// The text ends in the middle of a value.
    Eof,
    /// Nested 128 or more arrays or objects deep.
    RecursionLimit,
    /// A number too large for an `f64`.
    NumberOutOfRange,
    /// Anything else that is not JSON; the text says what was expected.
    Syntax(&'static str),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.code {
            ErrorCode::Eof => "EOF while parsing a value",
            ErrorCode::RecursionLimit => "recursion limit exceeded",
            ErrorCode::NumberOutOfRange => "number out of range",
            ErrorCode::Syntax(s) => s,
        };
        write!(f, "{what} at line {} column {}", self.line, self.column)
    }
}

/// Reads a JSON text (whitespace around the one value is allowed, nothing else).
///
/// ```
/// use stocktake::json::{parse, ErrorCode};
/// let v = parse(r#"{"b": [1, -2, 0.1], "a": "x\u00e9"}"#).unwrap();
/// assert_eq!(v.get("a").and_then(|a| a.as_str()), Some("xé"));
/// assert_eq!(v.to_string(), r#"{"a":"xé","b":[1,-2,0.1]}"#);
/// assert_eq!(parse("[1, 2").unwrap_err().code, ErrorCode::Eof);
/// ```
pub fn parse(text: &str) -> Result<Value, Error> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    let v = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err(ErrorCode::Syntax("trailing characters")));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: u32,
}

/// As serde_json: 127 nested arrays or objects are allowed, 128 are not.
const MAX_DEPTH: u32 = 127;

impl Parser<'_> {
    #[cold]
    fn err(&self, code: ErrorCode) -> Error {
        let upto = &self.s[..(self.i + 1).min(self.s.len())];
        let line = 1 + upto.iter().filter(|&&b| b == b'\n').count();
        let start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
        Error {
            code,
            line,
            column: upto.len() - start,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    /// The next byte, or an end-of-text error.
    fn next(&mut self) -> Result<u8, Error> {
        let b = self.peek().ok_or_else(|| self.err(ErrorCode::Eof))?;
        self.i += 1;
        Ok(b)
    }

    fn literal(&mut self, word: &'static [u8], v: Value) -> Result<Value, Error> {
        for &w in word {
            if self.next()? != w {
                self.i -= 1;
                return Err(self.err(ErrorCode::Syntax("expected ident")));
            }
        }
        Ok(v)
    }

    fn value(&mut self) -> Result<Value, Error> {
        self.ws();
        match self.peek().ok_or_else(|| self.err(ErrorCode::Eof))? {
            b'n' => self.literal(b"null", Value::Null),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            b'[' => {
                self.enter()?;
                let mut items = Vec::new();
                self.ws();
                if self.peek() == Some(b']') {
                    self.i += 1;
                } else {
                    loop {
                        items.push(self.value()?);
                        self.ws();
                        match self.next()? {
                            b',' => {}
                            b']' => break,
                            _ => return Err(self.back(ErrorCode::Syntax("expected `,` or `]`"))),
                        }
                    }
                }
                self.depth -= 1;
                Ok(Value::Array(items))
            }
            b'{' => {
                self.enter()?;
                let mut entries = Vec::new();
                self.ws();
                if self.peek() == Some(b'}') {
                    self.i += 1;
                } else {
                    loop {
                        self.ws();
                        match self.next()? {
                            b'"' => {}
                            _ => return Err(self.back(ErrorCode::Syntax("key must be a string"))),
                        }
                        let key = self.string()?;
                        self.ws();
                        if self.next()? != b':' {
                            return Err(self.back(ErrorCode::Syntax("expected `:`")));
                        }
                        entries.push((key, self.value()?));
                        self.ws();
                        match self.next()? {
                            b',' => {}
                            b'}' => break,
                            _ => return Err(self.back(ErrorCode::Syntax("expected `,` or `}`"))),
                        }
                    }
                }
                self.depth -= 1;
                Ok(Value::Object(object(entries)))
            }
            _ => Err(self.err(ErrorCode::Syntax("expected value"))),
        }
    }

    #[cold]
    fn back(&mut self, code: ErrorCode) -> Error {
        self.i -= 1;
        self.err(code)
    }

    fn enter(&mut self) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.err(ErrorCode::RecursionLimit));
        }
        self.i += 1;
        Ok(())
    }

    /// A string's contents, after its opening quote.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = Vec::new();
        loop {
            let start = self.i;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.i += 1;
            }
            out.extend_from_slice(&self.s[start..self.i]);
            match self.next()? {
                b'"' => break,
                b'\\' => {
                    let c = match self.next()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(self.back(ErrorCode::Syntax("invalid escape"))),
                    };
                    let mut buf = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
                _ => {
                    return Err(self.back(ErrorCode::Syntax(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    )))
                }
            }
        }
        // The input is a &str and only whole characters or escapes were copied.
        Ok(String::from_utf8(out).unwrap_or_default())
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        if self.s.len() - self.i < 4 {
            self.i = self.s.len();
            return Err(self.err(ErrorCode::Eof));
        }
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.next()? {
                b @ b'0'..=b'9' => b - b'0',
                b @ b'a'..=b'f' => b - b'a' + 10,
                b @ b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(self.back(ErrorCode::Syntax("invalid escape"))),
            };
            n = n * 16 + d as u32;
        }
        Ok(n)
    }

    /// After `\u`: one character, joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let hi = self.hex4()?;
        let code = match hi {
            0xD800..=0xDBFF => {
                if self.next()? != b'\\' || self.next()? != b'u' {
                    return Err(self.back(ErrorCode::Syntax("unexpected end of hex escape")));
                }
                let lo = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err(self.err(ErrorCode::Syntax("lone leading surrogate in hex escape")));
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.err(ErrorCode::Syntax("lone leading surrogate in hex escape"))),
            c => c,
        };
        char::from_u32(code).ok_or_else(|| self.err(ErrorCode::Syntax("invalid unicode code point")))
    }

    fn digits(&mut self) -> &[u8] {
        let start = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        &self.s[start..self.i]
    }

    /// A number with no digits where they must be: cut short at the end of the text, or malformed.
    #[cold]
    fn bad_number(&self) -> Error {
        self.err(if self.peek().is_none() {
            ErrorCode::Eof
        } else {
            ErrorCode::Syntax("invalid number")
        })
    }

    fn number(&mut self) -> Result<Number, Error> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.i += 1;
        }
        let int = self.digits();
        if int.is_empty() {
            return Err(self.bad_number());
        }
        if int.len() > 1 && int[0] == b'0' {
            self.i -= int.len() - 1;
            return Err(self.err(ErrorCode::Syntax("invalid number")));
        }
        let mut digits: Vec<u8> = int.to_vec();
        let mut exp: i64 = 0;
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.i += 1;
            let frac = self.digits();
            if frac.is_empty() {
                return Err(self.bad_number());
            }
            exp -= frac.len() as i64;
            digits.extend_from_slice(frac);
            float = true;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            let minus = match self.peek() {
                Some(b'-') => {
                    self.i += 1;
                    true
                }
                Some(b'+') => {
                    self.i += 1;
                    false
                }
                _ => false,
            };
            let e = self.digits();
            if e.is_empty() {
                return Err(self.bad_number());
            }
            let e = e.iter().fold(0i64, |n, &d| (n * 10 + (d - b'0') as i64).min(1 << 40));
            exp += if minus { -e } else { e };
            float = true;
        }
        if !float {
            if let Some(u) = small_int(&digits) {
                if !negative {
                    return Ok(Number(N::PosInt(u)));
                }
                if u != 0 && u <= 1 << 63 {
                    return Ok(Number(N::NegInt((u as i64).wrapping_neg())));
                }
            }
        }
        let f = decimal_to_f64(&digits, exp);
        if f.is_infinite() {
            return Err(self.err(ErrorCode::NumberOutOfRange));
        }
        Ok(Number(N::Float(if negative { -f } else { f })))
    }
}

/// Digits as a `u64`, if they fit.
fn small_int(digits: &[u8]) -> Option<u64> {
    digits
        .iter()
        .try_fold(0u64, |n, &d| n.checked_mul(10)?.checked_add((d - b'0') as u64))
}

/// An object from parsed members: sorted by key, the last of a repeated key kept.
fn object(mut entries: Vec<(String, Value)>) -> Map {
    // Stable, so repeated keys stay in text order and the last one is kept.
    if !entries.windows(2).all(|w| w[0].0 < w[1].0) {
        crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
    }
    let mut out: Vec<(String, Value)> = Vec::with_capacity(entries.len());
    for e in entries {
        match out.last_mut() {
            Some(last) if last.0 == e.0 => *last = e,
            _ => out.push(e),
        }
    }
    Map { entries: out }
}

// ---------------------------------------------------------------------------------------------
// Exact decimal ↔ binary conversion, on a small big-integer type.

/// An unsigned big integer, 32-bit limbs, least significant first, no trailing zero limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Big {
        let mut b = Big(vec![n as u32, (n >> 32) as u32]);
        b.trim();
        b
    }

    fn trim(&mut self) {
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }

    /// self = self × m + a
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = a as u64;
        for limb in &mut self.0 {
            let t = *limb as u64 * m as u64 + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow5(&mut self, mut n: u64) {
        while n > 0 {
            let k = n.min(13); // 5^13 < 2^32
            self.mul_add(5u32.pow(k as u32), 0);
            n -= k;
        }
    }

    fn shl(&mut self, bits: u64) {
        let (limbs, bits) = ((bits / 32) as usize, (bits % 32) as u32);
        if bits > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let t = *limb;
                *limb = (t << bits) | carry;
                carry = t >> (32 - bits);
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat_n(0, limbs));
        }
    }

    fn cmp(&self, other: &Big) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// self = self / d, returning the remainder.
    fn div_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for limb in self.0.iter_mut().rev() {
            let t = (rem << 32) | *limb as u64;
            *limb = (t / d as u64) as u32;
            rem = t % d as u64;
        }
        self.trim();
        rem as u32
    }

    /// The decimal digits (ASCII), most significant first; "0" for zero.
    fn decimal(mut self) -> Vec<u8> {
        let mut chunks = Vec::new();
        while !self.0.is_empty() {
            chunks.push(self.div_small(1_000_000_000));
        }
        let mut out = Vec::new();
        for (i, c) in chunks.iter().rev().enumerate() {
            let text = c.to_string();
            if i > 0 {
                out.extend(std::iter::repeat_n(b'0', 9 - text.len()));
            }
            out.extend_from_slice(text.as_bytes());
        }
        if out.is_empty() {
            out.push(b'0');
        }
        out
    }
}

/// (integer significand, binary exponent) of a positive finite `f64`: x = m × 2^e.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    }
}

const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
    1e21, 1e22,
];

/// The `f64` nearest to digits × 10^exp (ties to even). `digits` are ASCII decimal digits.
fn decimal_to_f64(digits: &[u8], exp: i64) -> f64 {
    // Leading zeros change nothing; each trailing zero dropped multiplies by ten.
    let start = digits.iter().position(|&d| d != b'0').unwrap_or(digits.len());
    let end = digits.iter().rposition(|&d| d != b'0').map_or(start, |p| p + 1);
    let exp = exp.saturating_add((digits.len() - end) as i64);
    let digits = &digits[start..end];
    if digits.is_empty() {
        return 0.0;
    }
    let n = digits.len() as i64;
    // The value lies in [10^(n-1+exp), 10^(n+exp)).
    if n + exp > 310 {
        return f64::INFINITY;
    }
    if n + exp < -324 {
        return 0.0;
    }
    if n <= 19 {
        let m = small_int(digits).unwrap_or(u64::MAX);
        if m <= 1 << 53 && exp.abs() <= 22 {
            let m = m as f64;
            return if exp >= 0 {
                m * POW10[exp as usize]
            } else {
                m / POW10[(-exp) as usize]
            };
        }
    }
    slow_decimal_to_f64(digits, exp)
}

/// The exact conversion: compare the decimal with the midpoints around a close guess.
#[cold]
fn slow_decimal_to_f64(digits: &[u8], exp: i64) -> f64 {
    // Beyond 780 significant digits only whether anything non-zero follows can matter (a midpoint
    // between two doubles has at most 767), so keep 780 and a final 1 standing for the rest.
    let mut kept: Vec<u8>;
    let (digits, exp) = if digits.len() > 780 {
        kept = digits[..780].to_vec();
        kept.push(b'1');
        (&kept[..], exp + digits.len() as i64 - 781)
    } else {
        (digits, exp)
    };
    let mut d = Big(Vec::new());
    for &c in digits {
        d.mul_add(10, (c - b'0') as u32);
    }
    // value = d × 10^exp = d × 5^exp × 2^exp. Compare it with m × 2^k by scaling both to integers.
    let (lhs, lhs_two) = if exp >= 0 {
        let mut l = d;
        l.mul_pow5(exp as u64);
        (l, exp)
    } else {
        (d, 0)
    };
    let cmp = |m: u64, k: i64| -> Ordering {
        let mut l = lhs.clone();
        let mut r = Big::from_u64(m);
        let mut r_two = k;
        if exp < 0 {
            r.mul_pow5((-exp) as u64);
            r_two -= exp;
        }
        let shift = lhs_two - r_two;
        if shift >= 0 {
            l.shl(shift as u64);
        } else {
            r.shl((-shift) as u64);
        }
        l.cmp(&r)
    };
    // A guess within a few units in the last place: the first 19 digits, scaled in floating point.
    let head = &digits[..digits.len().min(19)];
    let mut guess = small_int(head).unwrap_or(0) as f64;
    let mut e = exp + (digits.len() - head.len()) as i64;
    while e > 0 {
        let k = e.min(22);
        guess *= POW10[k as usize];
        e -= k;
    }
    while e < 0 {
        let k = (-e).min(22);
        guess /= POW10[k as usize];
        e += k;
    }
    let mut x = if guess == 0.0 {
        f64::from_bits(1)
    } else if guess.is_infinite() {
        f64::MAX
    } else {
        guess
    };
    loop {
        let (m, k) = decompose(x);
        let even = m % 2 == 0;
        // Against the midpoint above x.
        match cmp(2 * m + 1, k - 1) {
            Ordering::Greater => {
                if x == f64::MAX {
                    return f64::INFINITY;
                }
                x = f64::from_bits(x.to_bits() + 1);
                continue;
            }
            Ordering::Equal => {
                return match (even, x == f64::MAX) {
                    (true, _) => x,
                    (false, true) => f64::INFINITY,
                    (false, false) => f64::from_bits(x.to_bits() + 1),
                };
            }
            Ordering::Less => {}
        }
        // Against the midpoint below x (the gap below a power of two is half as wide).
        if x.to_bits() == 1 {
            return if cmp(1, -1075) == Ordering::Greater { x } else { 0.0 };
        }
        let below = if m == 1 << 52 && k > -1074 {
            cmp(4 * m - 1, k - 2)
        } else {
            cmp(2 * m - 1, k - 1)
        };
        match below {
            Ordering::Less => x = f64::from_bits(x.to_bits() - 1),
            Ordering::Equal => return if even { x } else { f64::from_bits(x.to_bits() - 1) },
            Ordering::Greater => return x,
        }
    }
}

/// The shortest of 15, 16 or 17 significant digits that reads back as `x` (positive, finite,
/// non-zero): (digits without trailing zeros, decimal exponent of the first digit).
fn f64_digits(x: f64) -> (Vec<u8>, i64) {
    let (m, k) = decompose(x);
    // x = m × 2^k exactly = n × 10^p.
    let mut n = Big::from_u64(m);
    let p = if k >= 0 {
        n.shl(k as u64);
        0
    } else {
        n.mul_pow5((-k) as u64);
        k
    };
    let exact = n.decimal();
    let first = exact.len() as i64 - 1 + p; // decimal exponent of the first digit
                                            // A normal number's shortest form has at most 17 digits and, when it has at most 15, rounding
                                            // to 15 and dropping zeros finds it; a subnormal one can be much shorter.
    let from = if x < f64::MIN_POSITIVE { 1 } else { 15 };
    for precision in from..=17usize {
        let (mut digits, mut first) = (exact.clone(), first);
        if digits.len() > precision {
            let rest = &digits[precision..];
            let up = match rest[0] {
                b'6'..=b'9' => true,
                b'5' => rest[1..].iter().any(|&d| d != b'0') || (digits[precision - 1] - b'0') % 2 == 1,
                _ => false,
            };
            digits.truncate(precision);
            if up {
                let mut i = precision;
                loop {
                    if i == 0 {
                        digits.insert(0, b'1');
                        digits.pop();
                        first += 1;
                        break;
                    }
                    i -= 1;
                    if digits[i] == b'9' {
                        digits[i] = b'0';
                    } else {
                        digits[i] += 1;
                        break;
                    }
                }
            }
        }
        while digits.len() > 1 && digits.last() == Some(&b'0') {
            digits.pop();
        }
        if precision == 17 || decimal_to_f64(&digits, first + 1 - digits.len() as i64) == x {
            return (digits, first);
        }
    }
    unreachable!("17 significant digits always read back")
}

/// Writes a finite `f64` as JSON (`null` for NaN and infinities, as `serde_json` does). Whole
/// numbers keep a `.0`; exponents are used outside 1e-5 ≤ |x| < 1e21, as JavaScript does.
fn write_f64(x: f64, out: &mut String) {
    if !x.is_finite() {
        out.push_str("null");
        return;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    let x = x.abs();
    if x == 0.0 {
        out.push_str("0.0");
        return;
    }
    let (digits, e) = f64_digits(x);
    let d = |r: std::ops::Range<usize>| std::str::from_utf8(&digits[r]).unwrap_or_default().to_string();
    let len = digits.len();
    if (-5..21).contains(&e) {
        if e < 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-e - 1) as usize));
            out.push_str(&d(0..len));
        } else {
            let int = (e + 1) as usize;
            if len <= int {
                out.push_str(&d(0..len));
                out.extend(std::iter::repeat_n('0', int - len));
                out.push_str(".0");
            } else {
                out.push_str(&d(0..int));
                out.push('.');
                out.push_str(&d(int..len));
            }
        }
    } else {
        out.push_str(&d(0..1));
        if len > 1 {
            out.push('.');
            out.push_str(&d(1..len));
        }
        out.push('e');
        out.push_str(&e.to_string());
    }
}

// ---------------------------------------------------------------------------------------------
// Writing

fn write_str(s: &str, out: &mut String) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // Escaped bytes are ASCII, so these are character boundaries (`get` spares the wasm the
        // slicing panic).
        out.push_str(s.get(start..i).unwrap_or_default());
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(char::from(b"0123456789abcdef"[(b >> 4) as usize]));
            out.push(char::from(b"0123456789abcdef"[(b & 15) as usize]));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// Writing JSON cannot fail: this type has no values, so the `Result`s serde's traits require are
/// always `Ok` and the compiler drops every error branch from the serialisers (2.7 KB of the gzipped
/// wasm: docs/performance.md). What serde would report as an error — a map key that is not a
/// string, a number or a unit enum variant, or a `Serialize` impl that gives up — is a broken
/// contract in our own types, so it panics instead.
#[derive(Debug)]
pub enum WriteError {}

impl fmt::Display for WriteError {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {}
    }
}

impl std::error::Error for WriteError {}

impl ser::Error for WriteError {
    #[cold]
    fn custom<T: fmt::Display>(msg: T) -> Self {
        panic!("cannot write JSON: {msg}")
    }
}

/// Any serialisable value as compact JSON text.
///
/// ```
/// assert_eq!(stocktake::json::to_string(&(1, "a\"b", 0.1, None::<u8>)), r#"[1,"a\"b",0.1,null]"#);
/// ```
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    let mut w = Writer { out: String::new() };
    match value.serialize(&mut w) {
        Ok(()) => w.out,
        Err(never) => match never {},
    }
}

/// Any serialisable value as a [`Value`] (written, then read back; fails only for a value nested
/// more deeply than [`parse`] reads).
pub fn to_value<T: Serialize>(value: T) -> Result<Value, Error> {
    parse(&to_string(&value))
}

struct Writer {
    out: String,
}

/// A compound value being written: its closing bracket is added by `end`.
struct Compound<'a> {
    w: &'a mut Writer,
    first: bool,
    /// Brackets to close: `]`, `}`, or `]}` / `}}` for an enum variant's content.
    close: &'static str,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !self.first {
            self.w.out.push(',');
        }
        self.first = false;
    }

    fn key(&mut self, key: &str) {
        self.comma();
        write_str(key, &mut self.w.out);
        self.w.out.push(':');
    }
}

impl<'a> Writer {
    fn open(&'a mut self, open: &str, close: &'static str) -> Compound<'a> {
        self.out.push_str(open);
        Compound {
            w: self,
            first: true,
            close,
        }
    }

    fn variant(&'a mut self, variant: &str, open: &str, close: &'static str) -> Compound<'a> {
        self.out.push('{');
        write_str(variant, &mut self.out);
        self.out.push(':');
        self.open(open, close)
    }
}

macro_rules! write_display {
    ($($method:ident: $ty:ty),*) => {
        $(fn $method(self, v: $ty) -> Result<(), WriteError> {
            self.out.push_str(&v.to_string());
            Ok(())
        })*
    };
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    write_display!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);

    fn serialize_bool(self, v: bool) -> Result<(), WriteError> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), WriteError> {
        self.serialize_f64(v as f64)
    }
    fn serialize_f64(self, v: f64) -> Result<(), WriteError> {
        write_f64(v, &mut self.out);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), WriteError> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), WriteError> {
        write_str(v, &mut self.out);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), WriteError> {
        ser::Serializer::collect_seq(self, v)
    }
    fn serialize_none(self) -> Result<(), WriteError> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), WriteError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), WriteError> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), WriteError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), WriteError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), WriteError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), WriteError> {
        self.out.push('{');
        write_str(variant, &mut self.out);
        self.out.push(':');
        value.serialize(&mut *self)?;
        self.out.push('}');
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, WriteError> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, WriteError> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, WriteError> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, WriteError> {
        Ok(self.variant(variant, "[", "]}"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, WriteError> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, WriteError> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, WriteError> {
        Ok(self.variant(variant, "{", "}}"))
    }
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        self.comma();
        value.serialize(&mut *self.w)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), WriteError> {
        self.key(key);
        value.serialize(&mut *self.w)
    }

    fn finish(self) -> Result<(), WriteError> {
        self.w.out.push_str(self.close);
        Ok(())
    }
}

macro_rules! compound {
    ($($trait:ident :: $method:ident),*) => {
        $(impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = WriteError;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
                self.element(value)
            }
            fn end(self) -> Result<(), WriteError> {
                self.finish()
            }
        })*
    };
}
compound!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

macro_rules! struct_compound {
    ($($trait:ident),*) => {
        $(impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = WriteError;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), WriteError> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), WriteError> {
                self.finish()
            }
        })*
    };
}
struct_compound!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = WriteError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), WriteError> {
        self.comma();
        key.serialize(KeyWriter(&mut self.w.out))?;
        self.w.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WriteError> {
        value.serialize(&mut *self.w)
    }
    fn end(self) -> Result<(), WriteError> {
        self.finish()
    }
}

/// Writes a map key: strings, unit enum variants and integers (quoted), as `serde_json` does.
struct KeyWriter<'a>(&'a mut String);

#[cold]
fn key_error() -> ! {
    panic!("a JSON object key must be a string, a number or a unit enum variant")
}

macro_rules! key_display {
    ($($method:ident: $ty:ty),*) => {
        $(fn $method(self, v: $ty) -> Result<(), WriteError> {
            write_str(&v.to_string(), self.0);
            Ok(())
        })*
    };
}

macro_rules! key_refused {
    ($($method:ident $(: $ty:ty)?),*) => {
        $(fn $method(self $(, _v: $ty)?) -> Result<(), WriteError> {
            key_error()
        })*
    };
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = ser::Impossible<(), WriteError>;
    type SerializeTuple = ser::Impossible<(), WriteError>;
    type SerializeTupleStruct = ser::Impossible<(), WriteError>;
    type SerializeTupleVariant = ser::Impossible<(), WriteError>;
    type SerializeMap = ser::Impossible<(), WriteError>;
    type SerializeStruct = ser::Impossible<(), WriteError>;
    type SerializeStructVariant = ser::Impossible<(), WriteError>;

    key_display!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_char: char);
    key_refused!(serialize_f32: f32, serialize_f64: f64, serialize_bytes: &[u8], serialize_none, serialize_unit);

    fn serialize_str(self, v: &str) -> Result<(), WriteError> {
        write_str(v, self.0);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), WriteError> {
        key_error()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), WriteError> {
        key_error()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), WriteError> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), WriteError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), WriteError> {
        key_error()
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, WriteError> {
        key_error()
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, WriteError> {
        key_error()
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeTupleStruct, WriteError> {
        key_error()
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, WriteError> {
        key_error()
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, WriteError> {
        key_error()
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, WriteError> {
        key_error()
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, WriteError> {
        key_error()
    }
}

/// A [`Value`] serialises as itself (so results holding one can be written).
impl Serialize for Value {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => match n.0 {
                N::PosInt(u) => s.serialize_u64(u),
                N::NegInt(i) => s.serialize_i64(i),
                N::Float(f) => s.serialize_f64(f),
            },
            Value::String(v) => s.serialize_str(v),
            Value::Array(items) => s.collect_seq(items),
            Value::Object(o) => s.collect_map(o.iter()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// serde_json, for native tools and tests (none of this is in the wasm: nothing there calls it).

impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Self {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(Number(if let Some(u) = n.as_u64() {
                N::PosInt(u)
            } else if let Some(i) = n.as_i64() {
                N::NegInt(i)
            } else {
                N::Float(n.as_f64().unwrap_or(0.0))
            })),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(a) => Value::Array(a.into_iter().map(Value::from).collect()),
            serde_json::Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, Value::from(v))).collect()),
        }
    }
}

/// Read through `serde_json::Value` (for the serde derives native tools and tests use).
impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde_json::Value::deserialize(d).map(Value::from)
    }
}

impl From<&Value> for serde_json::Value {
    fn from(v: &Value) -> Self {
        serde_json::to_value(v).unwrap_or_default()
    }
}

/// `stocktake::json!(…)`: `serde_json::json!` as a [`Value`], for tests and examples.
#[macro_export]
macro_rules! json {
    ($($t:tt)+) => {
        $crate::json::Value::from(::serde_json::json!($($t)+))
    };
}

/// The same value, numbers of the same kind (as `serde_json` compares them).
fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (ours, theirs) {
        (Value::Null, J::Null) => true,
        (Value::Bool(a), J::Bool(b)) => a == b,
        (Value::Number(Number(n)), J::Number(m)) => match *n {
            N::PosInt(u) => m.as_u64() == Some(u),
            N::NegInt(i) => m.is_i64() && m.as_i64() == Some(i),
            N::Float(f) => m.is_f64() && m.as_f64() == Some(f),
        },
        (Value::String(a), J::String(b)) => a == b,
        (Value::Array(a), J::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y)),
        (Value::Object(a), J::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

macro_rules! eq_scalar {
    ($($ty:ty => $get:ident $(as $cast:ty)?),*) => {
        $(impl PartialEq<$ty> for Value {
            fn eq(&self, other: &$ty) -> bool {
                self.$get().is_some_and(|v| v == *other $(as $cast)?)
            }
        })*
    };
}
eq_scalar!(bool => as_bool, u64 => as_u64, u32 => as_u64 as u64, usize => as_u64 as u64, i64 => as_i64, i32 => as_i64 as i64, f64 => as_f64);

impl PartialEq<str> for Value {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialEq<String> for Value {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == Some(other.as_str())
    }
}

/// `map["key"]`: the member; panics when absent (as `serde_json`).
impl std::ops::Index<&str> for Map {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or_else(|| panic!("no member {key:?}"))
    }
}

impl PartialEq<Value> for serde_json::Value {
    fn eq(&self, other: &Value) -> bool {
        same(other, self)
    }
}

impl PartialEq<serde_json::Value> for Value {
    fn eq(&self, other: &serde_json::Value) -> bool {
        same(self, other)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
