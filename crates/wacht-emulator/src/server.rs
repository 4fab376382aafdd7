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
        let svc = service_fn(move |req| handle(shared.clone(), router.clone(), req));
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

async fn handle(
  shared: Arc<Shared>,
  router: Router,
  req: Request<Incoming>,
) -> Result<Response<Body>, BoxError> {
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
