//! amana: a financial governance ledger for small associations.
//!
//! ```text
//!   cli (src/main.rs, src/cli.rs): clap → typed requests → printed results, exit codes
//!    │
//!    ▼
//!   application: ledger (record, import), trust (seals, closing, receipts), decisions
//!   (officers' decisions, signing), amendments, bundle, backup, signatures, demo
//!    │            │              │                 │
//!    ▼            ▼              ▼                 ▼
//!   book        store ─────▶  chain            report ──▶ render (tables, CSV; JSON = model)
//!   (rules;     (SQLite,      (canonical        (balance, journal, log, lists)
//!   governance:  projection)   bytes, hashes)
//!   officers)                                     verify: chain + rules + projection, one pass
//!    ▲
//!    └── import (CSV → entries), charts, formats (the bundle's files), files (paths and
//!        outputs), receipts, staging, keys ──▶ domain ◀── everyone
//! ```
//!
//! No module reaches up: there is no cycle between them.
//!
//! The chain (the `log` table) is the truth: every change is one appended, hash-linked entry
//! whose canonical bytes are specified in `schema/CHAIN.md`. Every other table is a projection
//! of it, written in the same SQLite transaction, and re-derived by [`verify`]. Amounts are
//! integer minor units behind [`domain::Minor`], parsed exactly from decimal text.

#![forbid(unsafe_code)]
#![deny(clippy::float_arithmetic)]

pub mod app;
pub mod chain;
pub mod domain;
pub mod files;
pub mod formats;
pub mod report;
pub mod rules;
pub mod store;
pub mod verify;
