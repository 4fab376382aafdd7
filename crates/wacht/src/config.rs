use std::time::Duration;

use crate::retry::RetryPolicy;
use crate::secret::ApiKey;

pub const DEFAULT_BASE_URL: &str = "https://api.wacht.dev";
/// Per-attempt timeout when none is configured (the official SDK's default).
pub const DEFAULT_TIMEOUT: Duration = Duration::from_millis(30_000);
/// Response bodies larger than this are refused: a list of 100 organizations is ~25 KB.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

/// Everything a [`crate::Client`] needs, validated once at construction.
#[derive(Debug, Clone)]
pub struct ClientConfig {
  /// Base URL without a trailing slash; any path in it (`/api/v1`) is kept.
  pub base_url: String,
  pub api_key: ApiKey,
  /// Per-attempt timeout.
  pub timeout: Duration,
  /// Overall deadline for one call, across attempts and backoff; `None` = only per attempt.
  pub total_timeout: Option<Duration>,
  /// Sent on every request after the defaults; a same-named header replaces a default.
  pub headers: Vec<(String, String)>,
  pub user_agent: String,
  pub retry: RetryPolicy,
  pub max_response_bytes: usize,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
  #[error("baseUrl must be an absolute http(s) URL, got {0:?}")]
  BaseUrl(String),
  #[error("header {0:?} is not a valid HTTP header name or value")]
  Header(String),
}

impl ClientConfig {
  pub fn new(base_url: &str, api_key: Option<String>) -> Result<Self, ConfigError> {
    Ok(ClientConfig {
      base_url: normalize_base_url(base_url)?,
      api_key: ApiKey::new(api_key),
      timeout: DEFAULT_TIMEOUT,
      total_timeout: None,
      headers: Vec::new(),
      user_agent: concat!("wacht-rust/", env!("CARGO_PKG_VERSION")).to_string(),
      retry: RetryPolicy::default(),
      max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
    })
  }

  pub fn with_headers(mut self, headers: Vec<(String, String)>) -> Result<Self, ConfigError> {
    for (name, value) in &headers {
      validate_header(name, value)?;
    }
    self.headers = headers;
    Ok(self)
  }
}

pub(crate) fn validate_header(name: &str, value: &str) -> Result<(), ConfigError> {
  let ok = http::HeaderName::from_bytes(name.as_bytes()).is_ok()
    && http::HeaderValue::from_str(value).is_ok();
  if ok {
    Ok(())
  } else {
    Err(ConfigError::Header(name.to_string()))
  }
}

/// Accepts only absolute http(s) URLs with a host, no query and no fragment, and drops
/// the trailing slash so that paths can be appended.
fn normalize_base_url(raw: &str) -> Result<String, ConfigError> {
  let bad = || ConfigError::BaseUrl(raw.to_string());
  let url = url::Url::parse(raw.trim()).map_err(|_| bad())?;
  let http = matches!(url.scheme(), "http" | "https");
  if !http || url.host_str().is_none() || url.query().is_some() || url.fragment().is_some() {
    return Err(bad());
  }
  if !url.username().is_empty() || url.password().is_some() {
    return Err(bad());
  }
  Ok(url.as_str().trim_end_matches('/').to_string())
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn keeps_a_path_prefix_and_drops_the_trailing_slash() {
    let c = ClientConfig::new("https://host:9999/api/v1/", None).unwrap();
    assert_eq!(c.base_url, "https://host:9999/api/v1");
    let c = ClientConfig::new("http://127.0.0.1:8080", None).unwrap();
    assert_eq!(c.base_url, "http://127.0.0.1:8080");
  }

  #[test]
  fn rejects_what_is_not_an_http_url() {
    for bad in [
      "",
      "api.wacht.dev",
      "ftp://x",
      "file:///etc",
      "http://",
      "https://h/?q=1",
      "https://u:p@h",
    ] {
      assert!(ClientConfig::new(bad, None).is_err(), "{bad}");
    }
  }

  #[test]
  fn rejects_bad_headers() {
    let c = ClientConfig::new("https://h", None).unwrap();
    assert!(c
      .clone()
      .with_headers(vec![("x-ok".into(), "v".into())])
      .is_ok());
    assert!(c
      .clone()
      .with_headers(vec![("bad name".into(), "v".into())])
      .is_err());
    assert!(c.with_headers(vec![("x".into(), "a\nb".into())]).is_err());
  }
}
