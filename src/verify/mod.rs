//! `amana verify`: proves that what every listing and report reads is what the chain says.
//!
//! One streaming pass over the log, in sequence order:
//! 1. each row's stored hashes are recomputed from its stored bytes, and its link checked
//!    against the previous row (content modified, stored hash edited, link broken, gap, ...);
//! 2. its body is decoded strictly and re-encoded (non-canonical bytes are a finding);
//! 3. the entry is replayed through the same [`crate::rules::Book`] rules every write obeys
//!    (rule violation);
//! 4. the table rows it stands for are re-derived and compared, in key order, with every table
//!    the reports read (a row edited, deleted, inserted or reordered behind amana's back);
//! 5. the year totals (CHAIN.md section 6b) are summed over the replay and compared, in key
//!    order, with `year_totals`.
//!
//! It never stops at the first finding and classifies each one. Memory stays flat: one row of
//! each table is in hand at a time, plus the id → seq index of entries (8 bytes per entry) and
//! one sum per year, account, grant line and entry kind.
//!
//! The rooms: this file holds the options, the report and the pass over a ledger; `chain.rs`
//! the checks of each row (1 to 3, seals, signatures, receipts, times, decisions);
//! `projection.rs` the table comparison (4); `bundle.rs` the same checks on an audit bundle;
//! `findings.rs` what a finding is (typed values, never prose), `message.rs` each finding as
//! a message id with named arguments, and `english.rs` the one place those become English.

mod bundle;
mod chain;
pub mod english;
mod findings;
mod message;
mod projection;

use rusqlite::types::Value;
use serde::Serialize;

use crate::chain::signing;
use crate::files::receipts::ReceiptStore;
use crate::store::year_totals::{YearTotalKey, year_total_parts};
use crate::store::{LogRow, Store, StoreError};
pub use bundle::{
    BundleReadError, ChainFileDefect, bundle_rows, verify_bundle, verify_bundle_rows,
};
use chain::ChainCheck;
pub use english::{Arg, Args, Message};
pub use findings::{ColumnDiff, Finding, MAX_PROBLEMS, Problem, ProblemKind, RowKey};
use message::sql_value;
use projection::Projections;

/// The result of a verification.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    pub ok: bool,
    /// Number of chain entries read.
    pub entries: i64,
    /// The stored chain hash of the last entry (hex).
    pub head: String,
    pub problems: Vec<Problem>,
    /// Journal entries (transactions and reversals) replayed.
    pub transactions: i64,
    /// Table rows compared with the chain.
    pub rows_checked: u64,
    /// Entries 1 to N are covered by a seal whose content recomputes and which at least one
    /// officer's valid signature vouches for (0 when none).
    pub signed_through: i64,
    /// Entries 1 to N match a head published outside the ledger (`--anchor`; 0 when none).
    pub anchored_through: i64,
    /// Entries after both: internally consistent, but not yet vouched for by a signature or a
    /// published head.
    pub unanchored: i64,
    pub seals: Vec<SealSummary>,
    /// The officers' decisions, in chain order: reopenings and revocations are never silent.
    pub decisions: Vec<DecisionSummary>,
    /// What deserves a look but proves no alteration (times out of order or in the future,
    /// a year closed before it ended): reported, without making the verification fail.
    pub warnings: Vec<Problem>,
}

/// A chain head published outside the ledger: `amana verify --anchor SEQ:HEX`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub seq: i64,
    pub head: String,
}

impl Anchor {
    /// Parses `SEQ:HEX` as `verify --format json` printed `entries` and `head`.
    pub fn parse(text: &str) -> Result<Anchor, AnchorError> {
        let bad = |what| AnchorError {
            text: text.to_string(),
            what,
        };
        let (seq, head) = text
            .trim()
            .split_once(':')
            .ok_or_else(|| bad(AnchorDefect::NoColon))?;
        let seq: i64 = seq
            .trim()
            .parse()
            .map_err(|_| bad(AnchorDefect::NotANumber))?;
        if seq < 1 {
            return Err(bad(AnchorDefect::NotPositive));
        }
        let head = head.trim().to_ascii_lowercase();
        if head.len() != 64 || !head.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad(AnchorDefect::NotAHash));
        }
        Ok(Anchor { seq, head })
    }
}

/// Why an `--anchor` or a `--seal` of verify cannot be read: the text as given, and what is
/// wrong with it. Its English is [`english`]'s (message ids `anchor-invalid`,
/// `seal-anchor-invalid`), through [`AnchorError::message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorError {
    pub text: String,
    pub what: AnchorDefect,
}

/// What is wrong with a published head or fingerprint as typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnchorDefect {
    /// A head: no `:` between ENTRIES and HEAD.
    NoColon,
    /// A head: ENTRIES is not a whole number.
    NotANumber,
    /// A head: ENTRIES is below 1.
    NotPositive,
    /// A head: HEAD is not 64 hex digits.
    NotAHash,
    /// A seal's fingerprint: not 16 letters and digits of its alphabet.
    NotAFingerprint,
}

impl std::fmt::Display for AnchorError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&english::render(&self.message()))
    }
}

impl std::error::Error for AnchorError {}

/// What a seal looked like to `verify`.
#[derive(Debug, Clone, Serialize)]
pub struct SealSummary {
    pub seq: i64,
    pub fingerprint: String,
    pub covered: i64,
    pub period_end: Option<String>,
    /// Officers whose signatures verify.
    pub signed_by: Vec<String>,
    /// The seal's content recomputes and every signature of it verifies.
    pub valid: bool,
}

/// One of the officers' decisions (a closing, a lock, a reopening, a revocation, a policy, the
/// approval of an officer), as `verify` replayed it.
#[derive(Debug, Clone, Serialize)]
pub struct DecisionSummary {
    pub seq: i64,
    /// `closing`, `lock`, `reopen`, `revocation`, `policy` or `officer` (an approval).
    pub kind: String,
    /// What it decides, with its reason.
    pub detail: String,
    /// The same as a message: `message` (its id) and `args` in JSON (none when the decision
    /// entry could not be read).
    #[serde(flatten)]
    pub message: Option<Message>,
    /// Officers whose signatures of it were admitted.
    pub signed_by: Vec<String>,
    /// It had the signatures the policy asks, and took effect.
    pub in_effect: bool,
    /// It became void before taking effect (a lock reaching into a year reopened meanwhile, a
    /// reopening of a year no longer the last closed one).
    pub void: bool,
}

/// A seal's fingerprint published outside the ledger: `amana verify --seal FINGERPRINT`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealAnchor {
    /// Normalised: `XXXX-XXXX-XXXX-XXXX`.
    pub fingerprint: String,
}

impl SealAnchor {
    /// Parses a fingerprint as a seal printed it (case, dashes and O/0, I/L/1 as a person
    /// types them).
    pub fn parse(text: &str) -> Result<SealAnchor, AnchorError> {
        let fingerprint = signing::normalise_fingerprint(text);
        let digits = fingerprint.replace('-', "");
        if digits.len() != 16
            || !digits
                .bytes()
                .all(|b| b"0123456789ABCDEFGHJKMNPQRSTVWXYZ".contains(&b))
        {
            return Err(AnchorError {
                text: text.to_string(),
                what: AnchorDefect::NotAFingerprint,
            });
        }
        Ok(SealAnchor { fingerprint })
    }
}

/// What to check besides the chain itself.
#[derive(Debug, Default, Clone)]
pub struct Options {
    pub anchors: Vec<Anchor>,
    /// The time (UTC microseconds) entries are compared with; `None`: this computer's clock.
    pub now_us: Option<i64>,
    /// Seals published outside the ledger, which it must hold unchanged.
    pub seals: Vec<SealAnchor>,
}

/// Verifies the whole ledger in one read transaction.
pub fn verify(store: &Store) -> Result<VerifyReport, StoreError> {
    verify_with(store, &Options::default())
}

/// Verifies the ledger, checking the anchors in `options` too.
pub fn verify_with(store: &Store, options: &Options) -> Result<VerifyReport, StoreError> {
    store.begin_read()?;
    let report = run(store, options);
    store.end_read()?;
    report
}

fn run(store: &Store, options: &Options) -> Result<VerifyReport, StoreError> {
    let receipts = ReceiptStore::for_ledger(store.path());
    let mut check = ChainCheck::new(options, Some(&receipts));
    for drift in store.schema_drift()? {
        check.findings.add(0, Finding::SchemaAltered { drift });
    }
    for damage in store.integrity()? {
        check.findings.add(0, Finding::IntegrityFails { damage });
    }
    let mut scans = store.table_scans();
    let mut projections = Projections::open(&mut scans, &mut check.findings)?;
    let with_totals = store.has_year_totals()?;
    let mut totals = YearTotals::default();
    let mut log = store.log_scan()?;
    let mut rows = log.query([])?;
    let body_at = |seq: i64| store.body_at(seq).ok().flatten();
    while let Some(r) = rows.next()? {
        let blob = |i: usize| -> Result<Vec<u8>, StoreError> {
            Ok(match crate::store::value_at(r, i)? {
                Value::Blob(b) => b,
                Value::Text(t) => t.into_bytes(),
                _ => vec![],
            })
        };
        let row = LogRow {
            seq: r.get(0)?,
            kind: match crate::store::value_at(r, 1)? {
                Value::Text(t) => t,
                other => english::render_arg(&sql_value(&other)),
            },
            body: blob(2)?,
            entry_hash: blob(3)?,
            prev: blob(4)?,
            chain: blob(5)?,
        };
        if let Some(decoded) = check.row(&row, &body_at) {
            // Each table has its own cursor, so only each table's own key order matters, and
            // `projection::rows` yields each table's rows in that order.
            for projected in &crate::store::projection::rows(&decoded) {
                projections.expect(row.seq, projected, &mut check.findings, &check.entry_seqs)?;
            }
            totals.add(&decoded);
        }
    }
    if with_totals {
        // The totals are no entry's own rows: a difference is the ledger's (seq 0).
        for projected in totals.rows() {
            projections.expect(0, &projected, &mut check.findings, &check.entry_seqs)?;
        }
    }
    projections.finish(&mut check.findings, &check.entry_seqs)?;
    Ok(check.finish(projections.checked))
}

/// The totals `year_totals` must hold (CHAIN.md section 6b), summed over the replay: one entry
/// per key, so as many as the ledger has years × accounts × grant lines × kinds, not postings.
#[derive(Default)]
struct YearTotals {
    /// The fiscal start, from the genesis entry.
    fiscal: Option<crate::domain::FiscalStart>,
    sums: std::collections::BTreeMap<YearTotalKey, i64>,
}

impl YearTotals {
    fn add(&mut self, entry: &crate::chain::ChainEntry) {
        if let crate::chain::Record::Ledger(l) = &entry.record {
            self.fiscal.get_or_insert(l.fiscal_start);
        }
        let Some(fiscal) = self.fiscal else { return };
        for (key, amount) in year_total_parts(entry, fiscal) {
            let sum = self.sums.entry(key).or_default();
            // A total past i64 cannot be in the table either: saturated, it is reported.
            *sum = sum.saturating_add(amount);
        }
    }

    /// The rows, in the table's key order.
    fn rows(&self) -> impl Iterator<Item = crate::store::projection::Row> + '_ {
        self.sums.iter().map(|(key, amount)| key.row(*amount))
    }
}
