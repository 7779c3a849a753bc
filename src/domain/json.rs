//! JSON text → typed value, naming the field at fault when it fails. serde_json reports only a
//! line and column; the path (`plans[2].baseline.poor_people`) is recovered by scanning the text
//! up to that point. This costs nothing on success, where a wrapping deserializer would double
//! the decoding code of every type in the wasm.

use serde::de::DeserializeOwned;

#[derive(Clone, Debug, PartialEq)]
pub struct JsonError {
    /// Dotted path of the value being read when the error occurred; empty at the top level.
    pub path: String,
    pub reason: String,
}

pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, JsonError> {
    serde_json::from_str(text).map_err(|e| {
        let offset = byte_offset(text, e.line(), e.column());
        let reason = e.to_string();
        // serde_json appends " at line L column C"; the path says where instead.
        let reason = match reason.rfind(" at line ") {
            Some(i) if e.line() > 0 => reason[..i].to_string(),
            _ => reason,
        };
        JsonError { path: path_at(text, offset), reason }
    })
}

/// Byte offset of a 1-based line and a column counted in bytes, as serde_json counts them.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let line_start = text.split_inclusive('\n').take(line - 1).map(str::len).sum::<usize>();
    (line_start + column).min(text.len())
}

enum Frame {
    Object { key: Option<String>, expecting_key: bool },
    Array { index: usize },
}

/// Path of the innermost value open at `offset`. A bracket closing just before `offset` counts as
/// still open: serde_json reports a missing field after reading the object's `}`.
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, expecting_key: expecting @ true }) = stack.last_mut() {
                    *key = Some(text.get(start..i.min(bytes.len())).unwrap_or_default().to_string());
                    *expecting = false;
                }
            }
            b'{' => stack.push(Frame::Object { key: None, expecting_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' if i + 1 < end => {
                stack.pop();
            }
            // The object just read is the one at fault as a whole, not its last key.
            b'}' => {
                if let Some(Frame::Object { key, .. }) = stack.last_mut() {
                    *key = None;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { expecting_key, .. }) => *expecting_key = true,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}
