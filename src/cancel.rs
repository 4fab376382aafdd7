use napi_derive::napi;
use tokio_util::sync::CancellationToken;

/// Cancels the calls it is passed to. The JS layer makes one per call that has an
/// `AbortSignal` and calls `cancel()` from the signal's abort listener; cancelling drops
/// the in-flight request in Rust, so no work continues after the promise settles.
#[napi]
pub struct CancelToken {
  pub(crate) token: CancellationToken,
}

#[napi]
impl CancelToken {
  #[napi(constructor)]
  #[allow(clippy::new_without_default)]
  pub fn new() -> Self {
    CancelToken {
      token: CancellationToken::new(),
    }
  }

  #[napi]
  pub fn cancel(&self) {
    self.token.cancel();
  }
}
