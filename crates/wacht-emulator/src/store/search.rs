//! `ILIKE '%term%'` as Postgres evaluates it: case-insensitive, and `%` / `_` in the
//! term stay wildcards (the real server does not escape them).

/// Does `text` match `%term%`? Both are compared lowercased.
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
