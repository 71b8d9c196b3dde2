//! The auditor's report (`report audit`): what `verify` checked and found, in a form that can
//! be filed. It opens with one statement ("the ledger X verifies as of DAY: N entries, head
//! H"), then gives what the statement rests on: the problems and warnings, the seals and
//! their signers, the officers and their keys, the heads published outside the ledger, the
//! supporting documents (and the expenses without one), the entries no signature or published
//! head vouches for yet, the reversals, and the officers' decisions.
//!
//! The model is built from one [`VerifyReport`] and a few aggregate queries
//! ([`AuditReport::build`]); a problem's detail is `verify`'s own sentence (English), its kind
//! is translated.

use serde::Serialize;

use super::doc::{Block, Column, Fact, Level, RowStyle, Section, Table};
use super::i18n::{Arg, Catalogue};
use super::output::{Body, Report};
use crate::domain::{LedgerInfo, Minor};
use crate::store::{Store, StoreError};
use crate::verify::{
    Anchor, DecisionSummary, Finding, Problem, ProblemKind, SealAnchor, SealSummary, VerifyReport,
};

/// How many expenses without a document, and how many entries not yet vouched for, are
/// listed (all are counted).
pub const LISTED: i64 = 200;

/// The auditor's report: its JSON is this model.
#[derive(Debug, Clone, Serialize)]
pub struct AuditReport {
    pub ledger: String,
    pub currency: String,
    /// When the ledger was verified (RFC 3339, UTC; `AMANA_NOW` fixes it).
    pub checked_at: String,
    /// `verify` found no problem.
    pub verified: bool,
    pub entries: i64,
    /// The chain head (hex); the JSON's `head` is the framework's.
    pub chain_head: String,
    pub transactions: i64,
    pub rows_checked: u64,
    pub signed_through: i64,
    pub anchored_through: i64,
    /// Entries after both: not yet vouched for by a signature or a published head.
    pub unanchored: i64,
    pub problems: Vec<Problem>,
    pub warnings: Vec<Problem>,
    pub seals: Vec<SealSummary>,
    pub officers: Vec<AuditOfficer>,
    /// The heads and seal fingerprints published outside the ledger that were checked.
    pub anchors: Vec<AuditAnchor>,
    pub receipts: AuditReceipts,
    pub unvouched: Unvouched,
    pub reversals: Vec<AuditReversal>,
    pub decisions: Vec<DecisionSummary>,
    /// The verification itself, for the report's head (not repeated in JSON).
    #[serde(skip)]
    pub verify: VerifyReport,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditOfficer {
    pub id: String,
    pub name: String,
    pub role: String,
    /// The Ed25519 public key, hex.
    pub public_key: String,
    /// The chain entry that registered the officer.
    pub registered: i64,
    /// Seals and approvals signed.
    pub signatures: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditAnchor {
    /// `head` (`--anchor SEQ:HEX`) or `seal` (`--seal FINGERPRINT`).
    pub kind: String,
    pub seq: Option<i64>,
    pub value: String,
    /// The ledger holds it unchanged.
    pub matches: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditReceipts {
    /// Supporting documents recorded, and the transactions they support.
    pub documents: i64,
    pub transactions_with_documents: i64,
    /// Expenses from this amount on are listed when they have no document ("0.00": all).
    pub threshold: String,
    pub undocumented_count: i64,
    pub undocumented_total: String,
    /// The first [`LISTED`] of them, by date.
    pub undocumented: Vec<UndocumentedExpense>,
    /// Documents recorded in the chain but missing from the receipt store, or altered there.
    pub missing: Vec<Problem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct UndocumentedExpense {
    pub transaction: i64,
    pub date: String,
    pub reference: Option<String>,
    pub description: String,
    pub amount: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Unvouched {
    /// Entries 1 to `after` are vouched for (by a signed seal or a published head).
    pub after: i64,
    pub count: i64,
    /// How many of them are of each chain kind (`entry`, `account`, `seal`...).
    pub by_kind: Vec<KindCount>,
    /// The journal entries among them, and the first [`LISTED`] of those.
    pub transactions_count: i64,
    pub transactions: Vec<UnvouchedEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindCount {
    pub kind: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct UnvouchedEntry {
    pub seq: i64,
    pub transaction: i64,
    pub date: String,
    pub description: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditReversal {
    pub transaction: i64,
    pub date: String,
    pub reverses: i64,
    pub original_date: String,
    pub description: String,
    pub amount: String,
    pub reason: String,
}

/// What the auditor asks besides the chain itself.
#[derive(Debug, Clone, Default)]
pub struct AuditOptions {
    /// Heads published outside the ledger (`--anchor SEQ:HEX`).
    pub anchors: Vec<Anchor>,
    /// Seal fingerprints published outside the ledger (`--seal FINGERPRINT`).
    pub seals: Vec<SealAnchor>,
    /// Expenses from this amount on (ledger currency) are listed when they have no
    /// supporting document; `None`: every expense without one.
    pub receipt_threshold: Option<Minor>,
}

impl AuditReport {
    /// The report on the ledger in `store`, from what `verify` found (`verify`, run with the
    /// anchors of `options`) and the ledger's tables.
    pub fn build(
        store: &Store,
        info: &LedgerInfo,
        verify: VerifyReport,
        options: &AuditOptions,
        checked_at: String,
    ) -> Result<AuditReport, StoreError> {
        let money = |m: Minor| info.currency.format(m);
        let threshold = options.receipt_threshold.unwrap_or(Minor::ZERO);
        let counts = store.receipt_counts()?;
        let undocumented_total = store.undocumented_total(threshold)?;
        let undocumented = store
            .undocumented_expenses(threshold, LISTED)?
            .into_iter()
            .map(|r| UndocumentedExpense {
                transaction: r.entry.0,
                date: r.date,
                reference: r.reference,
                description: r.description,
                amount: money(r.amount),
            })
            .collect();
        let missing = verify
            .problems
            .iter()
            .filter(|p| {
                matches!(
                    p.kind,
                    ProblemKind::ReceiptMissing | ProblemKind::ReceiptAltered
                )
            })
            .cloned()
            .collect();
        let after = verify.signed_through.max(verify.anchored_through);
        let unvouched = Unvouched {
            after,
            count: verify.unanchored,
            by_kind: store
                .kinds_after(after)?
                .into_iter()
                .map(|(kind, count)| KindCount { kind, count })
                .collect(),
            transactions_count: store.entries_after_count(after)?,
            transactions: store
                .entries_after(after, LISTED)?
                .into_iter()
                .map(|r| UnvouchedEntry {
                    seq: r.seq,
                    transaction: r.entry.0,
                    date: r.date,
                    description: r.description,
                })
                .collect(),
        };
        let officers = store
            .officers_audit()?
            .into_iter()
            .map(|o| AuditOfficer {
                id: o.id,
                name: o.name,
                role: o.role,
                public_key: hex::encode(o.public_key),
                registered: o.seq,
                signatures: o.signatures,
            })
            .collect();
        let reversals = store
            .reversals()?
            .into_iter()
            .map(|r| AuditReversal {
                transaction: r.entry.0,
                date: r.date,
                reverses: r.reverses.0,
                original_date: r.original_date,
                description: r.original_description,
                amount: money(r.amount),
                reason: r.reason,
            })
            .collect();
        Ok(AuditReport {
            ledger: info.name.clone(),
            currency: info.currency.code.clone(),
            checked_at,
            verified: verify.ok,
            entries: verify.entries,
            chain_head: verify.head.clone(),
            transactions: verify.transactions,
            rows_checked: verify.rows_checked,
            signed_through: verify.signed_through,
            anchored_through: verify.anchored_through,
            unanchored: verify.unanchored,
            problems: verify.problems.clone(),
            warnings: verify.warnings.clone(),
            seals: verify.seals.clone(),
            officers,
            anchors: anchors(&verify, options),
            receipts: AuditReceipts {
                documents: counts.documents,
                transactions_with_documents: counts.transactions,
                threshold: money(threshold),
                undocumented_count: undocumented_total.count,
                undocumented_total: money(undocumented_total.total),
                undocumented,
                missing,
            },
            unvouched,
            reversals,
            decisions: verify.decisions.clone(),
            verify,
        })
    }
}

/// Each published head and fingerprint, and whether the ledger holds it unchanged: it does
/// unless `verify` reported it missing or rewritten.
fn anchors(verify: &VerifyReport, options: &AuditOptions) -> Vec<AuditAnchor> {
    let failed_head = |seq: i64| {
        verify.problems.iter().any(|p| match &p.detail {
            Finding::AnchorMissing { seq: s, .. } | Finding::AnchorRewritten { seq: s, .. } => {
                *s == seq
            }
            _ => false,
        })
    };
    let failed_seal = |fp: &str| {
        verify.problems.iter().any(|p| match &p.detail {
            Finding::SealAnchorMissing { fingerprint, .. }
            | Finding::PublishedSealRewritten { fingerprint, .. } => fingerprint == fp,
            _ => false,
        })
    };
    let heads = options.anchors.iter().map(|a| AuditAnchor {
        kind: "head".into(),
        seq: Some(a.seq),
        value: a.head.clone(),
        matches: !failed_head(a.seq),
    });
    let seals = options.seals.iter().map(|s| AuditAnchor {
        kind: "seal".into(),
        seq: verify
            .seals
            .iter()
            .find(|x| x.fingerprint == s.fingerprint)
            .map(|x| x.seq),
        value: s.fingerprint.clone(),
        matches: !failed_seal(&s.fingerprint),
    });
    heads.chain(seals).collect()
}

/// A problem's kind as the reader reads it (`audit-kind-content-modified`...).
fn kind_label(cat: &Catalogue, kind: ProblemKind) -> String {
    cat.t(&format!("audit-kind-{}", kind.as_str()))
}

fn yes_no(cat: &Catalogue, yes: bool) -> String {
    cat.t(if yes { "audit-yes" } else { "audit-no" })
}

fn problems_table(cat: &Catalogue, id: &str, problems: &[Problem], style: RowStyle) -> Table {
    let mut t = Table::new(
        id,
        vec![
            Column::number(cat.t("audit-col-entry")),
            Column::text(cat.t("audit-col-kind")),
            Column::text(cat.t("audit-col-detail")),
        ],
    );
    for p in problems {
        let detail = serde_json::to_value(p)
            .ok()
            .and_then(|v| v["detail"].as_str().map(str::to_string))
            .unwrap_or_default();
        t.styled(
            style,
            vec![
                if p.seq > 0 {
                    p.seq.to_string()
                } else {
                    "—".into()
                },
                kind_label(cat, p.kind),
                detail,
            ],
        );
    }
    t
}

impl AuditReport {
    fn statement(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let checked = self
            .checked_at
            .get(..10)
            .map_or_else(|| self.checked_at.clone(), |d| f.date_str(d));
        let args = [
            ("ledger", Arg::from(&self.ledger)),
            ("date", Arg::from(checked)),
            ("entries", Arg::from(self.entries)),
            ("head", Arg::from(&self.chain_head)),
            ("problems", Arg::from(self.problems.len())),
        ];
        let mut s = Section::new("statement", cat.t("audit-statement-title"));
        if self.verified {
            s.text(cat.ta("audit-statement-verifies", &args));
        } else {
            s.notice(
                Level::Error,
                cat.ta("audit-statement-does-not-verify", &args),
            );
        }
        let through = |n: i64| {
            if n > 0 {
                cat.ta("audit-entries-1-to", &[("last", Arg::from(n))])
            } else {
                cat.t("audit-none")
            }
        };
        s.push(Block::Facts {
            facts: vec![
                Fact::text(cat.t("audit-ledger"), self.ledger.clone()),
                Fact::number(cat.t("audit-entries"), self.entries.to_string()),
                Fact::number(cat.t("audit-transactions"), self.transactions.to_string()),
                Fact::number(cat.t("audit-rows-checked"), self.rows_checked.to_string()),
                Fact::text(cat.t("audit-signed-through"), through(self.signed_through)),
                Fact::text(
                    cat.t("audit-anchored-through"),
                    through(self.anchored_through),
                ),
                Fact::number(cat.t("audit-unvouched"), self.unanchored.to_string()),
            ],
        });
        s.text(cat.t("audit-what-verify-checks"));
        s
    }

    fn findings(&self, cat: &Catalogue) -> Section {
        let mut s = Section::new("problems", cat.t("audit-problems-title"));
        s.push(Block::Table(
            problems_table(cat, "problems", &self.problems, RowStyle::Flagged)
                .caption(cat.ta(
                    "audit-problems-count",
                    &[("count", Arg::from(self.problems.len()))],
                ))
                .empty(cat.t("audit-no-problem")),
        ));
        s.push(Block::Table(
            problems_table(cat, "warnings", &self.warnings, RowStyle::Normal)
                .caption(cat.ta(
                    "audit-warnings-count",
                    &[("count", Arg::from(self.warnings.len()))],
                ))
                .empty(cat.t("audit-no-warning")),
        ));
        s
    }

    fn seals_section(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let mut s = Section::new("seals", cat.t("audit-seals-title"));
        let mut t = Table::new(
            "seals",
            vec![
                Column::number(cat.t("audit-col-entry")),
                Column::number(cat.t("audit-col-fingerprint")),
                Column::text(cat.t("audit-col-covers")),
                Column::number(cat.t("audit-col-period-end")),
                Column::text(cat.t("audit-col-signed-by")),
                Column::text(cat.t("audit-col-valid")),
            ],
        )
        .empty(cat.t("audit-no-seal"));
        for seal in &self.seals {
            t.styled(
                if seal.valid {
                    RowStyle::Normal
                } else {
                    RowStyle::Flagged
                },
                vec![
                    seal.seq.to_string(),
                    seal.fingerprint.clone(),
                    cat.ta("audit-entries-1-to", &[("last", Arg::from(seal.covered))]),
                    seal.period_end
                        .as_deref()
                        .map_or_else(|| "—".into(), |d| f.date_str(d)),
                    if seal.signed_by.is_empty() {
                        cat.t("audit-unsigned")
                    } else {
                        seal.signed_by.join(", ")
                    },
                    yes_no(cat, seal.valid),
                ],
            );
        }
        s.push(Block::Table(t));
        s
    }

    fn officers_section(&self, cat: &Catalogue) -> Section {
        let mut s = Section::new("officers", cat.t("audit-officers-title"));
        let mut t = Table::new(
            "officers",
            vec![
                Column::text(cat.t("audit-col-officer")),
                Column::text(cat.t("audit-col-name")),
                Column::text(cat.t("audit-col-role")),
                Column::number(cat.t("audit-col-key")),
                Column::number(cat.t("audit-col-registered")),
                Column::number(cat.t("audit-col-signatures")),
            ],
        )
        .empty(cat.t("audit-no-officer"));
        for o in &self.officers {
            t.row(vec![
                o.id.clone(),
                o.name.clone(),
                o.role.clone(),
                // The key's first 16 hex digits tell keys apart on paper; JSON has it whole.
                format!("{}…", o.public_key.get(..16).unwrap_or(&o.public_key)),
                o.registered.to_string(),
                o.signatures.to_string(),
            ]);
        }
        s.push(Block::Table(t));
        s
    }

    fn anchors_section(&self, cat: &Catalogue) -> Section {
        let mut s = Section::new("anchors", cat.t("audit-anchors-title"));
        let mut t = Table::new(
            "anchors",
            vec![
                Column::text(cat.t("audit-col-kind")),
                Column::number(cat.t("audit-col-entry")),
                Column::number(cat.t("audit-col-published")),
                Column::text(cat.t("audit-col-matches")),
            ],
        )
        .empty(cat.t("audit-no-anchor"));
        for a in &self.anchors {
            t.styled(
                if a.matches {
                    RowStyle::Normal
                } else {
                    RowStyle::Flagged
                },
                vec![
                    cat.t(&format!("audit-anchor-{}", a.kind)),
                    a.seq.map_or_else(|| "—".into(), |n| n.to_string()),
                    a.value.clone(),
                    yes_no(cat, a.matches),
                ],
            );
        }
        s.push(Block::Table(t));
        s
    }

    fn receipts_section(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let r = &self.receipts;
        let mut s = Section::new("receipts", cat.t("audit-receipts-title"));
        s.push(Block::Facts {
            facts: vec![
                Fact::number(cat.t("audit-documents"), r.documents.to_string()),
                Fact::number(
                    cat.t("audit-documented-transactions"),
                    r.transactions_with_documents.to_string(),
                ),
                if r.threshold.trim_start_matches(['0', '.']).is_empty() {
                    Fact::text(cat.t("audit-threshold"), cat.t("audit-every-expense"))
                } else {
                    Fact::number(
                        cat.t("audit-threshold"),
                        f.money(&r.threshold, &self.currency),
                    )
                },
                Fact::number(
                    cat.t("audit-undocumented-count"),
                    r.undocumented_count.to_string(),
                ),
                Fact::number(
                    cat.t("audit-undocumented-total"),
                    f.money(&r.undocumented_total, &self.currency),
                ),
            ],
        });
        let mut t = Table::new(
            "undocumented",
            vec![
                Column::number(cat.t("audit-col-transaction")),
                Column::number(cat.t("audit-col-date")),
                Column::text(cat.t("audit-col-reference")),
                Column::text(cat.t("audit-col-description")),
                Column::number(cat.t("audit-col-amount")),
            ],
        )
        .caption(cat.t("audit-undocumented-caption"))
        .empty(cat.t("audit-no-undocumented"));
        for e in &r.undocumented {
            t.row(vec![
                e.transaction.to_string(),
                f.date_str(&e.date),
                e.reference.clone().unwrap_or_default(),
                e.description.clone(),
                f.amount(&e.amount),
            ]);
        }
        if r.undocumented_count > r.undocumented.len() as i64 {
            s.notice(
                Level::Info,
                cat.ta(
                    "audit-listed-first",
                    &[
                        ("listed", Arg::from(r.undocumented.len())),
                        ("count", Arg::from(r.undocumented_count)),
                    ],
                ),
            );
        }
        s.push(Block::Table(t));
        s.push(Block::Table(
            problems_table(cat, "missing", &r.missing, RowStyle::Flagged)
                .caption(cat.t("audit-missing-caption"))
                .empty(cat.t("audit-no-missing")),
        ));
        s
    }

    fn unvouched_section(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let u = &self.unvouched;
        let mut s = Section::new("unvouched", cat.t("audit-unvouched-title"));
        if u.count == 0 {
            s.text(cat.t("audit-all-vouched"));
            return s;
        }
        s.notice(
            Level::Warning,
            cat.ta(
                "audit-unvouched-text",
                &[
                    ("count", Arg::from(u.count)),
                    ("first", Arg::from(u.after + 1)),
                    ("last", Arg::from(self.entries)),
                ],
            ),
        );
        let mut kinds = Table::new(
            "unvouched-kinds",
            vec![
                Column::text(cat.t("audit-col-kind")),
                Column::number(cat.t("audit-col-count")),
            ],
        );
        for k in &u.by_kind {
            kinds.row(vec![k.kind.clone(), k.count.to_string()]);
        }
        s.push(Block::Table(kinds));
        let mut t = Table::new(
            "unvouched",
            vec![
                Column::number(cat.t("audit-col-entry")),
                Column::number(cat.t("audit-col-transaction")),
                Column::number(cat.t("audit-col-date")),
                Column::text(cat.t("audit-col-description")),
            ],
        )
        .caption(cat.ta(
            "audit-unvouched-transactions",
            &[("count", Arg::from(u.transactions_count))],
        ));
        for e in &u.transactions {
            t.row(vec![
                e.seq.to_string(),
                e.transaction.to_string(),
                f.date_str(&e.date),
                e.description.clone(),
            ]);
        }
        if u.transactions_count > u.transactions.len() as i64 {
            s.notice(
                Level::Info,
                cat.ta(
                    "audit-listed-first",
                    &[
                        ("listed", Arg::from(u.transactions.len())),
                        ("count", Arg::from(u.transactions_count)),
                    ],
                ),
            );
        }
        s.push(Block::Table(t));
        s
    }

    fn reversals_section(&self, cat: &Catalogue) -> Section {
        let f = cat.fmt();
        let mut s = Section::new("reversals", cat.t("audit-reversals-title"));
        let mut t = Table::new(
            "reversals",
            vec![
                Column::number(cat.t("audit-col-transaction")),
                Column::number(cat.t("audit-col-date")),
                Column::number(cat.t("audit-col-reverses")),
                Column::number(cat.t("audit-col-original-date")),
                Column::text(cat.t("audit-col-description")),
                Column::number(cat.t("audit-col-amount")),
                Column::text(cat.t("audit-col-reason")),
            ],
        )
        .caption(cat.ta(
            "audit-reversals-count",
            &[("count", Arg::from(self.reversals.len()))],
        ))
        .empty(cat.t("audit-no-reversal"));
        for r in &self.reversals {
            t.row(vec![
                r.transaction.to_string(),
                f.date_str(&r.date),
                r.reverses.to_string(),
                f.date_str(&r.original_date),
                r.description.clone(),
                f.amount(&r.amount),
                r.reason.clone(),
            ]);
        }
        s.push(Block::Table(t));
        s
    }

    fn decisions_section(&self, cat: &Catalogue) -> Section {
        let mut s = Section::new("decisions", cat.t("audit-decisions-title"));
        let mut t = Table::new(
            "decisions",
            vec![
                Column::number(cat.t("audit-col-entry")),
                Column::text(cat.t("audit-col-kind")),
                Column::text(cat.t("audit-col-decision")),
                Column::text(cat.t("audit-col-signed-by")),
                Column::text(cat.t("audit-col-in-effect")),
            ],
        )
        .empty(cat.t("audit-no-decision"));
        for d in &self.decisions {
            // A reopening and a revocation are never silent: they stand out.
            let style = if d.void || matches!(d.kind.as_str(), "reopen" | "revocation") {
                RowStyle::Flagged
            } else {
                RowStyle::Normal
            };
            let state = if d.void {
                cat.t("audit-void")
            } else {
                yes_no(cat, d.in_effect)
            };
            t.styled(
                style,
                vec![
                    d.seq.to_string(),
                    cat.t(&format!("audit-decision-{}", d.kind)),
                    d.detail.clone(),
                    d.signed_by.join(", "),
                    state,
                ],
            );
        }
        s.push(Block::Table(t));
        s
    }
}

impl Report for AuditReport {
    fn kind(&self) -> &'static str {
        "audit"
    }

    fn body(&self, cat: &Catalogue) -> Body {
        Body {
            title: cat.t("audit-title"),
            subtitle: None,
            period: None,
            sections: vec![
                self.statement(cat),
                self.findings(cat),
                self.seals_section(cat),
                self.officers_section(cat),
                self.anchors_section(cat),
                self.receipts_section(cat),
                self.unvouched_section(cat),
                self.reversals_section(cat),
                self.decisions_section(cat),
            ],
        }
    }
}
