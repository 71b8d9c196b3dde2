//! The auditor's report (`amana report audit`): `verify` runs on the ledger, with the heads and
//! fingerprints the auditor brings, and the report is built from what it found and from the
//! ledger's tables (officers, documents, reversals, entries after the last seal).

use chrono::{DateTime, Utc};

use crate::app::{Ledger, LedgerError};
pub use crate::report::audit::{AuditOptions, AuditReport};
use crate::verify;

/// The auditor's report on `ledger` as of `now` (the report's clock: `report::output::now()`).
/// Its `verify` field is the verification it ran, from which the report's head is made, so
/// the ledger is verified once.
pub fn audit_report(
    ledger: &Ledger,
    options: &AuditOptions,
    now: DateTime<Utc>,
) -> Result<AuditReport, LedgerError> {
    let info = ledger.info()?;
    let verify_options = verify::Options {
        anchors: options.anchors.clone(),
        now_us: None,
        seals: options.seals.clone(),
    };
    let verified = verify::verify_with(ledger.store(), &verify_options)?;
    let checked_at = now.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    Ok(AuditReport::build(
        ledger.store(),
        &info,
        verified,
        options,
        checked_at,
    )?)
}
