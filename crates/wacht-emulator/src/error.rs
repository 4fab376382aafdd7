//! Errors of the emulator's Rust API (not HTTP errors; those are in `errors.rs`).

/// Why an emulator operation failed.
#[derive(Debug, thiserror::Error)]
pub enum EmulatorError {
  /// Binding the listening socket failed.
  #[error("could not bind {addr}: {source}")]
  Bind {
    addr: String,
    source: std::io::Error,
  },
  /// The persistence file could not be opened, read or written.
  #[error("persistence error: {0}")]
  Persist(#[from] rusqlite::Error),
  /// A persisted row could not be decoded.
  #[error("corrupt persisted data: {0}")]
  Corrupt(String),
  /// An argument (user, fault spec, ...) was invalid.
  #[error("invalid argument: {0}")]
  Invalid(String),
}
