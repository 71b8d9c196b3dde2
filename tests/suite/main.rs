//! amana's integration tests, one binary: each module is what was once a test file of its own
//! (a suite of the real binary on real SQLite files, or of the library's public API). One
//! binary links once and runs every test on the same pool of threads, instead of 25 binaries
//! run one after another; run a part with `cargo test --test suite MODULE::`.

mod amendments;
mod annual_report;
mod assets;
mod backup;
mod bank;
mod books;
mod browser;
mod bundle;
mod bundle_tamper;
mod chain_vectors;
mod charging;
mod cli;
mod common;
mod csv_safety;
mod currency;
mod durability;
mod export_books;
mod export_iati;
mod funder_report;
mod funds;
mod fuzz;
mod golden;
mod governance;
mod guards;
mod hardening;
mod hledger;
mod import;
mod import_books;
mod layers;
mod legacy;
mod load;
mod member_receipts;
mod messages_i18n;
mod periods;
mod properties;
mod python_verifier;
mod remote_signing;
mod reports;
mod rules_replay;
mod seals;
mod sources;
mod sources_verify;
mod spreadsheet;
mod statements;
mod tamper;
mod totals;
// The auditor's report and the member's printed receipt (issue 9, part D).
mod audit_report;
mod receipt_print;
