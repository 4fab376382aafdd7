//! Auth and error normalization, in the order the real backend applies them.

use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::AppState;
use crate::errors::{default_message, envelope, is_json, ApiError};

/// Bearer-key check before any routing detail (path ids, bodies) is looked at.
pub async fn auth(State(shared): State<AppState>, req: Request, next: Next) -> Response {
  if req.uri().path() == "/health" {
    return next.run(req).await;
  }
  let header = req
    .headers()
    .get(AUTHORIZATION)
    .and_then(|v| v.to_str().ok())
    .unwrap_or("");
  let Some(key) = header.strip_prefix("Bearer ") else {
    return ApiError::new(401, "Authorization header must be Bearer token").into_response();
  };
  if key != shared.api_key {
    return ApiError::new(401, "Authentication failed").into_response();
  }
  next.run(req).await
}

/// Like the real `normalize_error_responses`: any non-JSON error becomes the envelope.
pub async fn normalize(resp: Response) -> Response {
  let status = resp.status().as_u16();
  if status >= 400 && !is_json(&resp) {
    return envelope(status, default_message(status));
  }
  resp
}
