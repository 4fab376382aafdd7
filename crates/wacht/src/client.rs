//! The call loop: build the HTTP request once, send it, retry what is safe to retry,
//! and turn every ending into a body or an [`Error`].

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use bytes::Bytes;
use http::header::{HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use http::{HeaderMap, Method};
use tokio_util::sync::CancellationToken;

use crate::config::{validate_header, ClientConfig, ConfigError};
use crate::error::{request_id, Error, ErrorKind};
use crate::events::{Event, EventSink};
use crate::request::{Body, Expect, Request};
use crate::retry::{retry_after, Outcome};
use crate::transport::{HttpRequest, HttpResponse, Transport, TransportError, TransportErrorKind};

/// Per-call settings; `None` means "use the client's".
#[derive(Debug, Clone, Default)]
pub struct CallOptions {
  pub timeout: Option<Duration>,
  pub total_timeout: Option<Duration>,
  pub max_retries: Option<u32>,
  pub headers: Vec<(String, String)>,
  pub idempotency_key: Option<String>,
  pub cancel: Option<CancellationToken>,
}

#[derive(Debug, Clone)]
pub struct Response {
  pub status: u16,
  /// The body text; `None` for operations that return nothing.
  pub body: Option<String>,
  pub request_id: Option<String>,
  pub attempts: u32,
}

pub struct Client {
  config: ClientConfig,
  transport: Arc<dyn Transport>,
  /// Authorization, User-Agent and the configured headers, built once.
  base_headers: HeaderMap,
  events: Option<Arc<dyn EventSink>>,
}

impl std::fmt::Debug for Client {
  fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
    f.debug_struct("Client")
      .field("base_url", &self.config.base_url)
      .field("api_key", &self.config.api_key)
      .finish()
  }
}

impl Client {
  pub fn new(
    config: ClientConfig,
    transport: Arc<dyn Transport>,
    events: Option<Arc<dyn EventSink>>,
  ) -> Result<Self, ConfigError> {
    let mut base_headers = HeaderMap::new();
    if let Some(key) = config.api_key.expose() {
      let mut value = HeaderValue::from_str(&format!("Bearer {key}"))
        .map_err(|_| ConfigError::Header("Authorization".into()))?;
      value.set_sensitive(true);
      base_headers.insert(AUTHORIZATION, value);
    }
    let ua = HeaderValue::from_str(&config.user_agent)
      .map_err(|_| ConfigError::Header("User-Agent".into()))?;
    base_headers.insert(USER_AGENT, ua);
    set_headers(&mut base_headers, &config.headers)?;
    Ok(Client {
      config,
      transport,
      base_headers,
      events,
    })
  }

  pub fn config(&self) -> &ClientConfig {
    &self.config
  }

  /// Sends `request`, retrying per the policy, and returns the body or the final error.
  pub async fn execute(&self, request: Request, options: CallOptions) -> Result<Response, Error> {
    let cancel = options.cancel.clone();
    let call = self.run(&request, &options);
    let result = match cancel {
      Some(token) => tokio::select! {
        biased;
        _ = token.cancelled() => Err(Error::new(ErrorKind::Aborted, "Request aborted")),
        result = call => result,
      },
      None => call.await,
    };
    result.map_err(|mut e| {
      e.operation = Some(request.operation);
      e.method = Some(request.method.to_string());
      e.path = Some(request.path.as_str().to_string());
      e
    })
  }

  async fn run(&self, request: &Request, options: &CallOptions) -> Result<Response, Error> {
    if !self.config.api_key.is_set() {
      return Err(Error::new(
        ErrorKind::MissingApiKey,
        "No API key configured: pass apiKey to new WachtClient({ apiKey }) (it is empty or missing)",
      ));
    }
    // Path and query once per call: the URL and every event use it.
    let path = request.path_and_query();
    let http = self.build(request, &path, options)?;
    let max_retries = options.max_retries.unwrap_or(self.config.retry.max_retries);
    let timeout = options.timeout.unwrap_or(self.config.timeout);
    let started = Instant::now();
    let deadline = options
      .total_timeout
      .or(self.config.total_timeout)
      .map(|t| started + t);
    let has_key = options.idempotency_key.is_some();

    let mut attempt = 0;
    loop {
      attempt += 1;
      let attempt_timeout = match deadline {
        Some(d) => timeout.min(d.saturating_duration_since(Instant::now())),
        None => timeout,
      };
      self.emit(|| Event::Request {
        operation: request.operation,
        method: request.method.to_string(),
        path: path.clone(),
        attempt,
      });
      let sent_at = Instant::now();
      let result = self.attempt(http.clone(), attempt_timeout).await;
      let elapsed = sent_at.elapsed();

      let (outcome, mut error, wait_hint) = match result {
        Ok(response) if (200..300).contains(&response.status) => {
          self.emit_response(request, &path, attempt, &response, elapsed);
          return finish(request.expect, response, attempt);
        }
        Ok(response) => {
          self.emit_response(request, &path, attempt, &response, elapsed);
          let hint = retry_after(&response.headers, SystemTime::now());
          let error = status_error(&response, hint);
          (Outcome::Status(response.status), error, hint)
        }
        Err(te) => (
          Outcome::Transport(te.kind),
          transport_error(te, attempt_timeout, deadline),
          None,
        ),
      };
      error.attempts = attempt;
      self.emit(|| Event::Error {
        operation: request.operation,
        method: request.method.to_string(),
        path: path.clone(),
        attempt,
        elapsed,
        message: error.message.clone(),
        status: error.status,
      });

      let retryable = attempt <= max_retries
        && self
          .config
          .retry
          .is_retryable(outcome, request.idempotency, has_key);
      let delay = match wait_hint {
        Some(hint) if hint > self.config.retry.max_retry_after => None,
        Some(hint) => Some(hint),
        None => Some(self.config.retry.backoff(attempt)),
      };
      let fits = |d: Duration| deadline.is_none_or(|dl| Instant::now() + d < dl);
      match delay {
        Some(delay) if retryable && fits(delay) => {
          self.emit(|| Event::Retry {
            operation: request.operation,
            method: request.method.to_string(),
            path: path.clone(),
            attempt,
            delay,
            reason: error.message.clone(),
          });
          tokio::time::sleep(delay).await;
        }
        _ => return Err(with_attempts(error, attempt)),
      }
    }
  }

  async fn attempt(
    &self,
    http: HttpRequest,
    timeout: Duration,
  ) -> Result<HttpResponse, TransportError> {
    let mut http = http;
    http.timeout = timeout;
    match tokio::time::timeout(timeout, self.transport.send(http)).await {
      Ok(result) => result,
      Err(_) => Err(TransportError::new(
        TransportErrorKind::Timeout,
        "attempt timed out",
      )),
    }
  }

  /// The HTTP request, built once and reused by every attempt.
  fn build(
    &self,
    request: &Request,
    path: &str,
    options: &CallOptions,
  ) -> Result<HttpRequest, Error> {
    let mut headers = self.base_headers.clone();
    let body = match &request.body {
      Body::None if request.method == Method::GET || request.method == Method::DELETE => None,
      // A body-less POST still says `content-length: 0`, as the official SDK's does.
      Body::None => {
        headers.insert(http::header::CONTENT_LENGTH, HeaderValue::from_static("0"));
        None
      }
      Body::Json(text) => {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        Some(Bytes::from(text.clone()))
      }
      Body::Form(form) => {
        let (content_type, bytes) = form.encode();
        headers.insert(
          CONTENT_TYPE,
          HeaderValue::from_str(&content_type).expect("boundary is ASCII"),
        );
        Some(bytes)
      }
    };
    set_headers(&mut headers, &options.headers)
      .map_err(|e| Error::invalid_argument("options.headers", e.to_string()))?;
    if let Some(key) = &options.idempotency_key {
      let value = HeaderValue::from_str(key).map_err(|_| {
        Error::invalid_argument(
          "options.idempotencyKey",
          "options.idempotencyKey must be printable ASCII",
        )
      })?;
      headers.insert(HeaderName::from_static("idempotency-key"), value);
    }
    Ok(HttpRequest {
      method: request.method.clone(),
      url: format!("{}{path}", self.config.base_url),
      headers,
      body,
      timeout: self.config.timeout,
      max_response_bytes: self.config.max_response_bytes,
    })
  }

  fn emit(&self, event: impl FnOnce() -> Event) {
    if let Some(sink) = &self.events {
      sink.emit(event());
    }
  }

  fn emit_response(
    &self,
    request: &Request,
    path: &str,
    attempt: u32,
    response: &HttpResponse,
    elapsed: Duration,
  ) {
    self.emit(|| Event::Response {
      operation: request.operation,
      method: request.method.to_string(),
      path: path.to_string(),
      attempt,
      status: response.status,
      elapsed,
      request_id: request_id(&response.headers),
    });
  }
}

fn set_headers(map: &mut HeaderMap, headers: &[(String, String)]) -> Result<(), ConfigError> {
  for (name, value) in headers {
    validate_header(name, value)?;
    let name = HeaderName::from_bytes(name.as_bytes()).expect("validated");
    let mut value = HeaderValue::from_str(value).expect("validated");
    if name == AUTHORIZATION {
      value.set_sensitive(true);
    }
    map.insert(name, value);
  }
  Ok(())
}

fn finish(expect: Expect, response: HttpResponse, attempts: u32) -> Result<Response, Error> {
  let request_id = request_id(&response.headers);
  let body = match expect {
    Expect::Void => None,
    Expect::Json => Some(String::from_utf8(response.body.to_vec()).map_err(|_| {
      let mut e = Error::new(
        ErrorKind::InvalidResponse,
        "Response body is not valid UTF-8, so it cannot be JSON",
      );
      e.status = Some(response.status);
      e.attempts = attempts;
      e
    })?),
  };
  Ok(Response {
    status: response.status,
    body,
    request_id,
    attempts,
  })
}

fn status_error(response: &HttpResponse, retry_after: Option<Duration>) -> Error {
  if (300..400).contains(&response.status) {
    let location = response
      .headers
      .get(http::header::LOCATION)
      .and_then(|v| v.to_str().ok())
      .unwrap_or("");
    let mut e = Error::new(
      ErrorKind::InvalidResponse,
      format!(
        "Server answered {} with a redirect to {:?}; redirects to another origin are not followed, so the API key stays with the configured baseUrl",
        response.status,
        origin_of(location)
      ),
    );
    e.status = Some(response.status);
    return e;
  }
  let mut e = Error::from_response(response.status, &response.headers, &response.body);
  e.retry_after_ms = retry_after.map(|d| d.as_millis() as u64);
  e
}

/// Only the origin of a redirect target goes into messages: its path could carry anything.
fn origin_of(location: &str) -> String {
  match url::Url::parse(location) {
    Ok(u) => u.origin().ascii_serialization(),
    Err(_) => "(same origin)".to_string(),
  }
}

fn transport_error(
  te: TransportError,
  attempt_timeout: Duration,
  deadline: Option<Instant>,
) -> Error {
  let (kind, message) = match te.kind {
    TransportErrorKind::Timeout if deadline.is_some_and(|d| Instant::now() >= d) => (
      ErrorKind::Timeout,
      "Request timed out: the overall deadline (totalTimeout) passed".to_string(),
    ),
    TransportErrorKind::Timeout => (
      ErrorKind::Timeout,
      format!("Request timed out after {} ms", attempt_timeout.as_millis()),
    ),
    TransportErrorKind::Connect => (
      ErrorKind::Connection,
      format!("Could not connect to the Wacht API: {}", te.message),
    ),
    TransportErrorKind::Io | TransportErrorKind::Other => (
      ErrorKind::Connection,
      format!("Connection to the Wacht API failed: {}", te.message),
    ),
    TransportErrorKind::TooLarge => (
      ErrorKind::InvalidResponse,
      format!("Response refused: {}", te.message),
    ),
  };
  Error::new(kind, message).with_cause(te.message)
}

fn with_attempts(mut error: Error, attempts: u32) -> Error {
  error.attempts = attempts;
  if attempts > 1 {
    error.message = format!("{} (after {attempts} attempts)", error.message);
  }
  error
}
