//! The emulator's data: records, the locked state, and the mutations the routes call.

pub mod dto;
mod invitations;
mod listing;
mod members;
pub mod models;
mod orgs;
mod roles;
pub mod state;
pub mod views;
mod wire;

pub use state::{Kind, State};
