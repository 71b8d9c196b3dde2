//! amana: a financial governance ledger for small associations.
//!
//! ```text
//!   cli/ (the binary: main.rs, cli/)  clap → typed requests → app → printed results, exit codes
//!    │
//!    ▼
//!   app/      the application service, one file per family of actions (setup, record, import,
//!    │        seal, close, decisions, receipts, bundle, backup, ...); typed refusals (error/)
//!    ├──────────────▶ report/   listing models (serde) and their renderings
//!    ▼
//!   verify/   one pass: chain, rules, projection, receipts; audit bundles; typed findings
//!    │
//!    ▼
//!   store/    SQLite only: migrations, the one write seam, queries, ToSql/FromSql for the domain
//!    │
//!    ▼
//!   rules/    the book: one rule engine for writing and for verifying, split by concern
//!    │        (registry, entries, periods, governance, totals, sequence), typed rule errors
//!    ▼
//!   chain/    records, their canonical bytes (CHAIN.md), hashes, Merkle trees, signing domains
//!    │
//!    ▼
//!   domain/   pure values: Money (amount + currency: rounds and allocates), ids, text, entries
//!
//!   formats/  pure bytes ↔ domain (the journal CSV, charts, the bundle's files)
//!   files/    the receipt store, key files, outputs that never overwrite, confined paths
//! ```
//!
//! Dependencies point down (formats and files sit just above chain); no module reaches up, so
//! there is no cycle. `tests/suite/layers.rs` reads the sources and fails on any use that goes
//! the wrong way.
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
