//! Fault injection: make the next N matching requests fail, stall or lose their connection.

use std::collections::BTreeMap;
use std::time::Duration;

use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::Response;
use parking_lot::Mutex;
use serde::Deserialize;
use serde_json::Value;

use crate::error::EmulatorError;
use crate::errors::{default_message, envelope, json_response};

/// What to do to matching requests. JSON keys are camelCase.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FaultSpec {
  /// HTTP method (case-insensitive); absent or `*` matches any.
  #[serde(default)]
  pub method: Option<String>,
  /// Exact path; `*` matches one segment; a trailing `/**` matches any suffix. Absent: any path.
  #[serde(default)]
  pub path: Option<String>,
  /// How many matching requests this applies to (default 1).
  #[serde(default)]
  pub times: Option<u32>,
  /// Respond with this status instead of the real handler.
  #[serde(default)]
  pub status: Option<u16>,
  /// Response body: a JSON value, or a string sent raw when `contentType` is given.
  /// Without a body an error status gets the standard error envelope.
  #[serde(default)]
  pub body: Option<Value>,
  #[serde(default)]
  pub content_type: Option<String>,
  #[serde(default)]
  pub headers: Option<BTreeMap<String, String>>,
  /// Sent as the `Retry-After` header (string or number).
  #[serde(default)]
  pub retry_after: Option<Value>,
  /// Wait this long first; without `status` or `drop`, then serve normally.
  #[serde(default)]
  pub delay_ms: Option<u64>,
  /// Close the TCP connection without any response.
  #[serde(default)]
  pub drop: Option<bool>,
}

impl FaultSpec {
  fn validate(&self) -> Result<(), EmulatorError> {
    let bad = |m: &str| Err(EmulatorError::Invalid(m.to_string()));
    if self.status.is_none() && self.delay_ms.is_none() && self.drop != Some(true) {
      return bad("a fault needs `status`, `delayMs` or `drop: true`");
    }
    if let Some(s) = self.status {
      if StatusCode::from_u16(s).is_err() || s < 200 {
        return bad("`status` must be an HTTP status between 200 and 999");
      }
    }
    if self.times == Some(0) {
      return bad("`times` must be at least 1");
    }
    if let Some(p) = &self.path {
      if !p.starts_with('/') {
        return bad("`path` must start with '/'");
      }
    }
    for (k, v) in self.headers.iter().flatten() {
      if HeaderName::try_from(k.as_str()).is_err() || HeaderValue::try_from(v.as_str()).is_err() {
        return bad("`headers` has an invalid header name or value");
      }
    }
    match &self.retry_after {
      None | Some(Value::String(_)) | Some(Value::Number(_)) => {}
      _ => return bad("`retryAfter` must be a string or a number"),
    }
    Ok(())
  }

  fn matches(&self, method: &str, path: &str) -> bool {
    let method_ok = match self.method.as_deref() {
      None | Some("*") => true,
      Some(m) => m.eq_ignore_ascii_case(method),
    };
    method_ok && self.path.as_deref().is_none_or(|p| path_matches(p, path))
  }

  /// The response this fault sends (only when `status` is set).
  pub fn response(&self) -> Option<Response> {
    let status = self.status?;
    let code = StatusCode::from_u16(status).ok()?;
    let mut resp = match (&self.body, &self.content_type) {
      (Some(Value::String(s)), Some(ct)) => {
        let mut r = Response::new(Body::from(s.clone()));
        *r.status_mut() = code;
        if let Ok(v) = HeaderValue::try_from(ct.as_str()) {
          r.headers_mut().insert(http::header::CONTENT_TYPE, v);
        }
        r
      }
      (Some(v), ct) => {
        let mut r = json_response(code, v);
        if let Some(v) = ct.as_deref().and_then(|c| HeaderValue::try_from(c).ok()) {
          r.headers_mut().insert(http::header::CONTENT_TYPE, v);
        }
        r
      }
      // The backend's own rate-limit text (wire-spec §3.12), N defaulting to 60.
      (None, _) if status == 429 => {
        let n = match &self.retry_after {
          Some(Value::Number(n)) => n.to_string(),
          Some(Value::String(s)) if s.parse::<u64>().is_ok() => s.clone(),
          _ => "60".to_string(),
        };
        envelope(
          429,
          &format!("Rate limit exceeded. Retry after {n} seconds"),
        )
      }
      (None, _) if status >= 400 => envelope(status, default_message(status)),
      (None, _) => json_response(code, &serde_json::json!({})),
    };
    for (k, v) in self.headers.iter().flatten() {
      if let (Ok(k), Ok(v)) = (
        HeaderName::try_from(k.as_str()),
        HeaderValue::try_from(v.as_str()),
      ) {
        resp.headers_mut().insert(k, v);
      }
    }
    let retry = match &self.retry_after {
      Some(Value::String(s)) => Some(s.clone()),
      Some(Value::Number(n)) => Some(n.to_string()),
      _ => None,
    };
    if let Some(v) = retry.and_then(|r| HeaderValue::try_from(r).ok()) {
      resp.headers_mut().insert(http::header::RETRY_AFTER, v);
    }
    Some(resp)
  }

  pub fn delay(&self) -> Option<Duration> {
    self.delay_ms.filter(|d| *d > 0).map(Duration::from_millis)
  }
}

fn path_matches(pattern: &str, path: &str) -> bool {
  let trim = |s: &str| s.trim_end_matches('/').to_string();
  let (pattern, path) = (trim(pattern), trim(path));
  let (pattern, any_suffix) = match pattern.strip_suffix("/**") {
    Some(p) => (p.to_string(), true),
    None => (pattern, false),
  };
  let pat: Vec<&str> = pattern.split('/').collect();
  let got: Vec<&str> = path.split('/').collect();
  if got.len() < pat.len() || (!any_suffix && got.len() != pat.len()) {
    return false;
  }
  pat.iter().zip(&got).all(|(p, g)| *p == "*" || p == g)
}

#[derive(Debug, Default)]
struct Active {
  id: u64,
  remaining: u32,
  spec: FaultSpec,
}

/// The registered faults, first registered wins.
#[derive(Debug, Default)]
pub struct Faults {
  inner: Mutex<(u64, Vec<Active>)>,
}

impl Faults {
  pub fn add(&self, spec: FaultSpec) -> Result<u64, EmulatorError> {
    spec.validate()?;
    let mut g = self.inner.lock();
    g.0 += 1;
    let id = g.0;
    let remaining = spec.times.unwrap_or(1);
    g.1.push(Active {
      id,
      remaining,
      spec,
    });
    Ok(id)
  }

  pub fn clear(&self) {
    self.inner.lock().1.clear();
  }

  /// Consume one use of the first fault matching this request.
  pub fn take(&self, method: &str, path: &str) -> Option<FaultSpec> {
    let mut g = self.inner.lock();
    let idx = g.1.iter().position(|f| f.spec.matches(method, path))?;
    let f = &mut g.1[idx];
    f.remaining -= 1;
    let spec = f.spec.clone();
    if f.remaining == 0 {
      g.1.remove(idx);
    }
    Some(spec)
  }

  /// Remove one fault before it is used up. Returns whether it was still registered.
  pub fn remove(&self, id: u64) -> bool {
    let mut g = self.inner.lock();
    let before = g.1.len();
    g.1.retain(|f| f.id != id);
    g.1.len() != before
  }
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn path_patterns() {
    assert!(path_matches("/organizations", "/organizations"));
    assert!(path_matches("/organizations", "/organizations/"));
    assert!(!path_matches("/organizations", "/organizations/1"));
    assert!(path_matches("/organizations/*", "/organizations/1"));
    assert!(!path_matches(
      "/organizations/*",
      "/organizations/1/members"
    ));
    assert!(path_matches(
      "/organizations/**",
      "/organizations/1/members"
    ));
    assert!(path_matches(
      "/organizations/*/members",
      "/organizations/9/members"
    ));
  }

  #[test]
  fn times_counts_down() {
    let f = Faults::default();
    f.add(FaultSpec {
      status: Some(503),
      times: Some(2),
      method: Some("get".into()),
      ..Default::default()
    })
    .unwrap();
    assert!(f.take("POST", "/x").is_none());
    assert!(f.take("GET", "/x").is_some());
    assert!(f.take("GET", "/x").is_some());
    assert!(f.take("GET", "/x").is_none());
  }

  #[test]
  fn rejects_empty_action() {
    assert!(Faults::default().add(FaultSpec::default()).is_err());
  }

  #[test]
  fn rate_limit_default_body_uses_the_backend_text() {
    let spec = FaultSpec {
      status: Some(429),
      retry_after: Some(serde_json::json!(5)),
      ..Default::default()
    };
    let resp = spec.response().unwrap();
    assert_eq!(resp.headers()["retry-after"], "5");
    assert_eq!(resp.status(), 429);
  }
}
