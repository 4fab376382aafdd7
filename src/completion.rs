//! Settles call promises through one thread-safe function per client.
//!
//! napi-rs's `spawn_future` makes a thread-safe function (a libuv async handle) for every
//! promise, so every response costs its own handle setup, wake-up and teardown on the event
//! loop. Here each client owns one: tokio tasks queue their outcome on it, and Node drains
//! the queue in one wake-up however many calls finished. It holds the event loop only while
//! calls are pending, so an idle client never keeps Node alive.

use std::ffi::c_void;
use std::future::Future;
use std::os::raw::c_char;
use std::panic::AssertUnwindSafe;
use std::ptr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};

use futures::FutureExt;
use napi::bindgen_prelude::PromiseRaw;
use napi::sys;
use napi::{check_status, Env, Result};

/// What a call ends with: body text (or nothing), or the core's error.
pub type Outcome = std::result::Result<Option<String>, wacht::Error>;

struct Shared {
  tsfn: sys::napi_threadsafe_function,
  /// False once Node has destroyed the thread-safe function (at exit it does so whether or
  /// not it was released); held for reading around every use of `tsfn` off the JS thread.
  alive: Arc<RwLock<bool>>,
  /// Calls not yet settled; touched only on the JS thread.
  pending: AtomicUsize,
}

// The raw handle is only used through napi functions documented as thread-safe (call,
// release) off the JS thread, under `alive`; ref/unref happen on the JS thread.
unsafe impl Send for Shared {}
unsafe impl Sync for Shared {}

impl Shared {
  /// Runs `use_tsfn` unless Node already destroyed the thread-safe function.
  fn with_live_tsfn(
    &self,
    use_tsfn: impl FnOnce(sys::napi_threadsafe_function) -> sys::napi_status,
  ) -> bool {
    let alive = self.alive.read().unwrap_or_else(|e| e.into_inner());
    *alive && use_tsfn(self.tsfn) == sys::Status::napi_ok
  }
}

impl Drop for Shared {
  fn drop(&mut self) {
    self.with_live_tsfn(|tsfn| unsafe {
      sys::napi_release_threadsafe_function(tsfn, sys::ThreadsafeFunctionReleaseMode::release)
    });
  }
}

/// Node destroyed the thread-safe function (released, or the environment is exiting).
unsafe extern "C" fn destroyed(_env: sys::napi_env, data: *mut c_void, _hint: *mut c_void) {
  let alive = unsafe { Arc::from_raw(data.cast::<RwLock<bool>>()) };
  *alive.write().unwrap_or_else(|e| e.into_inner()) = false;
}

struct Completion {
  deferred: sys::napi_deferred,
  outcome: Outcome,
  shared: Arc<Shared>,
}

// The deferred is only touched on the JS thread, in `settle`.
unsafe impl Send for Completion {}

pub struct Completer {
  shared: Arc<Shared>,
}

impl Completer {
  pub fn new(env: &Env) -> Result<Self> {
    let raw = env.raw();
    let mut name = ptr::null_mut();
    let label = "wacht:completions";
    check_status!(unsafe {
      sys::napi_create_string_utf8(
        raw,
        label.as_ptr() as *const c_char,
        label.len() as isize,
        &mut name,
      )
    })?;
    let mut tsfn = ptr::null_mut();
    let alive = Arc::new(RwLock::new(true));
    let finalize_data = Arc::into_raw(alive.clone()) as *mut c_void;
    let status = unsafe {
      sys::napi_create_threadsafe_function(
        raw,
        ptr::null_mut(),
        ptr::null_mut(),
        name,
        0,
        1,
        finalize_data,
        Some(destroyed),
        ptr::null_mut(),
        Some(settle),
        &mut tsfn,
      )
    };
    if status != sys::Status::napi_ok {
      drop(unsafe { Arc::from_raw(finalize_data.cast::<RwLock<bool>>()) });
      check_status!(status)?;
    }
    let shared = Arc::new(Shared {
      tsfn,
      alive,
      pending: AtomicUsize::new(0),
    });
    check_status!(unsafe { sys::napi_unref_threadsafe_function(raw, tsfn) })?;
    Ok(Completer { shared })
  }

  /// A promise for `work`, which runs on napi's tokio runtime. A panic in `work` rejects
  /// the promise like any error.
  pub fn run<'env, F>(&self, env: &'env Env, work: F) -> Result<PromiseRaw<'env, Option<String>>>
  where
    F: Future<Output = Outcome> + Send + 'static,
  {
    let raw = env.raw();
    let (mut deferred, mut promise) = (ptr::null_mut(), ptr::null_mut());
    check_status!(unsafe { sys::napi_create_promise(raw, &mut deferred, &mut promise) })?;
    if self.shared.pending.fetch_add(1, Ordering::Relaxed) == 0 {
      // The first pending call keeps the event loop alive until it settles.
      check_status!(unsafe { sys::napi_ref_threadsafe_function(raw, self.shared.tsfn) })?;
    }
    let shared = self.shared.clone();
    let deferred = SendDeferred(deferred);
    napi::bindgen_prelude::spawn(async move {
      let deferred = deferred;
      let outcome = AssertUnwindSafe(work)
        .catch_unwind()
        .await
        .unwrap_or_else(|panic| Err(panic_error(panic)));
      let keep = shared.clone();
      let completion = Box::into_raw(Box::new(Completion {
        deferred: deferred.0,
        outcome,
        shared,
      }));
      let queued = keep.with_live_tsfn(|tsfn| unsafe {
        sys::napi_call_threadsafe_function(
          tsfn,
          completion.cast(),
          sys::ThreadsafeFunctionCallMode::nonblocking,
        )
      });
      if !queued {
        // Node is shutting down: there is no promise left to settle.
        drop(unsafe { Box::from_raw(completion) });
      }
    });
    Ok(PromiseRaw::new(raw, promise))
  }
}

struct SendDeferred(sys::napi_deferred);
unsafe impl Send for SendDeferred {}

fn panic_error(panic: Box<dyn std::any::Any + Send>) -> wacht::Error {
  let reason = panic
    .downcast_ref::<&str>()
    .map(|s| s.to_string())
    .or_else(|| panic.downcast_ref::<String>().cloned())
    .unwrap_or_else(|| "unknown panic".into());
  wacht::Error::new(
    wacht::ErrorKind::InvalidResponse,
    format!("internal error in the native client (panic: {reason})"),
  )
}

/// Runs on the JS thread for each finished call.
unsafe extern "C" fn settle(
  env: sys::napi_env,
  _js_callback: sys::napi_value,
  _context: *mut c_void,
  data: *mut c_void,
) {
  if data.is_null() {
    return;
  }
  let completion = unsafe { Box::from_raw(data.cast::<Completion>()) };
  if env.is_null() {
    return; // the environment is being torn down
  }
  let Completion {
    deferred,
    outcome,
    shared,
  } = *completion;
  unsafe {
    match outcome {
      Ok(Some(text)) => sys::napi_resolve_deferred(env, deferred, js_string(env, &text)),
      Ok(None) => {
        let mut undefined = ptr::null_mut();
        sys::napi_get_undefined(env, &mut undefined);
        sys::napi_resolve_deferred(env, deferred, undefined)
      }
      Err(error) => {
        let mut js_error = ptr::null_mut();
        sys::napi_create_error(
          env,
          ptr::null_mut(),
          js_string(env, &crate::errors::to_json(&error)),
          &mut js_error,
        );
        sys::napi_reject_deferred(env, deferred, js_error)
      }
    };
    if shared.pending.fetch_sub(1, Ordering::Relaxed) == 1 {
      sys::napi_unref_threadsafe_function(env, shared.tsfn);
    }
  }
}

/// ASCII (nearly every JSON body) goes in as Latin-1: a plain copy, no UTF-8 decoding.
unsafe fn js_string(env: sys::napi_env, text: &str) -> sys::napi_value {
  let mut value = ptr::null_mut();
  let (ptr, len) = (text.as_ptr() as *const c_char, text.len() as isize);
  unsafe {
    if text.is_ascii() {
      sys::napi_create_string_latin1(env, ptr, len, &mut value);
    } else {
      sys::napi_create_string_utf8(env, ptr, len, &mut value);
    }
  }
  value
}
