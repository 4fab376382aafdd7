//! Forwards the core's events to a JS callback (lib/observe.js turns them into hooks and
//! log lines). Events carry no header values and no bodies, so nothing secret crosses.

use napi::threadsafe_function::{ThreadsafeFunction, ThreadsafeFunctionCallMode};
use napi::Status;
use napi_derive::napi;
use wacht::{Event, EventSink};

#[napi(object)]
pub struct NativeEvent {
  /// `request` | `response` | `retry` | `error`
  pub r#type: String,
  pub operation: String,
  pub method: String,
  pub path: String,
  pub attempt: u32,
  pub status: Option<u32>,
  pub elapsed_ms: Option<f64>,
  pub delay_ms: Option<f64>,
  pub request_id: Option<String>,
  pub message: Option<String>,
}

/// Weak, non-blocking: hooks never keep Node alive and never slow a request down.
pub type EventFn = ThreadsafeFunction<NativeEvent, (), NativeEvent, Status, false, true>;

pub struct JsEventSink(pub EventFn);

impl EventSink for JsEventSink {
  fn emit(&self, event: Event) {
    self
      .0
      .call(to_js(event), ThreadsafeFunctionCallMode::NonBlocking);
  }
}

fn to_js(event: Event) -> NativeEvent {
  let base =
    |kind: &str, operation: &str, method: String, path: String, attempt: u32| NativeEvent {
      r#type: kind.to_string(),
      operation: operation.to_string(),
      method,
      path,
      attempt,
      status: None,
      elapsed_ms: None,
      delay_ms: None,
      request_id: None,
      message: None,
    };
  match event {
    Event::Request {
      operation,
      method,
      path,
      attempt,
    } => base("request", operation, method, path, attempt),
    Event::Response {
      operation,
      method,
      path,
      attempt,
      status,
      elapsed,
      request_id,
    } => NativeEvent {
      status: Some(status.into()),
      elapsed_ms: Some(elapsed.as_secs_f64() * 1000.0),
      request_id,
      ..base("response", operation, method, path, attempt)
    },
    Event::Retry {
      operation,
      method,
      path,
      attempt,
      delay,
      reason,
    } => NativeEvent {
      delay_ms: Some(delay.as_secs_f64() * 1000.0),
      message: Some(reason),
      ..base("retry", operation, method, path, attempt)
    },
    Event::Error {
      operation,
      method,
      path,
      attempt,
      elapsed,
      message,
      status,
    } => NativeEvent {
      status: status.map(u32::from),
      elapsed_ms: Some(elapsed.as_secs_f64() * 1000.0),
      message: Some(message),
      ..base("error", operation, method, path, attempt)
    },
  }
}
