//! multipart/form-data bodies, encoded the way undici's FormData encodes them (the
//! official SDK's wire format): text parts carry only a Content-Disposition, line breaks
//! in text values become CRLF, and a file part carries its filename and Content-Type.

use bytes::{BufMut, Bytes, BytesMut};
use rand::Rng;

#[derive(Debug, Clone, PartialEq)]
pub struct FilePart {
  pub bytes: Bytes,
  /// `blob` for a bare Blob, or the File's name.
  pub filename: String,
  /// `application/octet-stream` when the Blob had no type.
  pub content_type: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Part {
  Text(String),
  File(FilePart),
}

/// Parts in the order they were added.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Form {
  parts: Vec<(String, Part)>,
}

impl Form {
  pub fn new() -> Self {
    Form::default()
  }

  pub fn text(mut self, name: &str, value: impl Into<String>) -> Self {
    self
      .parts
      .push((name.to_string(), Part::Text(value.into())));
    self
  }

  pub fn text_opt(self, name: &str, value: Option<String>) -> Self {
    match value {
      Some(v) => self.text(name, v),
      None => self,
    }
  }

  pub fn file_opt(mut self, name: &str, file: Option<FilePart>) -> Self {
    if let Some(f) = file {
      self.parts.push((name.to_string(), Part::File(f)));
    }
    self
  }

  pub fn is_empty(&self) -> bool {
    self.parts.is_empty()
  }

  /// Encodes the form with a fresh random boundary; returns the Content-Type and body.
  pub fn encode(&self) -> (String, Bytes) {
    let boundary = format!("----WachtFormBoundary{:032x}", rand::rng().random::<u128>());
    let body = self.encode_with_boundary(&boundary);
    (format!("multipart/form-data; boundary={boundary}"), body)
  }

  fn encode_with_boundary(&self, boundary: &str) -> Bytes {
    let mut out = BytesMut::new();
    for (name, part) in &self.parts {
      out.put_slice(b"--");
      out.put_slice(boundary.as_bytes());
      out.put_slice(b"\r\nContent-Disposition: form-data; name=\"");
      out.put_slice(escape_name(name).as_bytes());
      out.put_u8(b'"');
      match part {
        Part::Text(value) => {
          out.put_slice(b"\r\n\r\n");
          out.put_slice(normalize_newlines(value).as_bytes());
        }
        Part::File(file) => {
          out.put_slice(b"; filename=\"");
          out.put_slice(escape_name(&file.filename).as_bytes());
          out.put_slice(b"\"\r\nContent-Type: ");
          out.put_slice(sanitize_header_value(&file.content_type).as_bytes());
          out.put_slice(b"\r\n\r\n");
          out.put_slice(&file.bytes);
        }
      }
      out.put_slice(b"\r\n");
    }
    out.put_slice(b"--");
    out.put_slice(boundary.as_bytes());
    out.put_slice(b"--\r\n");
    out.freeze()
  }
}

/// undici escapes these in names and filenames so they cannot break the header.
fn escape_name(name: &str) -> String {
  name
    .replace('\n', "%0A")
    .replace('\r', "%0D")
    .replace('"', "%22")
}

fn normalize_newlines(value: &str) -> String {
  if !value.contains(['\r', '\n']) {
    return value.to_string();
  }
  value
    .replace("\r\n", "\n")
    .replace('\r', "\n")
    .replace('\n', "\r\n")
}

fn sanitize_header_value(value: &str) -> String {
  value.chars().filter(|c| !c.is_control()).collect()
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn encodes_text_and_file_parts_in_order() {
    let form = Form::new()
      .text("name", "Acme")
      .text_opt("description", None)
      .file_opt(
        "organization_image",
        Some(FilePart {
          bytes: Bytes::from_static(b"\x89PNG"),
          filename: "logo.png".into(),
          content_type: "image/png".into(),
        }),
      );
    let body = form.encode_with_boundary("B");
    let expected = "--B\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nAcme\r\n\
      --B\r\nContent-Disposition: form-data; name=\"organization_image\"; filename=\"logo.png\"\r\n\
      Content-Type: image/png\r\n\r\n\u{89}PNG\r\n--B--\r\n";
    let mut want = expected.as_bytes().to_vec();
    // \u{89} above is two UTF-8 bytes; the file holds the single byte 0x89.
    let at = want.windows(2).position(|w| w == [0xC2, 0x89]).unwrap();
    want.splice(at..at + 2, [0x89]);
    assert_eq!(body.as_ref(), want.as_slice());
  }

  #[test]
  fn line_breaks_become_crlf_and_names_are_escaped() {
    let body = Form::new()
      .text("a\"b", "x\ny\rz\r\nw")
      .encode_with_boundary("B");
    let text = String::from_utf8(body.to_vec()).unwrap();
    assert!(text.contains("name=\"a%22b\""));
    assert!(text.contains("\r\n\r\nx\r\ny\r\nz\r\nw\r\n--B--"));
  }

  #[test]
  fn boundary_is_random_and_in_the_content_type() {
    let form = Form::new().text("name", "x");
    let (ct1, body1) = form.encode();
    let (ct2, _) = form.encode();
    assert_ne!(ct1, ct2);
    let boundary = ct1.strip_prefix("multipart/form-data; boundary=").unwrap();
    assert!(String::from_utf8(body1.to_vec())
      .unwrap()
      .starts_with(&format!("--{boundary}\r\n")));
  }
}
