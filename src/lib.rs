#![deny(clippy::all)]
//! The napi binding: converts JS values once, hands them to the core (`crates/wacht`),
//! and gives back body text for JS to `JSON.parse`. It builds no URLs and parses no HTTP.

mod cancel;
mod client;
mod emulator;
mod errors;
mod events;
mod fetch_transport;
mod options;
