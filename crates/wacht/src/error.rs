//! The error model: what went wrong, the HTTP status when there was one, the server's
//! message, the raw body, and how many attempts were made.

use http::HeaderMap;
use serde::Serialize;

/// Error bodies kept on the error are cut to this many bytes.
const MAX_ERROR_BODY: usize = 64 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
  /// The server answered with an error status.
  Api,
  /// An attempt or the overall deadline ran out.
  Timeout,
  /// The caller cancelled the call.
  Aborted,
  /// The network failed: connect refused, reset, closed mid-body.
  Connection,
  /// A response that cannot be used: a redirect to another origin, a body over the size
  /// limit, or a success body that is not UTF-8.
  InvalidResponse,
  /// An argument was refused before anything was sent.
  InvalidArgument,
  /// The client has no API key.
  MissingApiKey,
}

#[derive(Debug, Clone, Serialize, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct Error {
  pub kind: ErrorKind,
  pub message: String,
  /// The real HTTP status, when a response arrived.
  pub status: Option<u16>,
  /// The response body as text (lossy UTF-8, at most 64 KiB).
  pub body: Option<String>,
  pub attempts: u32,
  pub request_id: Option<String>,
  /// What the server asked for in `Retry-After`, in milliseconds.
  pub retry_after_ms: Option<u64>,
  /// The argument an `InvalidArgument` error is about.
  pub param: Option<String>,
  pub operation: Option<&'static str>,
  pub method: Option<String>,
  pub path: Option<String>,
  /// The lower-level error text (from the network stack).
  pub cause: Option<String>,
}

impl Error {
  pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
    Error {
      kind,
      message: message.into(),
      status: None,
      body: None,
      attempts: 0,
      request_id: None,
      retry_after_ms: None,
      param: None,
      operation: None,
      method: None,
      path: None,
      cause: None,
    }
  }

  pub fn invalid_argument(param: &str, message: impl Into<String>) -> Self {
    let mut e = Error::new(ErrorKind::InvalidArgument, message);
    e.param = Some(param.to_string());
    e
  }

  /// An error status from the server: the message is the envelope's
  /// `errors[0].message`, a top-level `message`, or the status line.
  pub fn from_response(status: u16, headers: &HeaderMap, body: &[u8]) -> Self {
    let text = String::from_utf8_lossy(&body[..body.len().min(MAX_ERROR_BODY)]).into_owned();
    let message = server_message(body).unwrap_or_else(|| describe_status(status, body));
    let mut e = Error::new(ErrorKind::Api, message);
    e.status = Some(status);
    e.body = Some(text);
    e.request_id = request_id(headers);
    e
  }

  pub(crate) fn with_cause(mut self, cause: impl Into<String>) -> Self {
    self.cause = Some(cause.into());
    self
  }
}

pub(crate) fn request_id(headers: &HeaderMap) -> Option<String> {
  ["x-request-id", "request-id", "x-amzn-requestid"]
    .iter()
    .find_map(|name| headers.get(*name))
    .and_then(|v| v.to_str().ok())
    .map(str::to_string)
}

fn server_message(body: &[u8]) -> Option<String> {
  let json: serde_json::Value = serde_json::from_slice(body).ok()?;
  let from_envelope = json.pointer("/errors/0/message").and_then(|m| m.as_str());
  let top_level = json.get("message").and_then(|m| m.as_str());
  from_envelope
    .or(top_level)
    .filter(|m| !m.trim().is_empty())
    .map(str::to_string)
}

fn describe_status(status: u16, body: &[u8]) -> String {
  let reason = http::StatusCode::from_u16(status)
    .ok()
    .and_then(|s| s.canonical_reason())
    .unwrap_or("Unknown status");
  if body.iter().all(u8::is_ascii_whitespace) {
    format!("HTTP {status} {reason} (empty response body)")
  } else if serde_json::from_slice::<serde::de::IgnoredAny>(body).is_err() {
    format!("HTTP {status} {reason} (response body is not JSON)")
  } else {
    format!("HTTP {status} {reason}")
  }
}

#[cfg(test)]
mod tests {
  use super::*;

  fn err(status: u16, body: &str) -> Error {
    Error::from_response(status, &HeaderMap::new(), body.as_bytes())
  }

  #[test]
  fn takes_the_message_from_the_envelope() {
    let e = err(
      404,
      r#"{"errors":[{"message":"Organization not found","code":404}]}"#,
    );
    assert_eq!(e.message, "Organization not found");
    assert_eq!(e.status, Some(404));
    assert_eq!(e.kind, ErrorKind::Api);
  }

  #[test]
  fn falls_back_to_a_top_level_message() {
    assert_eq!(
      err(400, r#"{"message":"bad","details":{"x":1}}"#).message,
      "bad"
    );
  }

  #[test]
  fn describes_html_and_empty_bodies_by_status() {
    let e = err(502, "<html><body>Bad gateway</body></html>");
    assert_eq!(
      e.message,
      "HTTP 502 Bad Gateway (response body is not JSON)"
    );
    assert_eq!(
      e.body.as_deref(),
      Some("<html><body>Bad gateway</body></html>")
    );
    assert_eq!(
      err(503, "").message,
      "HTTP 503 Service Unavailable (empty response body)"
    );
    assert_eq!(err(418, "{}").message, "HTTP 418 I'm a teapot");
  }

  #[test]
  fn keeps_the_request_id_and_cuts_huge_bodies() {
    let mut headers = HeaderMap::new();
    headers.insert("x-request-id", "req_123".parse().unwrap());
    let body = vec![b'x'; MAX_ERROR_BODY * 2];
    let e = Error::from_response(500, &headers, &body);
    assert_eq!(e.request_id.as_deref(), Some("req_123"));
    assert_eq!(e.body.unwrap().len(), MAX_ERROR_BODY);
  }
}
