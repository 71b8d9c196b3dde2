//! The projection: which table rows each chain entry stands for.
//!
//! This one function is used twice: to write the rows when an entry is appended, and by
//! `verify` to re-derive every row from the chain and compare it with what the tables hold.
//! Rows come out in the order of each table's key, so `verify` can compare a table with the
//! chain in one streaming pass, whatever the size of the ledger.

use rusqlite::types::Value;

use crate::chain::{ChainEntry, Record};
use crate::domain::{AccountCode, ClosingForm, Entry, EntryKind, format_date};

/// A table that some listing or report reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    Ledger,
    Currencies,
    Accounts,
    AccountLabels,
    Funders,
    Grants,
    BudgetLines,
    Imports,
    Entries,
    Postings,
    Closings,
    Officers,
    Seals,
    SealBalances,
    SealGrants,
    SealBanks,
    Signatures,
    Receipts,
    GrantAmendments,
    AccountChanges,
    BudgetLineAmendments,
    FunderChanges,
    YearEnds,
    Sources,
    Assets,
    Depreciations,
    Rates,
    GrantTerms,
    VarianceNotes,
    Settings,
    VarianceThresholds,
    BankImports,
    BankLines,
    BankAssignments,
    Reconciliations,
    Reconciled,
    FunderIdentifiers,
    YearTotals,
}

impl Table {
    pub const ALL: [Table; 38] = [
        Table::Ledger,
        Table::Currencies,
        Table::Accounts,
        Table::AccountLabels,
        Table::Funders,
        Table::Grants,
        Table::BudgetLines,
        Table::Imports,
        Table::Entries,
        Table::Postings,
        Table::Closings,
        Table::Officers,
        Table::Seals,
        Table::SealBalances,
        Table::SealGrants,
        Table::SealBanks,
        Table::Signatures,
        Table::Receipts,
        Table::GrantAmendments,
        Table::AccountChanges,
        Table::BudgetLineAmendments,
        Table::FunderChanges,
        Table::YearEnds,
        Table::Sources,
        Table::Assets,
        Table::Depreciations,
        Table::Rates,
        Table::GrantTerms,
        Table::VarianceNotes,
        Table::Settings,
        Table::VarianceThresholds,
        Table::BankImports,
        Table::BankLines,
        Table::BankAssignments,
        Table::Reconciliations,
        Table::Reconciled,
        Table::FunderIdentifiers,
        Table::YearTotals,
    ];

    /// The migration that made the table (1 for `0001_init.sql`): a ledger whose schema is
    /// older has no such table, and no entry that stands for a row of it.
    pub fn since(self) -> i64 {
        match self {
            Table::GrantAmendments => 3,
            Table::AccountChanges => 4,
            Table::BudgetLineAmendments => 5,
            Table::FunderChanges => 6,
            Table::YearEnds => 7,
            Table::Sources => 8,
            Table::Assets | Table::Depreciations => 9,
            Table::Rates | Table::GrantTerms => 10,
            Table::VarianceNotes => 11,
            Table::Settings => 12,
            Table::VarianceThresholds => 14,
            Table::BankImports
            | Table::BankLines
            | Table::BankAssignments
            | Table::Reconciliations
            | Table::Reconciled => super::bank::SINCE,
            Table::FunderIdentifiers => 17,
            Table::YearTotals => super::year_totals::SINCE,
            _ => 1,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Table::Ledger => "ledger",
            Table::Currencies => "currencies",
            Table::Accounts => "accounts",
            Table::AccountLabels => "account_labels",
            Table::Funders => "funders",
            Table::Grants => "grants",
            Table::BudgetLines => "budget_lines",
            Table::Imports => "imports",
            Table::Entries => "entries",
            Table::Postings => "postings",
            Table::Closings => "closings",
            Table::Officers => "officers",
            Table::Seals => "seals",
            Table::SealBalances => "seal_balances",
            Table::SealGrants => "seal_grants",
            Table::SealBanks => "seal_banks",
            Table::Signatures => "signatures",
            Table::Receipts => "receipts",
            Table::GrantAmendments => "grant_amendments",
            Table::AccountChanges => "account_changes",
            Table::BudgetLineAmendments => "budget_line_amendments",
            Table::YearEnds => "year_ends",
            Table::FunderChanges => "funder_changes",
            Table::Sources => "sources",
            Table::Assets => "assets",
            Table::Depreciations => "depreciations",
            Table::Rates => "rates",
            Table::GrantTerms => "grant_terms",
            Table::VarianceNotes => "variance_notes",
            Table::Settings => "settings",
            Table::VarianceThresholds => "variance_thresholds",
            Table::BankImports => "bank_imports",
            Table::BankLines => "bank_lines",
            Table::BankAssignments => "bank_assignments",
            Table::Reconciliations => "reconciliations",
            Table::Reconciled => "reconciled",
            Table::FunderIdentifiers => "funder_identifiers",
            Table::YearTotals => "year_totals",
        }
    }

    /// Every column, the key columns first (see [`Table::key_len`]).
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Table::Ledger => &[
                "seq",
                "id",
                "name",
                "currency",
                "fiscal_year_start",
                "chart",
            ],
            Table::Currencies => &["code", "exponent", "seq"],
            Table::Accounts => &["seq", "code", "name", "type"],
            Table::AccountLabels => &["seq", "lang", "code", "text"],
            Table::Funders => &["seq", "id", "name", "type", "country"],
            Table::Grants => &[
                "seq",
                "id",
                "funder",
                "amount",
                "currency",
                "start_date",
                "end_date",
                "restricted",
                "purpose",
            ],
            Table::BudgetLines => &["seq", "grant_id", "line_id", "label", "amount", "account"],
            Table::Imports => &[
                "seq",
                "file_sha256",
                "file_name",
                "rows",
                "transactions",
                "forced",
            ],
            Table::Entries => &[
                "id",
                "seq",
                "kind",
                "date",
                "description",
                "reference",
                "reverses",
                "reason",
                "batch",
            ],
            Table::Postings => &[
                "entry_id",
                "idx",
                "account",
                "amount",
                "grant_id",
                "line_id",
                "original_amount",
                "original_currency",
                "memo",
            ],
            Table::Closings => &[
                "seq",
                "entry_id",
                "year",
                "start_date",
                "restricted_account",
                "unrestricted_account",
            ],
            Table::YearEnds => &[
                "seq",
                "entry_id",
                "kind",
                "year",
                "start_date",
                "surplus_account",
                "deficit_account",
                "dedicated_account",
                "charge_account",
                "release_account",
                "closing",
            ],
            Table::Officers => &["seq", "id", "name", "role", "public_key"],
            Table::Seals => &[
                "seq",
                "period_end",
                "covered",
                "head",
                "merkle_root",
                "previous_seq",
                "previous_hash",
            ],
            Table::SealBalances => &["seq", "account", "balance"],
            Table::SealGrants => &["seq", "grant_id", "received", "spent"],
            Table::SealBanks => &["seq", "account", "balance", "statement"],
            Table::Signatures => &["seq", "seal", "officer", "signature"],
            Table::Receipts => &["seq", "entry_id", "sha256", "file_name", "size"],
            Table::GrantAmendments => &[
                "seq",
                "grant_id",
                "effective",
                "amount",
                "end_date",
                "reason",
            ],
            Table::AccountChanges => &["seq", "code", "effective", "name", "retired", "reason"],
            Table::BudgetLineAmendments => &[
                "seq",
                "grant_id",
                "line_id",
                "effective",
                "amount",
                "withdrawn",
                "reason",
            ],
            Table::FunderChanges => &["seq", "funder_id", "name", "reason"],
            Table::Sources => &["seq", "entry_id", "posting", "funder_id"],
            Table::Assets => &[
                "seq",
                "id",
                "label",
                "entry_id",
                "posting_idx",
                "life_months",
                "start_date",
                "depreciation_account",
                "expense_account",
                "release_account",
                "income_account",
            ],
            Table::Depreciations => &["seq", "entry_id", "asset_id", "start_date"],
            Table::Rates => &["seq", "currency", "date", "rate", "source"],
            Table::GrantTerms => &[
                "seq",
                "grant_id",
                "rate_method",
                "closing_days",
                "budget_currency",
            ],
            Table::VarianceNotes => &["seq", "grant_id", "line_id", "through", "text"],
            Table::Settings => &["seq", "key", "value"],
            Table::VarianceThresholds => &["seq", "grant_id", "percent", "amount"],
            Table::BankImports => &["seq", "account", "layout", "skipped", "suspense"],
            Table::BankLines => &["seq", "idx", "account", "fingerprint"],
            Table::BankAssignments => &["seq", "entry_id", "transaction_id"],
            Table::Reconciliations => &["seq", "account", "date", "balance", "books", "statement"],
            Table::Reconciled => &["seq", "idx", "account", "entry_id"],
            Table::FunderIdentifiers => &["seq", "funder_id", "org_id"],
            Table::YearTotals => &["year", "account", "grant_id", "line_id", "kind", "amount"],
        }
    }

    /// How many leading columns form the key rows are ordered by.
    pub fn key_len(self) -> usize {
        match self {
            Table::AccountLabels
            | Table::Postings
            | Table::SealBalances
            | Table::SealGrants
            | Table::SealBanks
            | Table::BankLines
            | Table::Reconciled => 2,
            Table::YearTotals => 5,
            _ => 1,
        }
    }
}

/// One row of one table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub table: Table,
    pub values: Vec<Value>,
}

pub(super) fn text(s: &str) -> Value {
    Value::Text(s.to_string())
}

pub(super) fn opt_text(s: Option<&str>) -> Value {
    s.map_or(Value::Null, text)
}

pub(super) fn int(i: i64) -> Value {
    Value::Integer(i)
}

/// The rows `entry` stands for, in insertion order: a parent before its children, except that
/// an entry's postings come before the entry row (whose trigger checks that they balance).
pub fn rows(entry: &ChainEntry) -> Vec<Row> {
    let seq = int(entry.seq);
    let row = |table, values| Row { table, values };
    match &entry.record {
        Record::Ledger(l) => {
            let mut out = vec![row(
                Table::Ledger,
                vec![
                    seq.clone(),
                    Value::Blob(l.id.clone()),
                    text(&l.name),
                    text(&l.currency.code),
                    text(&l.fiscal_start.to_string()),
                    text(&l.chart),
                ],
            )];
            out.extend(l.currencies.iter().map(|c| {
                row(
                    Table::Currencies,
                    vec![text(&c.code), int(i64::from(c.exponent)), seq.clone()],
                )
            }));
            out
        }
        Record::Account(a) => {
            let mut out = vec![row(
                Table::Accounts,
                vec![
                    seq.clone(),
                    text(a.code.as_str()),
                    text(&a.name),
                    text(a.kind.as_str()),
                ],
            )];
            out.extend(a.labels.iter().map(|l| {
                row(
                    Table::AccountLabels,
                    vec![
                        seq.clone(),
                        text(&l.lang),
                        text(a.code.as_str()),
                        text(&l.text),
                    ],
                )
            }));
            out
        }
        Record::Funder(f) => vec![row(
            Table::Funders,
            vec![
                seq,
                text(f.id.as_str()),
                text(&f.name),
                text(f.kind.as_str()),
                opt_text(f.country.as_deref()),
            ],
        )],
        Record::Grant(g) => vec![row(
            Table::Grants,
            vec![
                seq,
                text(g.id.as_str()),
                text(g.funder.as_str()),
                int(g.amount.0),
                text(&g.currency),
                text(&format_date(g.start)),
                text(&format_date(g.end)),
                int(i64::from(g.restricted)),
                opt_text(g.purpose.as_deref()),
            ],
        )],
        Record::BudgetLine(b) => vec![row(
            Table::BudgetLines,
            vec![
                seq,
                text(b.grant.as_str()),
                text(b.line.as_str()),
                text(&b.label),
                int(b.amount.0),
                opt_text(b.account.as_ref().map(|a| a.as_str())),
            ],
        )],
        Record::Import(i) => vec![row(
            Table::Imports,
            vec![
                seq,
                Value::Blob(i.file_sha256.to_vec()),
                text(&i.file_name),
                int(i.rows),
                int(i.transactions),
                int(i64::from(i.forced)),
            ],
        )],
        Record::Entry(e) => {
            let id = int(e.id().0);
            let mut out: Vec<Row> = e
                .postings()
                .iter()
                .enumerate()
                .map(|(idx, p)| {
                    row(
                        Table::Postings,
                        vec![
                            id.clone(),
                            int(idx as i64),
                            text(p.account.as_str()),
                            int(p.amount.0),
                            opt_text(p.grant.as_ref().map(|g| g.as_str())),
                            opt_text(p.line.as_ref().map(|l| l.as_str())),
                            p.original.as_ref().map_or(Value::Null, |(m, _)| int(m.0)),
                            opt_text(p.original.as_ref().map(|(_, c)| c.as_str())),
                            opt_text(p.memo.as_deref()),
                        ],
                    )
                })
                .collect();
            let h = &e.header;
            let (reverses, reason) = match &h.kind {
                EntryKind::Reversal { reverses, reason } => (int(reverses.0), text(reason)),
                _ => (Value::Null, Value::Null),
            };
            out.push(row(
                Table::Entries,
                vec![
                    id,
                    seq,
                    text(entries_kind(&h.kind)),
                    text(&format_date(h.date)),
                    text(&h.description),
                    opt_text(h.reference.as_deref()),
                    reverses,
                    reason,
                    h.batch.map_or(Value::Null, int),
                ],
            ));
            if let Some(row) = closing_row(entry.seq, e) {
                out.push(row);
            }
            if let EntryKind::Depreciation { asset, start } = &h.kind {
                out.push(row(
                    Table::Depreciations,
                    vec![
                        int(entry.seq),
                        int(e.id().0),
                        text(asset.as_str()),
                        text(&format_date(*start)),
                    ],
                ));
            }
            out
        }
        Record::Asset(a) => vec![row(
            Table::Assets,
            vec![
                seq,
                text(a.id.as_str()),
                text(&a.label),
                int(a.entry.0),
                int(a.posting),
                int(a.life_months),
                text(&format_date(a.start)),
                text(a.depreciation_account.as_str()),
                text(a.expense_account.as_str()),
                opt_text(a.release.as_ref().map(|(r, _)| r.as_str())),
                opt_text(a.release.as_ref().map(|(_, i)| i.as_str())),
            ],
        )],
        Record::Officer(o) => vec![row(
            Table::Officers,
            vec![
                seq,
                text(o.id.as_str()),
                text(&o.name),
                text(o.role.as_str()),
                Value::Blob(o.public_key.to_vec()),
            ],
        )],
        Record::Seal(s) => {
            let mut out = vec![row(
                Table::Seals,
                vec![
                    seq.clone(),
                    s.period_end.map_or(Value::Null, |d| text(&format_date(d))),
                    int(s.covered),
                    Value::Blob(s.head.to_vec()),
                    Value::Blob(s.merkle_root.to_vec()),
                    s.previous.map_or(Value::Null, |(p, _)| int(p)),
                    s.previous
                        .map_or(Value::Null, |(_, h)| Value::Blob(h.to_vec())),
                ],
            )];
            out.extend(s.trial_balance.iter().map(|(a, b)| {
                row(
                    Table::SealBalances,
                    vec![seq.clone(), text(a.as_str()), int(b.0)],
                )
            }));
            out.extend(s.grants.iter().map(|g| {
                row(
                    Table::SealGrants,
                    vec![
                        seq.clone(),
                        text(g.grant.as_str()),
                        int(g.received.0),
                        int(g.spent.0),
                    ],
                )
            }));
            out.extend(s.banks.iter().map(|b| {
                row(
                    Table::SealBanks,
                    vec![
                        seq.clone(),
                        text(b.account.as_str()),
                        int(b.balance.0),
                        text(&b.statement),
                    ],
                )
            }));
            out
        }
        Record::Signature(sig) => vec![row(
            Table::Signatures,
            vec![
                seq,
                int(sig.seal),
                text(sig.officer.as_str()),
                Value::Blob(sig.signature.to_vec()),
            ],
        )],
        Record::Receipt(r) => vec![row(
            Table::Receipts,
            vec![
                seq,
                int(r.entry.0),
                Value::Blob(r.sha256.to_vec()),
                text(&r.file_name),
                int(r.size),
            ],
        )],
        Record::GrantAmendment(a) => vec![row(
            Table::GrantAmendments,
            vec![
                seq,
                text(a.grant.as_str()),
                text(&format_date(a.effective)),
                a.amount.map_or(Value::Null, |m| int(m.0)),
                a.end.map_or(Value::Null, |d| text(&format_date(d))),
                text(&a.reason),
            ],
        )],
        Record::AccountChange(c) => vec![row(
            Table::AccountChanges,
            vec![
                seq,
                text(c.code.as_str()),
                c.effective.map_or(Value::Null, |d| text(&format_date(d))),
                opt_text(c.name.as_deref()),
                int(i64::from(c.retired)),
                text(&c.reason),
            ],
        )],
        Record::BudgetLineAmendment(b) => vec![row(
            Table::BudgetLineAmendments,
            vec![
                seq,
                text(b.grant.as_str()),
                text(b.line.as_str()),
                text(&format_date(b.effective)),
                b.amount.map_or(Value::Null, |m| int(m.0)),
                int(i64::from(b.withdrawn)),
                text(&b.reason),
            ],
        )],
        Record::FunderChange(c) => vec![row(
            Table::FunderChanges,
            vec![seq, text(c.id.as_str()), text(&c.name), text(&c.reason)],
        )],
        Record::Source(s) => vec![row(
            Table::Sources,
            vec![seq, int(s.entry.0), int(s.posting), text(s.funder.as_str())],
        )],
        Record::Rate(r) => vec![row(
            Table::Rates,
            vec![
                seq,
                text(&r.currency),
                text(&format_date(r.date)),
                int(r.rate.0),
                opt_text(r.source.as_deref()),
            ],
        )],
        Record::GrantTerms(t) => vec![row(
            Table::GrantTerms,
            vec![
                seq,
                text(t.grant.as_str()),
                text(t.rate_method.as_str()),
                int(t.closing_days),
                text(t.budget_currency.as_str()),
            ],
        )],
        Record::VarianceNote(n) => vec![row(
            Table::VarianceNotes,
            vec![
                seq,
                text(n.grant.as_str()),
                text(n.line.as_str()),
                text(&format_date(n.through)),
                text(&n.text),
            ],
        )],
        Record::Setting(s) => vec![row(
            Table::Settings,
            vec![seq, text(&s.key), text(&s.value)],
        )],
        Record::VarianceThreshold(t) => vec![row(
            Table::VarianceThresholds,
            vec![seq, text(t.grant.as_str()), int(t.percent), int(t.amount.0)],
        )],
        Record::BankImport(_) | Record::BankAssignment(_) | Record::Reconciliation(_) => {
            super::bank::rows(entry.seq, &entry.record)
        }
        Record::FunderIdentifier(i) => vec![row(
            Table::FunderIdentifiers,
            vec![seq, text(i.funder.as_str()), text(&i.org_id)],
        )],
        // The officers' decisions live in the log alone: nothing reads them from a table (the
        // write path and `verify` take them from the chain).
        Record::Policy(_) | Record::Lock(_) | Record::Reopen(_) | Record::Revocation(_) => vec![],
    }
}

/// An entry's kind as the `entries` table holds it. Its CHECK predates the year-end kinds, and
/// SQLite cannot change a CHECK without rebuilding a table every other one refers to: a year
/// closing is a `closing` there, a carry to dedicated funds, an allocation or a depreciation a
/// `transaction`, and `year_ends.kind` (`depreciations`) names each exactly (CHAIN.md
/// section 6).
fn entries_kind(kind: &EntryKind) -> &'static str {
    match kind {
        EntryKind::Closing { .. } => "closing",
        EntryKind::Reversal { .. } => "reversal",
        EntryKind::Transaction
        | EntryKind::DedicatedFunds { .. }
        | EntryKind::Allocation { .. }
        | EntryKind::Depreciation { .. } => "transaction",
    }
}

/// The row of `closings` or `year_ends` a year-end entry (at `seq`) stands for.
fn closing_row(seq: i64, e: &Entry) -> Option<Row> {
    let account = |a: &AccountCode| text(a.as_str());
    let (year, start, accounts, closing) = match &e.header.kind {
        EntryKind::Transaction | EntryKind::Reversal { .. } | EntryKind::Depreciation { .. } => {
            return None;
        }
        EntryKind::Closing {
            year,
            start,
            form:
                ClosingForm::Restricted {
                    restricted_account,
                    unrestricted_account,
                },
        } => {
            return Some(Row {
                table: Table::Closings,
                values: vec![
                    int(seq),
                    int(e.id().0),
                    int(i64::from(*year)),
                    text(&format_date(*start)),
                    account(restricted_account),
                    account(unrestricted_account),
                ],
            });
        }
        EntryKind::Closing {
            year,
            start,
            form:
                ClosingForm::Funds {
                    surplus_account,
                    deficit_account,
                    dedicated_account,
                },
        } => (
            year,
            Some(start),
            [
                Some(surplus_account),
                Some(deficit_account),
                Some(dedicated_account),
                None,
                None,
            ],
            None,
        ),
        EntryKind::DedicatedFunds {
            year,
            start,
            dedicated_account,
            charge_account,
            release_account,
        } => (
            year,
            Some(start),
            [
                None,
                None,
                Some(dedicated_account),
                Some(charge_account),
                Some(release_account),
            ],
            None,
        ),
        EntryKind::Allocation { year, closing } => (year, None, [None; 5], Some(*closing)),
    };
    let mut values = vec![
        int(seq),
        int(e.id().0),
        text(e.header.kind.name()),
        int(i64::from(*year)),
        start.map_or(Value::Null, |d| text(&format_date(*d))),
    ];
    values.extend(accounts.map(|a| a.map_or(Value::Null, account)));
    values.push(closing.map_or(Value::Null, int));
    Some(Row {
        table: Table::YearEnds,
        values,
    })
}
