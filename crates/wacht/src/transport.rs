//! The seam between the client and the network: reqwest by default, or the user's
//! `fetch` (through the Node binding) when one is configured.

use std::time::Duration;

use bytes::Bytes;
use futures::future::BoxFuture;
use http::{HeaderMap, Method};

#[derive(Debug, Clone)]
pub struct HttpRequest {
  pub method: Method,
  pub url: String,
  pub headers: HeaderMap,
  pub body: Option<Bytes>,
  /// The attempt's timeout; the client enforces it too, transports may use it to stop early.
  pub timeout: Duration,
  /// Bodies larger than this must be refused with [`TransportErrorKind::TooLarge`].
  pub max_response_bytes: usize,
}

#[derive(Debug, Clone)]
pub struct HttpResponse {
  pub status: u16,
  pub headers: HeaderMap,
  pub body: Bytes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportErrorKind {
  /// The connection was never established: the request provably did not reach the server.
  Connect,
  Timeout,
  /// The connection failed after the request may have been sent (reset, closed mid-body).
  Io,
  /// The response body was larger than allowed.
  TooLarge,
  Other,
}

#[derive(Debug, Clone, thiserror::Error)]
#[error("{message}")]
pub struct TransportError {
  pub kind: TransportErrorKind,
  pub message: String,
}

impl TransportError {
  pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
    TransportError {
      kind,
      message: message.into(),
    }
  }
}

pub trait Transport: Send + Sync + 'static {
  fn send(&self, request: HttpRequest) -> BoxFuture<'static, Result<HttpResponse, TransportError>>;
}
