//! What the client reports while it works, for logs and hooks. Nothing here carries the
//! API key, a header value or a body, so no sink can leak a secret.

use std::time::Duration;

#[derive(Debug, Clone)]
pub enum Event {
  Request {
    operation: &'static str,
    method: String,
    path: String,
    attempt: u32,
  },
  Response {
    operation: &'static str,
    method: String,
    path: String,
    attempt: u32,
    status: u16,
    elapsed: Duration,
    request_id: Option<String>,
  },
  Retry {
    operation: &'static str,
    method: String,
    path: String,
    attempt: u32,
    delay: Duration,
    reason: String,
  },
  Error {
    operation: &'static str,
    method: String,
    path: String,
    attempt: u32,
    elapsed: Duration,
    message: String,
    status: Option<u16>,
  },
}

pub trait EventSink: Send + Sync + 'static {
  fn emit(&self, event: Event);
}
