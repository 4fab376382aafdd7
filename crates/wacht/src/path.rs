//! Paths built from ids: each id is exactly one percent-encoded segment, so an id can
//! never reach another route (`../users`), add a query (`?x`) or a fragment (`#y`).

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// RFC 3986 unreserved characters stay as they are; everything else is encoded.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
  .remove(b'-')
  .remove(b'.')
  .remove(b'_')
  .remove(b'~');

/// Ids longer than this are refused: real ids are 17 digits.
pub const MAX_ID_LENGTH: usize = 256;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum PathError {
  #[error("{0} must not be empty")]
  Empty(&'static str),
  #[error("{0} must not be \".\" or \"..\"")]
  DotSegment(&'static str),
  #[error("{0} must not contain control characters")]
  Control(&'static str),
  #[error("{0} is too long ({1} characters, at most {MAX_ID_LENGTH})")]
  TooLong(&'static str, usize),
}

impl PathError {
  /// The argument the error is about.
  pub fn param(&self) -> &'static str {
    match self {
      PathError::Empty(p) | PathError::DotSegment(p) | PathError::Control(p) => p,
      PathError::TooLong(p, _) => p,
    }
  }
}

/// A path under the base URL, built segment by segment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Path(String);

impl Path {
  pub fn root(literal: &'static str) -> Self {
    Path(format!("/{literal}"))
  }

  /// Appends a fixed segment written in this crate (never user input).
  pub fn lit(mut self, literal: &'static str) -> Self {
    self.0.push('/');
    self.0.push_str(literal);
    self
  }

  /// Appends a caller-supplied id as one encoded segment, after checking it.
  pub fn id(mut self, param: &'static str, id: &str) -> Result<Self, PathError> {
    check_id(param, id)?;
    self.0.push('/');
    self.0.extend(utf8_percent_encode(id, SEGMENT));
    Ok(self)
  }

  pub fn as_str(&self) -> &str {
    &self.0
  }
}

fn check_id(param: &'static str, id: &str) -> Result<(), PathError> {
  if id.is_empty() {
    return Err(PathError::Empty(param));
  }
  if id == "." || id == ".." {
    return Err(PathError::DotSegment(param));
  }
  if id.chars().any(char::is_control) {
    return Err(PathError::Control(param));
  }
  let len = id.chars().count();
  if len > MAX_ID_LENGTH {
    return Err(PathError::TooLong(param, len));
  }
  Ok(())
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn encodes_each_id_as_one_segment() {
    let p = Path::root("organizations")
      .id("organizationId", "a/b?c#d")
      .unwrap();
    assert_eq!(p.as_str(), "/organizations/a%2Fb%3Fc%23d");
    let p = Path::root("organizations")
      .id("organizationId", "78855599554805487")
      .unwrap();
    assert_eq!(
      p.lit("members").as_str(),
      "/organizations/78855599554805487/members"
    );
  }

  #[test]
  fn dots_inside_an_id_are_kept_but_dot_segments_are_refused() {
    assert_eq!(Path::root("o").id("x", "a.b").unwrap().as_str(), "/o/a.b");
    assert_eq!(Path::root("o").id("x", "..."), Ok(Path("/o/...".into())));
    assert_eq!(
      Path::root("o").id("x", ".."),
      Err(PathError::DotSegment("x"))
    );
    assert_eq!(
      Path::root("o").id("x", "."),
      Err(PathError::DotSegment("x"))
    );
    // An encoded traversal is just an odd id once its percent sign is encoded.
    assert_eq!(
      Path::root("o").id("x", "%2e%2e").unwrap().as_str(),
      "/o/%252e%252e"
    );
  }

  #[test]
  fn refuses_empty_control_and_oversized_ids() {
    assert_eq!(
      Path::root("o").id("memberId", ""),
      Err(PathError::Empty("memberId"))
    );
    assert_eq!(
      Path::root("o").id("x", "a\u{0}b"),
      Err(PathError::Control("x"))
    );
    assert_eq!(
      Path::root("o").id("x", "a\nb"),
      Err(PathError::Control("x"))
    );
    let long = "9".repeat(MAX_ID_LENGTH + 1);
    assert!(matches!(
      Path::root("o").id("x", &long),
      Err(PathError::TooLong("x", _))
    ));
  }

  #[test]
  fn non_ascii_ids_are_utf8_percent_encoded() {
    assert_eq!(
      Path::root("o").id("x", "é 1").unwrap().as_str(),
      "/o/%C3%A9%201"
    );
  }
}
