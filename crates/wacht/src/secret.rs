use std::fmt;

/// The API key. Its `Debug` and `Display` never print the key, so it cannot leak through
/// logs, panics or error messages by accident.
#[derive(Clone, Default)]
pub struct ApiKey(Option<String>);

impl ApiKey {
  pub fn new(key: Option<String>) -> Self {
    ApiKey(key.filter(|k| !k.is_empty()))
  }

  /// The key, when one was configured and is not empty.
  pub fn expose(&self) -> Option<&str> {
    self.0.as_deref()
  }

  pub fn is_set(&self) -> bool {
    self.0.is_some()
  }
}

impl fmt::Debug for ApiKey {
  fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    f.write_str(if self.is_set() {
      "ApiKey([redacted])"
    } else {
      "ApiKey(unset)"
    })
  }
}

#[cfg(test)]
mod tests {
  use super::*;

  #[test]
  fn debug_never_shows_the_key() {
    let key = ApiKey::new(Some("sk_live_secret".into()));
    assert_eq!(format!("{key:?}"), "ApiKey([redacted])");
    assert_eq!(key.expose(), Some("sk_live_secret"));
  }

  #[test]
  fn empty_key_counts_as_unset() {
    assert!(!ApiKey::new(Some(String::new())).is_set());
    assert!(!ApiKey::new(None).is_set());
  }
}
