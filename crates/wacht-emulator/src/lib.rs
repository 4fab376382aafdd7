//! A stateful local emulator of the Wacht backend's organizations API.
//!
//! It follows the real server's wire behaviour (routes at the root, 200 + JSON on
//! success, the `{"errors":[...]}` envelope, Sonyflake-like string ids, pagination,
//! sorting and cascades) and adds test controls: seeded users, fault injection and
//! optional SQLite persistence. See `wire-spec.md` §3 and §4.1.

mod config;
mod error;
mod errors;
mod faults;
mod ids;
mod persist;
mod routes;
mod server;
mod shared;
mod store;

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use parking_lot::Mutex;
use serde_json::Value;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub use config::EmulatorConfig;
pub use error::EmulatorError;
pub use faults::FaultSpec;
pub use store::models::NewUser;

use shared::Shared;

/// A running emulator. Cheap to clone; all clones control the same server.
#[derive(Clone)]
pub struct Emulator {
  inner: Arc<Inner>,
}

struct Inner {
  shared: Arc<Shared>,
  addr: SocketAddr,
  stop: watch::Sender<bool>,
  task: Mutex<Option<JoinHandle<()>>>,
}

impl Emulator {
  /// Bind and start serving on the current tokio runtime.
  pub async fn start(config: EmulatorConfig) -> Result<Emulator, EmulatorError> {
    let shared = Arc::new(Shared::open(&config)?);
    let bind = format!("{}:{}", config.host, config.port);
    let listener = TcpListener::bind(&bind)
      .await
      .map_err(|source| EmulatorError::Bind {
        addr: bind.clone(),
        source,
      })?;
    let addr = listener
      .local_addr()
      .map_err(|source| EmulatorError::Bind { addr: bind, source })?;
    let (stop, stop_rx) = watch::channel(false);
    let router = routes::router(shared.clone());
    let task = tokio::spawn(server::serve(listener, shared.clone(), router, stop_rx));
    Ok(Emulator {
      inner: Arc::new(Inner {
        shared,
        addr,
        stop,
        task: Mutex::new(Some(task)),
      }),
    })
  }

  /// Base URL, e.g. `http://127.0.0.1:8787` (no trailing slash, no path).
  /// Bound to all interfaces (`0.0.0.0` / `::`), it names the loopback address, which
  /// is what a local client can always reach.
  pub fn url(&self) -> String {
    let addr = self.inner.addr;
    let ip = match addr.ip() {
      IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
      IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
      ip => ip,
    };
    match ip {
      IpAddr::V6(ip) => format!("http://[{ip}]:{}", addr.port()),
      IpAddr::V4(ip) => format!("http://{ip}:{}", addr.port()),
    }
  }

  pub fn port(&self) -> u16 {
    self.inner.addr.port()
  }

  pub fn api_key(&self) -> String {
    self.inner.shared.api_key.clone()
  }

  /// Add a user that organizations can then take as a member. Returns the user JSON.
  pub fn create_user(&self, user: NewUser) -> Result<Value, EmulatorError> {
    self
      .inner
      .shared
      .write(|st| {
        Ok(store::views::value(store::views::user(
          &st.insert_user(user),
        )))
      })
      .map_err(|e| EmulatorError::Invalid(e.message))
  }

  /// `{"data":[user, ...]}`.
  pub fn list_users(&self) -> Value {
    self.inner.shared.read(|st| st.users_json())
  }

  /// Register a fault; returns its id.
  pub fn add_fault(&self, fault: FaultSpec) -> Result<u64, EmulatorError> {
    self.inner.shared.faults.add(fault)
  }

  /// Remove one fault before it is used up; false when it was already gone.
  pub fn remove_fault(&self, id: u64) -> bool {
    self.inner.shared.faults.remove(id)
  }

  pub fn clear_faults(&self) {
    self.inner.shared.faults.clear();
  }

  /// Back to the initial state (deployment roles + seeded users) with no faults.
  pub fn reset(&self) {
    let _ = self.inner.shared.reset();
  }

  /// Stop accepting, drain connections, and flush persistence. Idempotent.
  pub async fn close(&self) {
    let task = self.inner.task.lock().take();
    let Some(task) = task else { return };
    let _ = self.inner.stop.send(true);
    let _ = task.await;
    self.inner.shared.close_persistence();
  }
}
