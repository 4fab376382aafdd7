//! The Wacht error envelope: `{"errors":[{"message":"...","code":<status>}]}`.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An HTTP error as the real backend sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
  pub status: u16,
  pub message: String,
}

pub type ApiResult<T> = Result<T, ApiError>;

impl ApiError {
  pub fn new(status: u16, message: impl Into<String>) -> Self {
    ApiError {
      status,
      message: message.into(),
    }
  }
  pub fn not_found(message: impl Into<String>) -> Self {
    Self::new(404, message)
  }
  pub fn bad_request(message: impl Into<String>) -> Self {
    Self::new(400, message)
  }
  pub fn conflict(message: impl Into<String>) -> Self {
    Self::new(409, message)
  }
  pub fn unprocessable() -> Self {
    Self::new(422, "Invalid request payload")
  }
  pub fn internal() -> Self {
    Self::new(500, "Something went wrong")
  }
}

impl IntoResponse for ApiError {
  fn into_response(self) -> Response {
    envelope(self.status, &self.message)
  }
}

/// The message the real server's error normalizer uses for a bare status.
pub fn default_message(status: u16) -> &'static str {
  match status {
    400 => "Bad request",
    401 => "Unauthorized",
    403 => "Forbidden",
    404 => "Not found",
    405 => "Method not allowed",
    422 => "Invalid request payload",
    429 => "Rate limit exceeded",
    500..=599 => "Something went wrong",
    _ => "Request failed",
  }
}

/// A JSON error response with the given status and message.
pub fn envelope(status: u16, message: &str) -> Response {
  let body = json!({ "errors": [{ "message": message, "code": status }] });
  let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
  json_response(status, &body)
}

/// Serialize a value as an `application/json` response.
pub fn json_response(status: StatusCode, body: &impl serde::Serialize) -> Response {
  let bytes = serde_json::to_vec(body).unwrap_or_else(|_| b"{}".to_vec());
  let mut resp = (status, bytes).into_response();
  resp.headers_mut().insert(
    header::CONTENT_TYPE,
    HeaderValue::from_static("application/json"),
  );
  resp
}

/// Is this response already JSON? (Axum's own rejections are plain text.)
pub fn is_json(resp: &Response) -> bool {
  resp
    .headers()
    .get(header::CONTENT_TYPE)
    .and_then(|v| v.to_str().ok())
    .is_some_and(|v| v.to_ascii_lowercase().contains("application/json"))
}
