//! The call loop of `Client::execute`: retries per method class, Retry-After, deadlines,
//! cancellation and the final error, through a scripted transport; and one real request
//! over loopback through reqwest.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures::future::BoxFuture;
use futures::FutureExt;
use http::HeaderMap;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wacht::organizations::{self, EntityForm};
use wacht::{
  CallOptions, CancellationToken, Client, ClientConfig, ErrorKind, HttpRequest, HttpResponse,
  ReqwestTransport, Transport, TransportError, TransportErrorKind, TransportOptions,
};

type Step = Result<(u16, &'static str, Vec<(&'static str, &'static str)>), TransportErrorKind>;

/// Answers each request with the next scripted step and records what was sent.
struct Script {
  steps: Mutex<VecDeque<Step>>,
  sent: Mutex<Vec<HttpRequest>>,
}

impl Script {
  fn new(steps: Vec<Step>) -> Arc<Self> {
    Arc::new(Script {
      steps: Mutex::new(steps.into()),
      sent: Mutex::new(Vec::new()),
    })
  }
  fn attempts(&self) -> usize {
    self.sent.lock().unwrap().len()
  }
}

impl Transport for Script {
  fn send(&self, request: HttpRequest) -> BoxFuture<'static, Result<HttpResponse, TransportError>> {
    self.sent.lock().unwrap().push(request);
    let step = self
      .steps
      .lock()
      .unwrap()
      .pop_front()
      .expect("more requests than scripted");
    async move {
      match step {
        Ok((status, body, headers)) => {
          let mut map = HeaderMap::new();
          for (k, v) in headers {
            map.insert(k, v.parse().unwrap());
          }
          Ok(HttpResponse {
            status,
            headers: map,
            body: Bytes::from_static(body.as_bytes()),
          })
        }
        Err(kind) => Err(TransportError::new(kind, "scripted failure")),
      }
    }
    .boxed()
  }
}

fn client(script: &Arc<Script>) -> Client {
  let mut config = ClientConfig::new("http://api.test/v1", Some("sk_test".into())).unwrap();
  config.retry.base_delay = Duration::from_millis(1);
  config.retry.max_delay = Duration::from_millis(2);
  Client::new(config, script.clone(), None).unwrap()
}

const OK: Step = Ok((200, r#"{"id":"1"}"#, vec![]));
const BUSY: Step = Ok((503, r#"{"errors":[{"message":"busy","code":503}]}"#, vec![]));

#[tokio::test]
async fn idempotent_calls_retry_until_success() {
  let script = Script::new(vec![BUSY, Err(TransportErrorKind::Io), OK]);
  let response = client(&script)
    .execute(
      organizations::get_organization("1").unwrap(),
      CallOptions::default(),
    )
    .await;
  let response = response.unwrap();
  assert_eq!(
    (response.status, response.attempts, response.body.as_deref()),
    (200, 3, Some(r#"{"id":"1"}"#))
  );
  let sent = script.sent.lock().unwrap();
  assert_eq!(sent[0].url, "http://api.test/v1/organizations/1");
  assert_eq!(sent[0].headers["authorization"], "Bearer sk_test");
}

#[tokio::test]
async fn the_final_error_counts_attempts_and_keeps_the_server_message() {
  let script = Script::new(vec![BUSY, BUSY, BUSY]);
  let err = client(&script)
    .execute(
      organizations::get_organization("1").unwrap(),
      CallOptions::default(),
    )
    .await;
  let err = err.unwrap_err();
  assert_eq!(
    (err.kind, err.status, err.attempts),
    (ErrorKind::Api, Some(503), 3)
  );
  assert_eq!(err.message, "busy (after 3 attempts)");
  assert_eq!(err.operation, Some("getOrganization"));
}

#[tokio::test]
async fn creates_are_not_repeated_unless_provably_unsent_or_keyed() {
  let create = || {
    organizations::create_organization(EntityForm {
      name: Some("A".into()),
      ..Default::default()
    })
  };
  let script = Script::new(vec![BUSY]);
  assert_eq!(
    client(&script)
      .execute(create(), CallOptions::default())
      .await
      .unwrap_err()
      .attempts,
    1
  );

  let script = Script::new(vec![
    Err(TransportErrorKind::Connect),
    Ok((429, "{}", vec![])),
    OK,
  ]);
  assert_eq!(
    client(&script)
      .execute(create(), CallOptions::default())
      .await
      .unwrap()
      .attempts,
    3
  );

  let script = Script::new(vec![Err(TransportErrorKind::Io), OK]);
  let keyed = CallOptions {
    idempotency_key: Some("k1".into()),
    ..Default::default()
  };
  assert_eq!(
    client(&script)
      .execute(create(), keyed)
      .await
      .unwrap()
      .attempts,
    2
  );
  assert!(script
    .sent
    .lock()
    .unwrap()
    .iter()
    .all(|r| r.headers["idempotency-key"] == "k1"));
}

#[tokio::test]
async fn retry_after_is_waited_for_and_a_long_one_is_not() {
  let script = Script::new(vec![Ok((429, "{}", vec![("retry-after", "0.2")])), OK]);
  let started = Instant::now();
  client(&script)
    .execute(
      organizations::get_organization("1").unwrap(),
      CallOptions::default(),
    )
    .await
    .unwrap();
  assert!(started.elapsed() >= Duration::from_millis(200));

  let script = Script::new(vec![Ok((429, "{}", vec![("retry-after", "3600")]))]);
  let err = client(&script)
    .execute(
      organizations::get_organization("1").unwrap(),
      CallOptions::default(),
    )
    .await;
  let err = err.unwrap_err();
  assert_eq!((err.attempts, err.retry_after_ms), (1, Some(3_600_000)));
}

#[tokio::test]
async fn a_cancelled_call_stops_with_aborted() {
  let script = Script::new(vec![BUSY, BUSY, BUSY]);
  let token = CancellationToken::new();
  token.cancel();
  let options = CallOptions {
    cancel: Some(token),
    ..Default::default()
  };
  let err = client(&script)
    .execute(organizations::get_organization("1").unwrap(), options)
    .await
    .unwrap_err();
  assert_eq!(err.kind, ErrorKind::Aborted);
}

#[tokio::test]
async fn no_api_key_means_nothing_is_sent() {
  let script = Script::new(vec![]);
  let config = ClientConfig::new("http://api.test", None).unwrap();
  let c = Client::new(config, script.clone(), None).unwrap();
  let err = c
    .execute(
      organizations::get_organization("1").unwrap(),
      CallOptions::default(),
    )
    .await
    .unwrap_err();
  assert_eq!(err.kind, ErrorKind::MissingApiKey);
  assert_eq!(script.attempts(), 0);
}

#[tokio::test]
async fn void_operations_return_no_body_and_bodyless_posts_say_length_zero() {
  let script = Script::new(vec![Ok((200, "{}", vec![]))]);
  let request = organizations::discard_organization_invitation("1", "2").unwrap();
  let response = client(&script)
    .execute(request, CallOptions::default())
    .await
    .unwrap();
  assert_eq!(response.body, None);
  let sent = script.sent.lock().unwrap();
  assert_eq!(sent[0].headers["content-length"], "0");
  assert!(sent[0].body.is_none());
}

/// One real request over loopback through reqwest: status line, headers and body.
#[tokio::test]
async fn reqwest_transport_over_loopback() {
  let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
  let addr = listener.local_addr().unwrap();
  let server = tokio::spawn(async move {
    let (mut socket, _) = listener.accept().await.unwrap();
    let mut buf = vec![0u8; 4096];
    let n = socket.read(&mut buf).await.unwrap();
    let body = r#"{"data":[],"has_more":false}"#;
    let reply = format!(
      "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
      body.len()
    );
    socket.write_all(reply.as_bytes()).await.unwrap();
    String::from_utf8_lossy(&buf[..n]).into_owned()
  });
  let transport = Arc::new(ReqwestTransport::new(&TransportOptions::default()).unwrap());
  let config = ClientConfig::new(&format!("http://{addr}/api"), Some("sk_live".into())).unwrap();
  let c = Client::new(config, transport, None).unwrap();
  let query = organizations::ListOrganizationsQuery {
    limit: Some(5),
    ..Default::default()
  };
  let response = c
    .execute(
      organizations::list_organizations(query),
      CallOptions::default(),
    )
    .await
    .unwrap();
  assert_eq!(
    response.body.as_deref(),
    Some(r#"{"data":[],"has_more":false}"#)
  );
  let seen = server.await.unwrap();
  assert!(
    seen.starts_with("GET /api/organizations?limit=5 HTTP/1.1\r\n"),
    "{seen}"
  );
  assert!(seen
    .to_lowercase()
    .contains("authorization: bearer sk_live\r\n"));
}
