//! The default transport: one pooled reqwest client per `Client`, shared by every call.

use std::time::Duration;

use bytes::{Bytes, BytesMut};
use futures::future::BoxFuture;
use futures::FutureExt;

use crate::transport::{HttpRequest, HttpResponse, Transport, TransportError, TransportErrorKind};

/// Same-origin redirects are followed up to this many times; others are returned as-is.
const MAX_REDIRECTS: usize = 5;
/// Shorter than the idle timeout of common load balancers (60 s), so a pooled
/// connection is not reused just as the server closes it.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(30);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Default, Clone)]
pub struct TransportOptions {
  /// PEM bundle of extra trusted roots (what `NODE_EXTRA_CA_CERTS` points at).
  pub extra_root_certs_pem: Option<Vec<u8>>,
  pub proxy: ProxySettings,
}

/// Proxies as given by the caller (the Node binding reads `HTTP_PROXY`, `HTTPS_PROXY` and
/// `NO_PROXY` from `process.env`); the process environment is not read behind its back.
#[derive(Debug, Default, Clone)]
pub struct ProxySettings {
  pub http: Option<String>,
  pub https: Option<String>,
  /// Comma-separated hosts, domains and CIDRs that bypass the proxy.
  pub no_proxy: Option<String>,
}

#[derive(Clone)]
pub struct ReqwestTransport {
  client: reqwest::Client,
}

impl ReqwestTransport {
  pub fn new(options: &TransportOptions) -> Result<Self, String> {
    let mut builder = reqwest::Client::builder()
      .redirect(same_origin_redirects())
      .pool_idle_timeout(POOL_IDLE_TIMEOUT)
      .connect_timeout(CONNECT_TIMEOUT)
      .tcp_nodelay(true);
    builder = with_proxies(builder.no_proxy(), &options.proxy)?;
    if let Some(pem) = &options.extra_root_certs_pem {
      let certs = reqwest::Certificate::from_pem_bundle(pem)
        .map_err(|e| format!("extra CA certificates could not be read: {e}"))?;
      builder = builder.tls_certs_merge(certs);
    }
    let client = builder
      .build()
      .map_err(|e| format!("HTTP client could not be built: {e}"))?;
    Ok(ReqwestTransport { client })
  }
}

fn with_proxies(
  mut builder: reqwest::ClientBuilder,
  proxy: &ProxySettings,
) -> Result<reqwest::ClientBuilder, String> {
  let bypass = || {
    proxy
      .no_proxy
      .as_deref()
      .and_then(reqwest::NoProxy::from_string)
  };
  let bad = |e: reqwest::Error| format!("proxy URL is not valid: {e}");
  if let Some(url) = proxy.http.as_deref().filter(|u| !u.is_empty()) {
    builder = builder.proxy(reqwest::Proxy::http(url).map_err(bad)?.no_proxy(bypass()));
  }
  if let Some(url) = proxy.https.as_deref().filter(|u| !u.is_empty()) {
    builder = builder.proxy(reqwest::Proxy::https(url).map_err(bad)?.no_proxy(bypass()));
  }
  Ok(builder)
}

/// Redirects to another origin are not followed, so the `Authorization` header never
/// leaves the configured origin; the client reports the 3xx as an error.
fn same_origin_redirects() -> reqwest::redirect::Policy {
  reqwest::redirect::Policy::custom(|attempt| {
    let first = attempt.previous().first().map(|u| u.origin());
    if attempt.previous().len() > MAX_REDIRECTS || first != Some(attempt.url().origin()) {
      attempt.stop()
    } else {
      attempt.follow()
    }
  })
}

impl Transport for ReqwestTransport {
  fn send(&self, request: HttpRequest) -> BoxFuture<'static, Result<HttpResponse, TransportError>> {
    let client = self.client.clone();
    async move {
      let mut builder = client
        .request(request.method, &request.url)
        .headers(request.headers);
      if let Some(body) = request.body {
        builder = builder.body(body);
      }
      let mut response = builder.send().await.map_err(classify)?;
      let status = response.status().as_u16();
      let headers = std::mem::take(response.headers_mut());
      let body = read_limited(&mut response, request.max_response_bytes).await?;
      Ok(HttpResponse {
        status,
        headers,
        body,
      })
    }
    .boxed()
  }
}

async fn read_limited(
  response: &mut reqwest::Response,
  max: usize,
) -> Result<Bytes, TransportError> {
  let too_large = || {
    TransportError::new(
      TransportErrorKind::TooLarge,
      format!("response body exceeds the {max}-byte limit"),
    )
  };
  if response
    .content_length()
    .is_some_and(|len| len > max as u64)
  {
    return Err(too_large());
  }
  let mut body = BytesMut::new();
  while let Some(chunk) = response.chunk().await.map_err(classify)? {
    if body.len() + chunk.len() > max {
      return Err(too_large());
    }
    body.extend_from_slice(&chunk);
  }
  Ok(body.freeze())
}

fn classify(err: reqwest::Error) -> TransportError {
  let kind = if err.is_connect() {
    TransportErrorKind::Connect
  } else if err.is_timeout() {
    TransportErrorKind::Timeout
  } else if err.is_request() || err.is_body() || err.is_decode() {
    TransportErrorKind::Io
  } else {
    TransportErrorKind::Other
  };
  TransportError::new(kind, error_chain(&err))
}

/// "a: b: c" from an error and its sources, without the URL (which reqwest repeats).
fn error_chain(err: &reqwest::Error) -> String {
  let mut head = err.to_string();
  if let Some(url) = err.url() {
    head = head.replace(&format!(" for url ({url})"), "");
  }
  let mut parts = vec![head];
  let mut source = std::error::Error::source(err);
  while let Some(s) = source {
    let text = s.to_string();
    if !parts.iter().any(|p| p.contains(&text)) {
      parts.push(text);
    }
    source = s.source();
  }
  parts.join(": ")
}
