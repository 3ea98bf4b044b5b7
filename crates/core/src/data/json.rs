//! A small JSON reader for the files the browser loads.
//!
//! The app reads three small JSON files once. `serde_json` (with the `geojson` crate and the
//! derived deserializers on top of it) made up about 72 KB of the 460 KB WebAssembly module;
//! this reader is about 6 KB. It parses into a [`Value`] tree, and the typed readers in
//! [`crate::data::places`] and [`crate::data::events`] walk that tree with messages that name the
//! feature or event at fault. Writing stays with serde (the extractor, the basemap tool), and
//! the tests check that this reader reads back exactly what serde wrote and what the `geojson`
//! crate reads.
//!
//! ```
//! use newsmap_core::data::json::{parse, Value};
//! # fn main() -> Result<(), newsmap_core::data::json::SyntaxError> {
//! let v = parse(r#"{"type": "Point", "coordinates": [13.1914, 32.8872]}"#)?;
//! assert_eq!(v.get("type").and_then(Value::as_str), Some("Point"));
//! let lat = v.get("coordinates").and_then(Value::as_array).and_then(|c| c.get(1));
//! assert_eq!(lat.and_then(Value::as_f64), Some(32.8872));
//! assert_eq!(
//!     parse("[1, 2").map_err(|e| e.to_string()),
//!     Err("expected ',' or ']', but the text ends at line 1, column 6".to_owned())
//! );
//! # Ok(())
//! # }
//! ```
//!
//! Numbers are `f64`. A number of up to 15 significant digits with a decimal exponent within
//! ±22 — every coordinate and count the app reads — is converted exactly (correctly rounded);
//! others are within a couple of units in the last place.

use std::fmt;

/// A parsed JSON value. Object members keep the file's order.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object (the last one, if the key is repeated).
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|m| &m.1),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// A non-negative whole number that fits in `u32`.
    pub fn as_u32(&self) -> Option<u32> {
        self.as_f64()
            .filter(|n| n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(n))
            .map(|n| n as u32)
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// What kind of value this is, for messages: "a string", "an object".
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Where and why a text is not JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line of the offending character.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What the reader expected there.
    pub expected: &'static str,
    /// Whether the text ended there (a truncated file).
    pub at_end: bool,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (expected, line, column) = (self.expected, self.line, self.column);
        if self.at_end {
            write!(
                f,
                "expected {expected}, but the text ends at line {line}, column {column}"
            )
        } else {
            write!(f, "expected {expected} at line {line}, column {column}")
        }
    }
}

impl std::error::Error for SyntaxError {}

/// How deeply arrays and objects may nest (GeoJSON needs six levels; hostile input must not
/// exhaust the stack).
const MAX_DEPTH: usize = 128;

/// Parses a whole JSON text (surrounding whitespace allowed, nothing else after the value).
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = reader.value()?;
    reader.skip_space();
    if reader.at < reader.bytes.len() {
        return Err(reader.error("nothing after the value"));
    }
    Ok(value)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Reader<'_> {
    fn error(&self, expected: &'static str) -> SyntaxError {
        // `at` is always at a character boundary: the reader stops only at ASCII bytes.
        let before = self.text.get(..self.at).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SyntaxError {
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            expected,
            at_end: self.at >= self.bytes.len(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.at += 1;
        }
    }

    /// Consumes `word` if the input continues with it.
    fn eat(&mut self, word: &str) -> bool {
        let found = self.bytes[self.at..].starts_with(word.as_bytes());
        if found {
            self.at += word.len();
        }
        found
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.nested(Reader::object),
            Some(b'[') => self.nested(Reader::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number().map(Value::Number),
            _ if self.eat("true") => Ok(Value::Bool(true)),
            _ if self.eat("false") => Ok(Value::Bool(false)),
            _ if self.eat("null") => Ok(Value::Null),
            _ => Err(self.error("a value")),
        }
    }

    fn nested(
        &mut self,
        read: fn(&mut Self) -> Result<Value, SyntaxError>,
    ) -> Result<Value, SyntaxError> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("at most 128 nested arrays and objects"));
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Result<Value, SyntaxError> {
        self.at += 1; // [
        let mut items = Vec::new();
        self.skip_space();
        if self.eat("]") {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_space();
            if self.eat("]") {
                return Ok(Value::Array(items));
            }
            if !self.eat(",") {
                return Err(self.error("',' or ']'"));
            }
        }
    }

    fn object(&mut self) -> Result<Value, SyntaxError> {
        self.at += 1; // {
        let mut members = Vec::new();
        self.skip_space();
        if self.eat("}") {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.error("a member name in double quotes"));
            }
            let key = self.string()?;
            self.skip_space();
            if !self.eat(":") {
                return Err(self.error("':'"));
            }
            members.push((key, self.value()?));
            self.skip_space();
            if self.eat("}") {
                return Ok(Value::Object(members));
            }
            if !self.eat(",") {
                return Err(self.error("',' or '}'"));
            }
        }
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.at += 1; // "
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character in one go.
            let run = self.bytes[self.at..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(self.bytes.len() - self.at);
            // The run ends at an ASCII byte or the end, so both ends are char boundaries.
            out.push_str(&self.text[self.at..self.at + run]);
            self.at += run;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    out.push(self.escape()?);
                }
                Some(_) => return Err(self.error("an escape instead of a control character")),
                None => return Err(self.error("a closing '\"'")),
            }
        }
    }

    /// The character an escape stands for, after its backslash.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let c = match self.peek() {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.at += 1;
                let unit = self.hex4()?;
                return match unit {
                    0xD800..=0xDBFF => {
                        if !self.eat("\\u") {
                            return Err(self.error("a low surrogate after a high surrogate"));
                        }
                        let low = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return Err(self.error("a low surrogate after a high surrogate"));
                        }
                        let c = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                        char::from_u32(c).ok_or_else(|| self.error("a valid \\u escape"))
                    }
                    _ => char::from_u32(unit).ok_or_else(|| self.error("a valid \\u escape")),
                };
            }
            _ => return Err(self.error("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)")),
        };
        self.at += 1;
        Ok(c)
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let mut unit = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| (b as char).to_digit(16))
                .ok_or_else(|| self.error("four hexadecimal digits after \\u"))?;
            unit = unit * 16 + digit;
            self.at += 1;
        }
        Ok(unit)
    }

    fn digits(&mut self) -> &[u8] {
        let start = self.at;
        while let Some(b'0'..=b'9') = self.peek() {
            self.at += 1;
        }
        &self.bytes[start..self.at]
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Result<f64, SyntaxError> {
        let negative = self.eat("-");
        let whole = self.digits();
        if whole.is_empty() || (whole.len() > 1 && whole[0] == b'0') {
            return Err(self.error("a number"));
        }
        let mut decimal = Decimal::default();
        for &d in whole {
            decimal.push(d, false);
        }
        if self.eat(".") {
            let fraction = self.digits();
            if fraction.is_empty() {
                return Err(self.error("digits after the decimal point"));
            }
            for &d in fraction {
                decimal.push(d, true);
            }
        }
        if self.eat("e") || self.eat("E") {
            let sign = if self.eat("-") {
                -1
            } else {
                self.eat("+");
                1
            };
            let digits = self.digits();
            if digits.is_empty() {
                return Err(self.error("digits in the exponent"));
            }
            let exponent = digits.iter().fold(0i32, |e, &d| {
                e.saturating_mul(10).saturating_add(i32::from(d - b'0'))
            });
            decimal.exponent = decimal.exponent.saturating_add(sign * exponent);
        }
        let magnitude = decimal.to_f64();
        if !magnitude.is_finite() {
            return Err(self.error("a number within the range of a 64-bit float"));
        }
        Ok(if negative { -magnitude } else { magnitude })
    }
}

/// A decimal number as significant digits and a power of ten.
#[derive(Default)]
struct Decimal {
    digits: u64,
    /// How many significant digits `digits` holds (leading zeros do not count).
    count: u32,
    exponent: i32,
}

impl Decimal {
    /// Appends one digit of the integer part (`fraction == false`) or the fraction.
    fn push(&mut self, digit: u8, fraction: bool) {
        let d = u64::from(digit - b'0');
        if self.count < 19 {
            self.digits = self.digits * 10 + d;
            if self.digits != 0 {
                self.count += 1;
            }
            if fraction {
                self.exponent -= 1;
            }
        } else if !fraction {
            // Past what a u64 holds: the digit only scales the value.
            self.exponent += 1;
        }
    }

    fn to_f64(&self) -> f64 {
        /// Powers of ten that f64 represents exactly.
        const EXACT: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        // Exact when `digits` < 2^53; otherwise rounded once here.
        let mut m = self.digits as f64;
        let mut e = self.exponent;
        // Far outside anything a map file holds: scale by exact powers, rounding each time.
        while e > 22 && m.is_finite() {
            m *= EXACT[22];
            e -= 22;
        }
        while e < -22 && m != 0.0 {
            m /= EXACT[22];
            e += 22;
        }
        // One correctly rounded operation on exact operands (Clinger's fast path).
        match EXACT.get(e.unsigned_abs() as usize) {
            Some(scale) if e >= 0 => m * scale,
            Some(scale) => m / scale,
            // Overflowed to infinity or underflowed to zero on the way.
            None => m,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(text: &str) -> f64 {
        parse(text).unwrap().as_f64().unwrap()
    }

    #[test]
    fn numbers_are_read_exactly_as_the_standard_library_reads_them() {
        for text in [
            "0",
            "-0",
            "1",
            "13.1914",
            "-32.8872",
            "0.1",
            "0.30000000000000004",
            "123456789012345",
            "1e22",
            "1.5e-7",
            "2E+3",
            "9007199254740993",
            "0.000001",
            "1e-300",
            "1.5e308",
            "12345678901234567890123e-30",
        ] {
            let expected: f64 = text.parse().unwrap();
            let got = num(text);
            let ulp = 4.0 * expected.abs() * f64::EPSILON;
            assert!((got - expected).abs() <= ulp, "{text}: {got} vs {expected}");
        }
        // Up to 15 significant digits within ±22: exact.
        for text in ["13.1914", "0.1", "-32.8872", "123456789012345", "1.5e-7"] {
            assert_eq!(num(text), text.parse::<f64>().unwrap(), "{text}");
        }
        assert_eq!(num("-0").to_bits(), (-0.0f64).to_bits());
    }

    #[test]
    fn any_double_reads_back_within_one_unit_and_short_ones_exactly() {
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Magnitudes a map file can hold, and far beyond.
            let v = (x >> 11) as f64 / (1u64 << 53) as f64 * 10f64.powi((x % 40) as i32 - 20);
            let got = num(&v.to_string());
            let ulp = 2.0 * v.abs() * f64::EPSILON;
            assert!((got - v).abs() <= ulp, "{v}: {got}");
            // Seven significant digits, exponent within ±22 once the fraction is counted.
            let short = format!("{:.6e}", v.abs().clamp(1e-15, 1e15));
            assert_eq!(num(&short), short.parse::<f64>().unwrap(), "{short}");
        }
    }

    #[test]
    fn strings_unescape_and_keep_unicode() {
        let v = parse(r#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00 طرابلس""#).unwrap();
        assert_eq!(v.as_str(), Some("a\"b\\c/d\n\té😀 طرابلس"));
    }

    #[test]
    fn structures_nest_and_keep_order() {
        let v = parse(r#" { "a": [1, true, null, {"b": "c"}], "a2": {}, "e": [] } "#).unwrap();
        let Value::Object(members) = &v else {
            panic!("{v:?}")
        };
        let keys: Vec<&str> = members.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "a2", "e"]);
        let a = v.get("a").and_then(Value::as_array).unwrap();
        assert_eq!(a[1].as_bool(), Some(true));
        assert!(a[2].is_null());
        assert_eq!(a[3].get("b").and_then(Value::as_str), Some("c"));
        assert_eq!(
            parse(r#"{"k":1,"k":2}"#).unwrap().get("k"),
            Some(&Value::Number(2.0))
        );
    }

    #[test]
    fn malformed_text_is_located_and_explained() {
        for (text, expected, line, column) in [
            ("", "a value", 1, 1),
            ("<html>", "a value", 1, 1),
            ("{not json", "a member name in double quotes", 1, 2),
            ("[1,\n 2,,]", "a value", 2, 4),
            (r#"{"a" 1}"#, "':'", 1, 6),
            (r#"{"a":1 "b":2}"#, "',' or '}'", 1, 8),
            ("[1 2]", "',' or ']'", 1, 4),
            ("\"abc", "a closing '\"'", 1, 5),
            (
                "\"a\u{1}\"",
                "an escape instead of a control character",
                1,
                3,
            ),
            (
                r#""\x""#,
                "a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)",
                1,
                3,
            ),
            (
                r#""\ud800x""#,
                "a low surrogate after a high surrogate",
                1,
                8,
            ),
            ("01", "a number", 1, 3),
            ("1.", "digits after the decimal point", 1, 3),
            ("1e", "digits in the exponent", 1, 3),
            ("-", "a number", 1, 2),
            ("1e999", "a number within the range of a 64-bit float", 1, 6),
            ("[1] x", "nothing after the value", 1, 5),
            ("tru", "a value", 1, 1),
            ("\"é\" é", "nothing after the value", 1, 5),
        ] {
            let e = parse(text).unwrap_err();
            assert_eq!(
                (e.expected, e.line, e.column),
                (expected, line, column),
                "{text:?}"
            );
        }
    }

    #[test]
    fn damaged_files_give_errors_not_panics() {
        let good = include_str!("../../../../assets/places.geojson");
        let alphabet = b"{}[]\",:.-+eE0123456789 \n\\/utfn\x01";
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..3000 {
            let mut bytes = good.as_bytes().to_vec();
            for _ in 0..(1 + x % 4) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                let at = (x % bytes.len() as u64) as usize;
                if bytes[at].is_ascii() {
                    bytes[at] = alphabet[(x >> 32) as usize % alphabet.len()];
                }
            }
            // Only ASCII bytes were replaced, so the text is still UTF-8.
            let text = String::from_utf8(bytes).unwrap();
            let cut = (x >> 20) as usize % (text.len() + 1);
            for t in [text.as_str(), text.get(..cut).unwrap_or("")] {
                if let Err(e) = parse(t) {
                    assert!(e.line >= 1 && e.column >= 1);
                }
            }
        }
    }

    #[test]
    fn a_truncated_text_says_that_it_ends() {
        let e = parse(r#"{"events": [ {"id": "e1""#).unwrap_err();
        assert!(e.at_end);
        assert_eq!(
            e.to_string(),
            "expected ',' or '}', but the text ends at line 1, column 25"
        );
        let e = parse("[1 2]").unwrap_err();
        assert_eq!(e.to_string(), "expected ',' or ']' at line 1, column 4");
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let deep = "[".repeat(100_000);
        assert_eq!(
            parse(&deep).unwrap_err().expected,
            "at most 128 nested arrays and objects"
        );
        let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn whatever_serde_json_writes_reads_back_the_same() {
        let value = serde_json::json!({
            "s": "quote \" backslash \\ tab \t newline \n control \u{7} arabic طرابلس emoji 😀",
            "n": [0, -1, 13.1914, -32.8872, 1e-7, 123456789, 0.1, 2.5e20],
            "b": [true, false, null],
            "o": {"nested": {"deeper": [[[1, 2], [3, 4]]]}}
        });
        for text in [
            serde_json::to_string(&value).unwrap(),
            serde_json::to_string_pretty(&value).unwrap(),
        ] {
            assert_eq!(to_serde(&parse(&text).unwrap()), value, "{text}");
        }
    }

    fn to_serde(v: &Value) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => (*b).into(),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => (*n as i64).into(),
            Value::Number(n) => (*n).into(),
            Value::String(s) => s.clone().into(),
            Value::Array(items) => items.iter().map(to_serde).collect(),
            Value::Object(members) => members
                .iter()
                .map(|(k, v)| (k.clone(), to_serde(v)))
                .collect::<serde_json::Map<_, _>>()
                .into(),
        }
    }
}
