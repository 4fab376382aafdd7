//! State shared by the server tasks and the `Emulator` handle: one read/write lock
//! around all data (no lost updates, no torn reads; concurrent GETs do not queue)
//! plus the persistence connection, which is only touched while the data is
//! write-locked, so each mutation stays atomic with its persistence write.

use parking_lot::{Mutex, RwLock};
use serde_json::Value;

use crate::config::EmulatorConfig;
use crate::error::EmulatorError;
use crate::errors::{ApiError, ApiResult};
use crate::faults::Faults;
use crate::persist::Persist;
use crate::store::State;

pub struct Shared {
  pub api_key: String,
  pub seed_users: bool,
  pub faults: Faults,
  /// Lock order: `state` before `db`.
  state: RwLock<State>,
  /// A separate lock because a SQLite connection is `Send` but not `Sync`.
  db: Mutex<Option<Persist>>,
}

impl Shared {
  /// Build the initial state, loading the data file when there is one.
  pub fn open(config: &EmulatorConfig) -> Result<Shared, EmulatorError> {
    let (state, db) = match &config.data_file {
      None => (State::initial(config.seed_users), None),
      Some(path) => {
        let mut db = Persist::open(path)?;
        let mut state = State::empty();
        if !db.load(&mut state)? {
          state.seed(config.seed_users);
          let rows = state.take_dirty();
          db.write(&state, &rows, false)?;
        }
        (state, Some(db))
      }
    };
    Ok(Shared {
      api_key: config.api_key.clone(),
      seed_users: config.seed_users,
      faults: Faults::default(),
      state: RwLock::new(state),
      db: Mutex::new(db),
    })
  }

  pub fn read<T>(&self, f: impl FnOnce(&State) -> T) -> T {
    f(&self.state.read())
  }

  /// Run a mutation and persist the rows it changed before releasing the lock.
  pub fn write<T>(&self, f: impl FnOnce(&mut State) -> ApiResult<T>) -> ApiResult<T> {
    let mut state = self.state.write();
    let out = f(&mut state);
    let rows = state.take_dirty();
    if let (Some(db), false) = (self.db.lock().as_mut(), rows.is_empty()) {
      if let Err(e) = db.write(&state, &rows, false) {
        eprintln!("wacht-emulator: could not persist a change: {e}");
        return Err(ApiError::internal());
      }
    }
    out
  }

  /// Back to the initial state: deployment roles and seeded users only.
  pub fn reset(&self) -> ApiResult<Value> {
    self.faults.clear();
    let mut state = self.state.write();
    let mut fresh = State::empty();
    // Keep ids increasing across a reset.
    fresh.ids.restore_counter(state.ids.counter());
    fresh.seed(self.seed_users);
    fresh.take_dirty();
    *state = fresh;
    if let Some(db) = self.db.lock().as_mut() {
      let rows = state.all_rows();
      db.write(&state, &rows, true).map_err(|e| {
        eprintln!("wacht-emulator: could not persist a reset: {e}");
        ApiError::internal()
      })?;
    }
    Ok(serde_json::json!({}))
  }

  /// Checkpoint and close the data file. Later changes stay in memory only.
  pub fn close_persistence(&self) {
    let db = self.db.lock().take();
    if let Some(db) = db {
      if let Err(e) = db.checkpoint() {
        eprintln!("wacht-emulator: checkpoint failed: {e}");
      }
    }
  }
}
