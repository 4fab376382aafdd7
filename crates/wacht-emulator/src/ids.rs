//! Sonyflake-like ids: `(10 ms ticks since 2025-01-01) << 24 | seq << 16 | machine`.
//! Real Wacht ids look like this (17 decimal digits), so clients that assume
//! "numeric string larger than 2^53" are exercised.

use chrono::{DateTime, Utc};

/// 2025-01-01T00:00:00Z in milliseconds, the Wacht Sonyflake epoch.
const EPOCH_MS: i64 = 1_735_689_600_000;

#[derive(Debug)]
pub struct IdGen {
  machine: i64,
  /// `ticks << 8 | seq` of the last id handed out; never goes backwards.
  last: i64,
}

impl IdGen {
  pub fn new() -> Self {
    IdGen {
      machine: rand::random::<u16>() as i64,
      last: 0,
    }
  }

  /// Never hand out an id at or below one that already exists (e.g. after loading a data file).
  pub fn observe(&mut self, id: i64) {
    self.last = self.last.max(id >> 16);
  }

  /// The `ticks << 8 | seq` counter, persisted so ids never repeat across restarts.
  pub fn counter(&self) -> i64 {
    self.last
  }

  pub fn restore_counter(&mut self, counter: i64) {
    self.last = self.last.max(counter);
  }

  pub fn next(&mut self) -> i64 {
    let ticks = (Utc::now().timestamp_millis() - EPOCH_MS).max(0) / 10;
    // Same tick: bump the sequence; sequence overflow just borrows the next tick.
    let counter = (ticks << 8).max(self.last + 1);
    self.last = counter;
    counter << 16 | self.machine
  }
}

impl Default for IdGen {
  fn default() -> Self {
    Self::new()
  }
}

/// Current time truncated to microseconds, like Postgres stores it.
pub fn now() -> DateTime<Utc> {
  let t = Utc::now();
  DateTime::from_timestamp_micros(t.timestamp_micros()).unwrap_or(t)
}

/// RFC 3339, UTC `Z`, always 6 fractional digits.
pub fn ts(t: &DateTime<Utc>) -> String {
  t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn ids_increase_and_are_long_decimals() {
    let mut g = IdGen::new();
    let mut prev = 0;
    for _ in 0..10_000 {
      let id = g.next();
      assert!(id > prev);
      // 17 digits until late 2026, 18 after: the real layout, not a fixed width.
      assert!((17..=18).contains(&id.to_string().len()));
      prev = id;
    }
  }

  #[test]
  fn observe_keeps_ids_above_loaded_ones() {
    let mut g = IdGen::new();
    let far = (1_i64 << 50) | 7;
    g.observe(far);
    assert!(g.next() > far);
  }

  #[test]
  fn timestamps_have_micros_and_z() {
    let s = ts(&now());
    assert!(s.ends_with('Z'));
    assert_eq!(s.split('.').nth(1).unwrap().len(), 7);
  }
}
