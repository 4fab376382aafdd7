//! When to try again and how long to wait.
//!
//! Policy: network failures, timeouts and 408/429/500/502/503/504 are retried for
//! idempotent requests. A POST that creates something is retried only when it provably
//! did not reach the server (the connection was never made, or a 429 refused it) or when
//! it carries an idempotency key. Waits use full jitter over an exponential bound, or the
//! server's `Retry-After` when it sends one.

use std::time::{Duration, SystemTime};

use http::HeaderMap;
use rand::Rng;

use crate::request::Idempotency;
use crate::transport::TransportErrorKind;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
  /// Retries after the first attempt (so `2` means at most 3 attempts).
  pub max_retries: u32,
  /// The bound of the first wait; it doubles each retry up to `max_delay`.
  pub base_delay: Duration,
  pub max_delay: Duration,
  /// A `Retry-After` longer than this is not waited for: the error is returned instead.
  pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
  fn default() -> Self {
    RetryPolicy {
      max_retries: 2,
      base_delay: Duration::from_millis(500),
      max_delay: Duration::from_secs(8),
      max_retry_after: Duration::from_secs(60),
    }
  }
}

/// What an attempt ended with, as far as retrying is concerned.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Outcome {
  Status(u16),
  Transport(TransportErrorKind),
}

impl RetryPolicy {
  pub(crate) fn is_retryable(
    &self,
    outcome: Outcome,
    idempotency: Idempotency,
    has_key: bool,
  ) -> bool {
    let safe_to_repeat = idempotency == Idempotency::Idempotent || has_key;
    match outcome {
      Outcome::Status(429) => true,
      Outcome::Status(408 | 500 | 502 | 503 | 504) => safe_to_repeat,
      Outcome::Status(_) => false,
      Outcome::Transport(TransportErrorKind::Connect) => true,
      Outcome::Transport(TransportErrorKind::Timeout | TransportErrorKind::Io) => safe_to_repeat,
      Outcome::Transport(TransportErrorKind::TooLarge | TransportErrorKind::Other) => false,
    }
  }

  /// Full jitter: a uniform wait in `[0, min(max_delay, base_delay * 2^(retry-1))]`.
  pub(crate) fn backoff(&self, retry: u32) -> Duration {
    let bound = self
      .base_delay
      .saturating_mul(2u32.saturating_pow(retry.saturating_sub(1)))
      .min(self.max_delay);
    let millis = bound.as_millis() as u64;
    Duration::from_millis(rand::rng().random_range(0..=millis))
  }
}

/// `Retry-After` as delta-seconds or an HTTP date.
pub(crate) fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
  let value = headers
    .get(http::header::RETRY_AFTER)?
    .to_str()
    .ok()?
    .trim();
  if let Ok(seconds) = value.parse::<f64>() {
    return (seconds.is_finite() && seconds >= 0.0)
      .then(|| Duration::from_secs_f64(seconds.min(1e9)));
  }
  let at = httpdate::parse_http_date(value).ok()?;
  Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
  use super::*;
  use Idempotency::*;

  #[test]
  fn idempotent_requests_retry_transient_failures() {
    let p = RetryPolicy::default();
    for s in [408, 429, 500, 502, 503, 504] {
      assert!(p.is_retryable(Outcome::Status(s), Idempotent, false), "{s}");
    }
    for s in [400, 401, 403, 404, 409, 422, 501] {
      assert!(
        !p.is_retryable(Outcome::Status(s), Idempotent, false),
        "{s}"
      );
    }
    assert!(p.is_retryable(
      Outcome::Transport(TransportErrorKind::Io),
      Idempotent,
      false
    ));
    assert!(p.is_retryable(
      Outcome::Transport(TransportErrorKind::Timeout),
      Idempotent,
      false
    ));
  }

  #[test]
  fn creates_retry_only_when_provably_unsent_or_keyed() {
    let p = RetryPolicy::default();
    assert!(p.is_retryable(
      Outcome::Transport(TransportErrorKind::Connect),
      Create,
      false
    ));
    assert!(p.is_retryable(Outcome::Status(429), Create, false));
    assert!(!p.is_retryable(Outcome::Status(503), Create, false));
    assert!(!p.is_retryable(Outcome::Transport(TransportErrorKind::Io), Create, false));
    assert!(!p.is_retryable(
      Outcome::Transport(TransportErrorKind::Timeout),
      Create,
      false
    ));
    assert!(p.is_retryable(Outcome::Status(503), Create, true));
    assert!(p.is_retryable(Outcome::Transport(TransportErrorKind::Io), Create, true));
  }

  #[test]
  fn backoff_is_bounded_and_grows() {
    let p = RetryPolicy::default();
    for _ in 0..200 {
      assert!(p.backoff(1) <= Duration::from_millis(500));
      assert!(p.backoff(3) <= Duration::from_millis(2000));
      assert!(p.backoff(30) <= Duration::from_secs(8));
    }
    let big = (0..200).map(|_| p.backoff(5)).max().unwrap();
    assert!(
      big > Duration::from_secs(2),
      "full jitter should sometimes wait long: {big:?}"
    );
  }

  #[test]
  fn parses_retry_after_seconds_and_dates() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
    let mut h = HeaderMap::new();
    h.insert("retry-after", "2".parse().unwrap());
    assert_eq!(retry_after(&h, now), Some(Duration::from_secs(2)));
    h.insert(
      "retry-after",
      httpdate::fmt_http_date(now + Duration::from_secs(7))
        .parse()
        .unwrap(),
    );
    assert_eq!(retry_after(&h, now), Some(Duration::from_secs(7)));
    h.insert(
      "retry-after",
      httpdate::fmt_http_date(now - Duration::from_secs(7))
        .parse()
        .unwrap(),
    );
    assert_eq!(retry_after(&h, now), Some(Duration::ZERO));
    h.insert("retry-after", "soon".parse().unwrap());
    assert_eq!(retry_after(&h, now), None);
    h.insert("retry-after", "-3".parse().unwrap());
    assert_eq!(retry_after(&h, now), None);
  }
}
