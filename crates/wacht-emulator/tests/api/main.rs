//! HTTP tests of the emulator over real sockets (one test binary, one module per area).

mod common;
mod errors;
mod faults;
mod golden;
mod invitations;
mod members;
mod organizations;
mod persistence;
mod roles;
