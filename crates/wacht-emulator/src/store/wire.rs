//! `serialize_with` helpers for the view structs: ids as JSON strings (wire-spec §2.1)
//! and timestamps in the fixed RFC 3339 format, written without temporary `String`s.

use chrono::{DateTime, Utc};
use serde::Serializer;

use crate::ids::Stamp;

pub fn id<S: Serializer>(v: &i64, s: S) -> Result<S::Ok, S::Error> {
  s.collect_str(v)
}

pub fn opt_id<S: Serializer>(v: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
  match v {
    Some(v) => s.collect_str(v),
    None => s.serialize_none(),
  }
}

pub fn ts<S: Serializer>(t: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
  s.serialize_str(Stamp::new(t).as_str())
}

pub fn opt_ts<S: Serializer>(t: &Option<DateTime<Utc>>, s: S) -> Result<S::Ok, S::Error> {
  match t {
    Some(t) => ts(t, s),
    None => s.serialize_none(),
  }
}
