//! A core error crosses to JS as an Error whose message is the error as JSON; the JS
//! layer (lib/errors.js) turns it into the matching error class in the caller's realm,
//! which is what keeps `instanceof` true inside Jest's per-file sandboxes.

pub fn to_json(error: &wacht::Error) -> String {
  serde_json::to_string(error).unwrap_or_else(|_| {
    r#"{"kind":"invalid_response","message":"error could not be encoded","attempts":0}"#.to_string()
  })
}
