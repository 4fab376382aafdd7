//! Sends requests through the user's `fetch` when one is configured, so test suites that
//! mock fetch (MSW, nock's fetch support, jest mocks) keep intercepting. The core still
//! owns the request, retries, timeouts and error mapping; JS only moves the bytes
//! (lib/fetch-adapter.js).

use std::collections::HashMap;
use std::sync::Arc;

use futures::future::BoxFuture;
use futures::FutureExt;
use napi::bindgen_prelude::{Buffer, Promise};
use napi::threadsafe_function::ThreadsafeFunction;
use napi::Status;
use napi_derive::napi;
use wacht::{HttpRequest, HttpResponse, Transport, TransportError, TransportErrorKind};

#[napi(object)]
pub struct FetchRequest {
  pub method: String,
  pub url: String,
  pub headers: HashMap<String, String>,
  pub body: Option<Buffer>,
  pub timeout_ms: f64,
  pub max_response_bytes: f64,
}

/// Either a response (`status`, `headers`, `body`) or a failure (`errorKind`:
/// `connect` | `timeout` | `io` | `too_large` | `other`, and `errorMessage`).
#[napi(object)]
pub struct FetchResult {
  pub status: Option<u32>,
  pub headers: Option<HashMap<String, String>>,
  pub body: Option<Buffer>,
  pub error_kind: Option<String>,
  pub error_message: Option<String>,
}

/// Weak: a configured fetch must not keep Node's event loop alive.
pub type FetchFn =
  ThreadsafeFunction<FetchRequest, Promise<FetchResult>, FetchRequest, Status, false, true>;

pub struct FetchTransport {
  fetch: Arc<FetchFn>,
}

impl FetchTransport {
  pub fn new(fetch: FetchFn) -> Self {
    FetchTransport {
      fetch: Arc::new(fetch),
    }
  }
}

impl Transport for FetchTransport {
  fn send(&self, request: HttpRequest) -> BoxFuture<'static, Result<HttpResponse, TransportError>> {
    let fetch = self.fetch.clone();
    async move {
      let headers = request
        .headers
        .iter()
        .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
        .collect();
      let js_request = FetchRequest {
        method: request.method.to_string(),
        url: request.url,
        headers,
        body: request.body.map(|b| Buffer::from(b.to_vec())),
        timeout_ms: request.timeout.as_secs_f64() * 1000.0,
        max_response_bytes: request.max_response_bytes as f64,
      };
      let failed = |e: napi::Error| {
        TransportError::new(
          TransportErrorKind::Other,
          format!("fetch failed: {}", e.reason),
        )
      };
      let result = fetch
        .call_async(js_request)
        .await
        .map_err(failed)?
        .await
        .map_err(failed)?;
      into_response(result)
    }
    .boxed()
  }
}

fn into_response(result: FetchResult) -> Result<HttpResponse, TransportError> {
  if let Some(kind) = result.error_kind {
    let kind = match kind.as_str() {
      "connect" => TransportErrorKind::Connect,
      "timeout" => TransportErrorKind::Timeout,
      "io" => TransportErrorKind::Io,
      "too_large" => TransportErrorKind::TooLarge,
      _ => TransportErrorKind::Other,
    };
    return Err(TransportError::new(
      kind,
      result
        .error_message
        .unwrap_or_else(|| "fetch failed".into()),
    ));
  }
  let status = result
    .status
    .and_then(|s| u16::try_from(s).ok())
    .filter(|s| (100..=999).contains(s));
  let status = status.ok_or_else(|| {
    TransportError::new(TransportErrorKind::Other, "fetch returned no valid status")
  })?;
  let mut headers = http::HeaderMap::new();
  for (name, value) in result.headers.unwrap_or_default() {
    if let (Ok(n), Ok(v)) = (
      http::HeaderName::from_bytes(name.as_bytes()),
      http::HeaderValue::from_str(&value),
    ) {
      headers.append(n, v);
    }
  }
  Ok(HttpResponse {
    status,
    headers,
    body: result
      .body
      .map(|b| bytes::Bytes::copy_from_slice(&b))
      .unwrap_or_default(),
  })
}
