//! The napi binding: converts JS values once, hands them to the core (`crates/wacht`),
//! and gives back body text for JS to `JSON.parse`. It builds no URLs and parses no HTTP.
#![deny(clippy::all)]
// Core errors are rare and carry their context; boxing them would buy nothing measurable.
#![allow(clippy::result_large_err)]

mod cancel;
mod client;
mod completion;
// `pub` so that `cargo clippy --all-targets` (a test build) sees the napi exports as used.
pub mod emulator;
mod errors;
mod events;
mod fetch_transport;
mod options;

/// Panics on purpose, inside the async runtime, so the tests can show that a Rust panic
/// rejects the promise and leaves the Node process running. Not part of the public API.
#[napi_derive::napi(js_name = "__panicForTests")]
pub async fn panic_for_tests() -> napi::Result<()> {
  panic!("deliberate panic for the test suite");
}
