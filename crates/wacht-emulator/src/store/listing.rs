//! What the list endpoints share with the real SQL: LIMIT/OFFSET with has_more,
//! `ILIKE '%term%'` search, and Postgres' ordering of NULLs.

use std::cmp::Ordering;

use crate::errors::{ApiError, ApiResult};

/// Does `text` match `%term%`? Case-insensitive; `%` and `_` in the term stay wildcards
/// (the real server does not escape them).
pub fn ilike_contains(text: &str, term: &str) -> bool {
  let text: Vec<char> = text.to_lowercase().chars().collect();
  let mut pat: Vec<char> = vec!['%'];
  pat.extend(term.to_lowercase().chars());
  pat.push('%');
  like(&text, &pat)
}

/// Classic wildcard matching: `%` = any run, `_` = any one char (greedy with backtrack).
fn like(text: &[char], pat: &[char]) -> bool {
  let (mut t, mut p) = (0, 0);
  let mut star: Option<(usize, usize)> = None;
  while t < text.len() {
    if p < pat.len() && (pat[p] == '_' || (pat[p] != '%' && pat[p] == text[t])) {
      t += 1;
      p += 1;
    } else if p < pat.len() && pat[p] == '%' {
      star = Some((p, t));
      p += 1;
    } else if let Some((sp, st)) = star {
      p = sp + 1;
      t = st + 1;
      star = Some((sp, st + 1));
    } else {
      return false;
    }
  }
  pat[p..].iter().all(|c| *c == '%')
}

/// Apply limit/offset with has_more via limit+1, mirroring the real SQL (wire-spec §3.7).
pub fn paginate<T>(items: Vec<T>, limit: i32, offset: i64) -> ApiResult<(Vec<T>, bool)> {
  // Postgres rejects a negative OFFSET and a LIMIT below zero (limit+1 < 0): 500.
  if offset < 0 || limit < -1 {
    return Err(ApiError::internal());
  }
  let fetch = (limit as i64 + 1) as usize;
  let mut page: Vec<T> = items
    .into_iter()
    .skip(offset as usize)
    .take(fetch)
    .collect();
  let has_more = page.len() as i64 > limit as i64;
  page.truncate(limit.max(0) as usize);
  Ok((page, has_more))
}

/// Postgres ordering of nullable text: NULLs sort after every value ascending.
pub fn cmp_nullable(a: Option<&str>, b: Option<&str>) -> Ordering {
  match (a, b) {
    (Some(x), Some(y)) => x.cmp(y),
    (None, None) => Ordering::Equal,
    (None, Some(_)) => Ordering::Greater,
    (Some(_), None) => Ordering::Less,
  }
}

#[cfg(test)]
mod tests {
  use super::ilike_contains;

  #[test]
  fn substring_and_wildcards() {
    assert!(ilike_contains("Acme Corp", "ACME"));
    assert!(ilike_contains("Acme Corp", "me c"));
    assert!(!ilike_contains("Acme Corp", "acme inc"));
    assert!(ilike_contains("Acme Corp", "a%p"));
    assert!(ilike_contains("Acme Corp", "ac_e"));
    assert!(!ilike_contains("Acme", "ac__e"));
    assert!(ilike_contains("anything", "%"));
    assert!(ilike_contains("", ""));
  }
}
