use http::Method;

use crate::multipart::Form;
use crate::path::Path;

/// What an operation sends, before auth, headers and the base URL are added.
#[derive(Debug, Clone)]
pub struct Request {
  /// The SDK method name (`getOrganization`), for logs and errors.
  pub operation: &'static str,
  pub method: Method,
  pub path: Path,
  /// Query pairs in the official SDK's order.
  pub query: Vec<(&'static str, String)>,
  pub body: Body,
  pub expect: Expect,
  pub idempotency: Idempotency,
}

#[derive(Debug, Clone)]
pub enum Body {
  None,
  /// Already-serialized JSON text (the caller's object, verbatim).
  Json(String),
  Form(Form),
}

/// What a successful response carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
  /// A JSON document that the caller parses.
  Json,
  /// Nothing the caller needs (the server sends `{}`).
  Void,
}

/// Whether repeating the request could apply a write twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Idempotency {
  /// Reads, and writes whose repetition leaves the same state (PATCH that replaces
  /// fields, DELETE, assigning a role that is already assigned).
  Idempotent,
  /// A POST that creates something: repeated, it could create it twice.
  Create,
}

impl Request {
  pub(crate) fn new(operation: &'static str, method: Method, path: Path) -> Self {
    Request {
      operation,
      method,
      path,
      query: Vec::new(),
      body: Body::None,
      expect: Expect::Json,
      idempotency: Idempotency::Idempotent,
    }
  }

  pub(crate) fn query_opt(mut self, key: &'static str, value: Option<String>) -> Self {
    if let Some(v) = value {
      self.query.push((key, v));
    }
    self
  }

  pub(crate) fn body(mut self, body: Body) -> Self {
    self.body = body;
    self
  }

  pub(crate) fn void(mut self) -> Self {
    self.expect = Expect::Void;
    self
  }

  pub(crate) fn creates(mut self) -> Self {
    self.idempotency = Idempotency::Create;
    self
  }

  /// Path plus the form-urlencoded query (the encoding of `URLSearchParams`).
  pub fn path_and_query(&self) -> String {
    let mut out = self.path.as_str().to_string();
    if !self.query.is_empty() {
      let mut ser = url::form_urlencoded::Serializer::new(String::new());
      for (k, v) in &self.query {
        ser.append_pair(k, v);
      }
      out.push('?');
      out.push_str(&ser.finish());
    }
    out
  }
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn query_is_encoded_like_url_search_params() {
    let r = Request::new(
      "listOrganizations",
      Method::GET,
      Path::root("organizations"),
    )
    .query_opt("limit", Some("10".into()))
    .query_opt("offset", None)
    .query_opt("search", Some("a b&c=d+é".into()));
    assert_eq!(
      r.path_and_query(),
      "/organizations?limit=10&search=a+b%26c%3Dd%2B%C3%A9"
    );
  }

  #[test]
  fn no_question_mark_without_parameters() {
    let r = Request::new(
      "listOrganizations",
      Method::GET,
      Path::root("organizations"),
    );
    assert_eq!(r.path_and_query(), "/organizations");
  }
}
