//! `startEmulator()` for JS: the local Wacht backend (crates/wacht-emulator) running on
//! napi's tokio runtime. Its sockets are tokio's, so they never keep Node's event loop alive.

use napi::{Error, Result, Status};
use napi_derive::napi;
use serde_json::Value;
use wacht_emulator::{Emulator, EmulatorConfig, FaultSpec, NewUser};

/// Options for `startEmulator()`.
#[napi(object)]
pub struct EmulatorOptions {
  /// Interface to bind. Default `127.0.0.1`.
  pub host: Option<String>,
  /// TCP port; `0` (the default) picks a free port.
  pub port: Option<u32>,
  /// The bearer key clients must send. Default `wacht_emulator_key`.
  pub api_key: Option<String>,
  /// SQLite file that keeps state across restarts. Default: in memory only.
  pub data_file: Option<String>,
  /// Seed three demo users (Ada, Grace, Alan). Default `true`.
  pub seed_users: Option<bool>,
}

fn invalid(msg: impl std::fmt::Display) -> Error {
  Error::new(Status::InvalidArg, msg.to_string())
}

/// Start an emulator and resolve once it is listening.
#[napi]
pub async fn start_emulator(options: Option<EmulatorOptions>) -> Result<EmulatorHandle> {
  let mut config = EmulatorConfig::default();
  if let Some(o) = options {
    if let Some(h) = o.host {
      config.host = h;
    }
    if let Some(p) = o.port {
      config.port = u16::try_from(p).map_err(|_| invalid("port must be between 0 and 65535"))?;
    }
    if let Some(k) = o.api_key {
      config.api_key = k;
    }
    config.data_file = o.data_file.map(Into::into);
    if let Some(s) = o.seed_users {
      config.seed_users = s;
    }
  }
  let emulator = Emulator::start(config).await.map_err(|e| {
    Error::new(
      Status::GenericFailure,
      format!("could not start the Wacht emulator: {e}"),
    )
  })?;
  Ok(EmulatorHandle { emulator })
}

/// A running emulator (the native half of the `testing.js` handle).
#[napi]
pub struct EmulatorHandle {
  emulator: Emulator,
}

#[napi]
impl EmulatorHandle {
  /// Base URL, e.g. `http://127.0.0.1:54321`.
  #[napi(getter)]
  pub fn url(&self) -> String {
    self.emulator.url()
  }

  /// The bearer key the emulator accepts.
  #[napi(getter)]
  pub fn api_key(&self) -> String {
    self.emulator.api_key()
  }

  /// Add a user; returns it (`id`, names, `primary_email_address`, ...).
  #[napi(
    ts_args_type = "user?: Record<string, unknown>",
    ts_return_type = "Record<string, unknown>"
  )]
  pub fn create_user(&self, user: Option<Value>) -> Result<Value> {
    let user: NewUser = match user {
      None | Some(Value::Null) => NewUser::default(),
      Some(v) => serde_json::from_value(v).map_err(|e| invalid(format!("invalid user: {e}")))?,
    };
    self.emulator.create_user(user).map_err(invalid)
  }

  /// `{ data: [user, ...] }`.
  #[napi(ts_return_type = "{ data: Array<Record<string, unknown>> }")]
  pub fn list_users(&self) -> Value {
    self.emulator.list_users()
  }

  /// Register a fault; returns its id.
  #[napi(ts_args_type = "spec: Record<string, unknown>")]
  pub fn add_fault(&self, spec: Value) -> Result<u32> {
    let spec: FaultSpec =
      serde_json::from_value(spec).map_err(|e| invalid(format!("invalid fault: {e}")))?;
    let id = self.emulator.add_fault(spec).map_err(invalid)?;
    u32::try_from(id).map_err(|_| invalid("too many faults"))
  }

  /// Remove one fault before it is used up; false when it was already gone.
  #[napi]
  pub fn remove_fault(&self, id: u32) -> bool {
    self.emulator.remove_fault(u64::from(id))
  }

  #[napi]
  pub fn clear_faults(&self) {
    self.emulator.clear_faults();
  }

  /// Back to the initial state (deployment roles + seeded users), faults cleared.
  #[napi]
  pub fn reset(&self) {
    self.emulator.reset();
  }

  /// Stop the server and flush persistence. Safe to call twice.
  #[napi]
  pub async fn close(&self) {
    self.emulator.close().await;
  }
}
