//! Our own accept loop (hyper http1 + the axum router) rather than `axum::serve`, so a
//! fault can drop a connection: when the service future returns `Err`, hyper closes the
//! socket without writing a response.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::Router;
use futures::FutureExt;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tower::ServiceExt;

use crate::errors::envelope;
use crate::routes::ADMIN_PREFIX;
use crate::shared::Shared;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// How long `close()` waits for in-flight requests before cutting connections.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(3);

/// Serve until `stop` flips to true, then drain open connections.
pub async fn serve(
  listener: TcpListener,
  shared: Arc<Shared>,
  router: Router,
  mut stop: watch::Receiver<bool>,
) {
  let graceful = GracefulShutdown::new();
  let mut builder = http1::Builder::new();
  builder.keep_alive(true);
  loop {
    tokio::select! {
      _ = stop.changed() => break,
      accepted = listener.accept() => {
        let stream = match accepted {
          Ok((stream, _)) => stream,
          Err(e) => {
            // E.g. too many open files: back off instead of spinning.
            eprintln!("wacht-emulator: accept failed: {e}");
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
          }
        };
        let _ = stream.set_nodelay(true);
        let shared = shared.clone();
        let router = router.clone();
        let svc = service_fn(move |req: Request<Incoming>| handle(shared.clone(), router.clone(), req));
        let conn = graceful.watch(builder.serve_connection(TokioIo::new(stream), svc));
        tokio::spawn(async move {
          // Errors here are client disconnects or deliberate drops.
          let _ = conn.await;
        });
      }
    }
  }
  drop(listener);
  let _ = tokio::time::timeout(DRAIN_TIMEOUT, graceful.shutdown()).await;
}

async fn handle<B>(
  shared: Arc<Shared>,
  router: Router,
  req: Request<B>,
) -> Result<Response<Body>, BoxError>
where
  B: hyper::body::Body<Data = bytes::Bytes> + Send + 'static,
  B::Error: Into<BoxError>,
{
  let path = req.uri().path().to_string();
  if !path.starts_with(ADMIN_PREFIX) {
    if let Some(fault) = shared.faults.take(req.method().as_str(), &path) {
      if let Some(d) = fault.delay() {
        tokio::time::sleep(d).await;
      }
      if fault.drop == Some(true) {
        return Err("fault injection: connection dropped".into());
      }
      if let Some(resp) = fault.response() {
        return Ok(resp);
      }
    }
  }
  // A panicking handler must still answer with the envelope, never hang or reset.
  match AssertUnwindSafe(router.oneshot(req)).catch_unwind().await {
    Ok(Ok(resp)) => Ok(resp),
    Ok(Err(never)) => match never {},
    Err(_) => Ok(envelope(500, "Something went wrong")),
  }
}

#[cfg(test)]
mod tests {
  use super::*;
  use crate::config::EmulatorConfig;
  use crate::faults::FaultSpec;
  use axum::routing::get;

  fn shared() -> Arc<Shared> {
    Arc::new(Shared::open(&EmulatorConfig::default()).unwrap())
  }

  fn get_req(path: &str) -> Request<Body> {
    Request::builder().uri(path).body(Body::empty()).unwrap()
  }

  #[tokio::test]
  async fn panic_becomes_500_envelope() {
    let router = Router::new().route(
      "/boom",
      get(|| async {
        if true {
          panic!("handler bug");
        }
        "unreachable"
      }),
    );
    let resp = handle(shared(), router, get_req("/boom")).await.unwrap();
    assert_eq!(resp.status(), 500);
    let body = http_body_util::BodyExt::collect(resp.into_body())
      .await
      .unwrap()
      .to_bytes();
    assert_eq!(
      &body[..],
      br#"{"errors":[{"message":"Something went wrong","code":500}]}"#
    );
  }

  #[tokio::test]
  async fn drop_fault_is_a_service_error_and_admin_is_exempt() {
    let s = shared();
    s.faults
      .add(FaultSpec {
        drop: Some(true),
        times: Some(2),
        ..Default::default()
      })
      .unwrap();
    let router = Router::new().route("/_emulator/users", get(|| async { "ok" }));
    assert!(
      handle(s.clone(), router.clone(), get_req("/_emulator/users"))
        .await
        .is_ok()
    );
    assert!(handle(s.clone(), router.clone(), get_req("/organizations"))
      .await
      .is_err());
  }
}
