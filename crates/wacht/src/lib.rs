//! Core of the Wacht organizations client, with no napi in it.
//!
//! Data flows one way: an operation in [`organizations`] describes a [`Request`]; the
//! [`Client`] turns it into HTTP (auth, headers, URL), sends it through a [`Transport`]
//! (reqwest by default), retries what is safe to retry, and returns the body text or an
//! [`Error`] that says what went wrong.

// Errors are rare and carry their context; boxing them would buy nothing measurable.
#![allow(clippy::result_large_err)]

mod client;
mod config;
mod error;
mod events;
mod multipart;
pub mod organizations;
mod path;
mod request;
mod reqwest_transport;
mod retry;
mod secret;
mod transport;

pub use client::{CallOptions, Client, Response};
pub use config::{ClientConfig, ConfigError, DEFAULT_BASE_URL, DEFAULT_TIMEOUT};
pub use error::{Error, ErrorKind};
pub use events::{Event, EventSink};
pub use multipart::{FilePart, Form};
pub use path::PathError;
pub use request::{Body, Expect, Idempotency, Request};
pub use reqwest_transport::{ProxySettings, ReqwestTransport, TransportOptions};
pub use retry::RetryPolicy;
pub use secret::ApiKey;
pub use tokio_util::sync::CancellationToken;
pub use transport::{HttpRequest, HttpResponse, Transport, TransportError, TransportErrorKind};
