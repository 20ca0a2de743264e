//! Pieces shared by the integration tests; each test crate takes what it uses.

pub mod pty;
