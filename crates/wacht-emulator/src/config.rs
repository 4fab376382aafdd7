//! Emulator start-up options.

use std::path::PathBuf;

/// How to start an [`crate::Emulator`].
#[derive(Debug, Clone)]
pub struct EmulatorConfig {
  /// Interface to bind. Default `127.0.0.1`.
  pub host: String,
  /// TCP port; `0` picks any free port.
  pub port: u16,
  /// The bearer key clients must send. Default `wacht_emulator_key`.
  pub api_key: String,
  /// SQLite file that keeps state across restarts; `None` keeps everything in memory.
  pub data_file: Option<PathBuf>,
  /// Seed a few demo users (Ada, Grace, Alan) so members can be added at once.
  pub seed_users: bool,
}

impl Default for EmulatorConfig {
  fn default() -> Self {
    EmulatorConfig {
      host: "127.0.0.1".to_string(),
      port: 0,
      api_key: "wacht_emulator_key".to_string(),
      data_file: None,
      seed_users: true,
    }
  }
}
