//! Sonyflake-like ids: `(10 ms ticks since 2025-01-01) << 24 | seq << 16 | machine`.
//! Real Wacht ids look like this (17 decimal digits), so clients that assume
//! "numeric string larger than 2^53" are exercised.

use chrono::{DateTime, Datelike, Timelike, Utc};

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

/// The chrono pattern `Stamp` reproduces (and falls back to outside its fast path).
const TS_FORMAT: &str = "%Y-%m-%dT%H:%M:%S%.6fZ";

/// A timestamp in wire format (RFC 3339, UTC `Z`, always 6 fractional digits),
/// formatted on the stack, e.g. `2026-06-29T10:20:30.123456Z`.
/// Digits are written directly: chrono's `format` parses its pattern on every call,
/// which was a tenth of the list endpoints' time.
pub enum Stamp {
  Fast([u8; 27]),
  /// Years outside 0..=9999 or a leap second: chrono's own output.
  Slow(String),
}

impl Stamp {
  pub fn new(t: &DateTime<Utc>) -> Stamp {
    let year = t.year();
    let nanos = t.nanosecond();
    if !(0..=9999).contains(&year) || nanos >= 1_000_000_000 {
      return Stamp::Slow(t.format(TS_FORMAT).to_string());
    }
    let mut b = *b"0000-00-00T00:00:00.000000Z";
    digits(&mut b[0..4], year as u32);
    digits(&mut b[5..7], t.month());
    digits(&mut b[8..10], t.day());
    digits(&mut b[11..13], t.hour());
    digits(&mut b[14..16], t.minute());
    digits(&mut b[17..19], t.second());
    digits(&mut b[20..26], nanos / 1_000);
    Stamp::Fast(b)
  }

  pub fn as_str(&self) -> &str {
    match self {
      // Only ASCII digits and separators are ever written.
      Stamp::Fast(b) => std::str::from_utf8(b).unwrap_or_default(),
      Stamp::Slow(s) => s,
    }
  }
}

/// Write `v` zero-padded into all of `out` (right-aligned).
fn digits(out: &mut [u8], mut v: u32) {
  for slot in out.iter_mut().rev() {
    *slot = b'0' + (v % 10) as u8;
    v /= 10;
  }
}

#[cfg(test)]
mod tests {
  use super::*;

  fn ts(t: &DateTime<Utc>) -> String {
    Stamp::new(t).as_str().to_owned()
  }

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

  #[test]
  fn stamp_matches_chrono() {
    let cases = [
      now(),
      DateTime::from_timestamp_micros(0).unwrap(),
      DateTime::from_timestamp_micros(1_782_728_430_123_456).unwrap(),
      DateTime::from_timestamp_micros(1_782_728_430_000_007).unwrap(),
      DateTime::from_timestamp_micros(253_402_300_799_999_999).unwrap(),
      DateTime::from_timestamp_micros(-62_135_596_800_000_000).unwrap(),
      DateTime::from_timestamp(1_782_728_430, 123_456_789).unwrap(),
    ];
    for t in cases {
      assert_eq!(ts(&t), t.format(TS_FORMAT).to_string());
    }
    // Outside the fast path: chrono's output.
    let far = DateTime::from_timestamp_micros(253_402_300_800_000_000).unwrap();
    assert_eq!(ts(&far), far.format(TS_FORMAT).to_string());
  }
}
