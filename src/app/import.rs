//! Importing a CSV journal as one operation: every transaction or none, each problem
//! reported at its line and column, the supporting documents it names read from the CSV
//! file's folder and stored once the whole file is accepted.
//!
//! The parser reports what is wrong with the file itself ([`journal::RowProblem`]); the
//! import adds what only the ledger can say, a rule a transaction breaks or a receipt it cannot
//! use, as an [`ImportProblem`]. Each is a value, said in English by its own room's catalogue.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::app::charging::Watch;
use crate::app::receipts::stage_receipts;
use crate::app::{Ledger, LedgerError, Refusal, append_entry, append_record, load_book};
use crate::chain::{self, ChainEntry, Hash, ImportInfo, Record};
use crate::domain::{Entry, EntryHeader, EntryId, EntryKind, text};
use crate::files::receipts::{ReceiptStore, Staged};
use crate::formats::journal::{self, Column, ParsedFile, RowError, RowProblem};
use crate::rules::{RuleError, Warning};
use crate::store::Appender;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// Why a file was not imported: a problem with the whole file, or every problem of its rows.
pub type ImportError = journal::ImportError<ImportProblem>;

/// What is wrong with one row of an import file.
#[derive(Debug)]
pub enum ImportProblem {
    /// The parser's finding: the file says something that cannot be read.
    Row(RowProblem),
    /// The transaction breaks a rule of the ledger.
    Rule(RuleError),
    /// A receipt named in the `receipt` column cannot be used:
    /// [`Refusal::ImportReceiptMissing`] or [`Refusal::ImportReceiptUnusable`].
    Receipt(Refusal),
    /// What an hledger journal or a Beancount ledger says that cannot be read or imported.
    Books(crate::formats::books_in::BooksProblem),
}

impl ImportProblem {
    /// The message id, the same in every language (the parser's, the rule's or the refusal's).
    pub fn id(&self) -> &'static str {
        match self {
            ImportProblem::Row(p) => p.id(),
            ImportProblem::Rule(e) => e.id(),
            ImportProblem::Receipt(r) => r.id(),
            ImportProblem::Books(b) => b.id(),
        }
    }
}

/// Each kind is said by its own room's catalogue.
impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportProblem::Row(p) => p.fmt(f),
            ImportProblem::Rule(e) => e.fmt(f),
            ImportProblem::Receipt(r) => r.fmt(f),
            ImportProblem::Books(b) => b.fmt(f),
        }
    }
}

/// What an import did (or, with `--dry-run`, would do).
#[derive(Debug, Clone)]
pub struct ImportOutcome {
    pub file: PathBuf,
    pub sha256: Hash,
    pub rows: usize,
    pub transactions: usize,
    pub first: Option<EntryId>,
    pub last: Option<EntryId>,
    pub import_seq: i64,
    pub head: Hash,
    pub warnings: Vec<Warning>,
    pub dry_run: bool,
}

impl ImportOutcome {
    /// The chain entry of the last transaction imported (the import entry itself when none).
    pub fn last_seq(&self) -> i64 {
        // A count of a file's rows: far below i64::MAX.
        self.import_seq
            .saturating_add(i64::try_from(self.transactions).unwrap_or(i64::MAX))
    }
}

impl Ledger {
    /// Imports a CSV file as one operation: every transaction or none. A transaction dated
    /// after `today` is imported with a warning (`None`: no such warning).
    pub fn import(
        &mut self,
        path: &Path,
        dry_run: bool,
        force: bool,
        today: Option<NaiveDate>,
    ) -> Result<ImportOutcome> {
        let bytes = crate::files::read_input(path)?;
        let sha256 = chain::sha256(&bytes);
        let info = self.info()?;
        let parsed: ParsedFile = journal::parse(path, &bytes, &info)
            .map_err(|e| LedgerError::Import(e.map(ImportProblem::Row)))?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let file_name = text::clean("file name", &file_name)?;
        let actor = self.actor.clone();
        let already = self.store.import_by_file(&sha256)?;
        // Supporting documents named in the file are read and hashed now (a missing one, or
        // one outside the CSV file's folder, is a row error) and stored only once every row is
        // accepted: a refused import copies nothing.
        let receipt_store = ReceiptStore::for_ledger(self.store.path());
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut receipt_errors = vec![];
        let mut staged: Vec<(usize, Vec<(Staged, crate::chain::Receipt)>)> = vec![];
        for (i, txn) in parsed.transactions.iter().enumerate() {
            let mut files = vec![];
            for (name, line) in &txn.receipts {
                let found = crate::files::confine(&folder, name)
                    .map_err(LedgerError::from)
                    .and_then(|file| stage_receipts(EntryId(0), &[file]));
                match found {
                    Ok(mut one) => files.append(&mut one),
                    Err(e) => receipt_errors.push(RowError {
                        line: *line,
                        column: Some(Column::Named("receipt")),
                        value: Some(name.clone()),
                        problem: ImportProblem::Receipt(match e {
                            LedgerError::File(crate::files::FileError::NotFound { path }) => {
                                Refusal::ImportReceiptMissing { path }
                            }
                            e => Refusal::ImportReceiptUnusable { error: Box::new(e) },
                        }),
                    }),
                }
            }
            if !files.is_empty() {
                staged.push((i, files));
            }
        }
        if let (Some((seq, name)), false) = (&already, force) {
            return Err(Refusal::AlreadyImported {
                file: path.to_path_buf(),
                sha256,
                imported_as: name.clone(),
                seq: *seq,
            }
            .into());
        }
        let mut watch = Watch::load(&self.store, &info, today)?;
        let run = |app: &mut Appender<'_>, keep: &mut Vec<Staged>| -> Result<ImportOutcome> {
            let mut book = load_book(app)?;
            // Build every entry and check its content before writing anything, so that all
            // problems are reported at once, each at its line of the file.
            let first_id = book.next_entry_id().0;
            let mut entries = Vec::with_capacity(parsed.transactions.len());
            let mut problems: Vec<RowError<ImportProblem>> = parsed
                .errors
                .into_iter()
                .map(|e| e.map(ImportProblem::Row))
                .collect();
            problems.extend(receipt_errors);
            for (i, txn) in parsed.transactions.iter().enumerate() {
                let header = EntryHeader {
                    id: EntryId(first_id + i as i64),
                    date: txn.date,
                    description: txn.description.clone(),
                    reference: txn.reference.clone(),
                    kind: EntryKind::Transaction,
                    batch: Some(app.next_seq()),
                };
                // Amounts in a grant's currency are derived from what was recorded before
                // the import (the rate table, the instalments already received).
                let postings = crate::app::rates::grant_originals(
                    app,
                    &book,
                    &info,
                    txn.date,
                    txn.postings.clone(),
                )?;
                match Entry::new(header, postings, &info.currency) {
                    Ok(entry) => {
                        let mut found = book.check_content(&entry);
                        found.extend(book.check_charging(&entry, &watch.charging));
                        for e in found {
                            let line = e.posting.map_or(txn.line, |p| txn.posting_lines[p]);
                            problems.push(RowError {
                                line,
                                column: Some(Column::Named(e.field())),
                                value: Some(e.value()),
                                problem: ImportProblem::Rule(e),
                            });
                        }
                        entries.push(entry);
                    }
                    Err(e) => problems.push(RowError {
                        line: txn.line,
                        column: Some(Column::Named("txn")),
                        value: Some(txn.label.clone()),
                        problem: ImportProblem::Row(RowProblem::Transaction(e)),
                    }),
                }
            }
            if !problems.is_empty() {
                problems.sort_by_key(|e| e.line);
                return Err(ImportError::Rows {
                    file: path.to_path_buf(),
                    errors: problems,
                }
                .into());
            }
            let import_entry = ChainEntry {
                seq: app.next_seq(),
                time_us: chrono::Utc::now().timestamp_micros(),
                actor: actor.clone(),
                record: Record::Import(ImportInfo {
                    file_sha256: sha256,
                    file_name: file_name.clone(),
                    rows: parsed.rows as i64,
                    transactions: entries.len() as i64,
                    forced: already.is_some(),
                }),
            };
            let import_seq = import_entry.seq;
            let mut head = append_record(app, &mut book, &actor, import_entry.record)?.head;
            let mut warnings = vec![];
            let (first, last) = (
                entries.first().map(Entry::id),
                entries.last().map(Entry::id),
            );
            for entry in entries {
                let ours = watch.warnings(&book, &entry);
                let written = append_entry(app, &mut book, &actor, entry)?;
                warnings.extend(written.warnings);
                warnings.extend(ours);
                head = written.head;
            }
            // Sources too (CHAIN.md rule 17): each refusal at the line of its posting's row.
            let mut refused = vec![];
            for (i, txn) in parsed.transactions.iter().enumerate() {
                for (p, funder) in txn.funders.iter().enumerate() {
                    let Some(funder) = funder else { continue };
                    let source = crate::chain::Source {
                        entry: EntryId(first_id + i as i64),
                        posting: p as i64,
                        funder: funder.clone(),
                    };
                    match append_record(app, &mut book, &actor, Record::Source(source)) {
                        Ok(written) => head = written.head,
                        Err(LedgerError::Rules(rules)) => {
                            refused.extend(rules.into_iter().map(|e| RowError {
                                line: txn.posting_lines[p],
                                column: Some(Column::Named("funder")),
                                value: Some(funder.to_string()),
                                problem: ImportProblem::Rule(e),
                            }))
                        }
                        Err(other) => return Err(other),
                    }
                }
            }
            if !refused.is_empty() {
                return Err(ImportError::Rows {
                    file: path.to_path_buf(),
                    errors: refused,
                }
                .into());
            }
            // Receipts come after the whole batch (an import's transactions are consecutive).
            for (i, receipts) in &staged {
                for (file, receipt) in receipts {
                    let receipt = crate::chain::Receipt {
                        entry: EntryId(first_id + *i as i64),
                        ..receipt.clone()
                    };
                    head = append_record(app, &mut book, &actor, Record::Receipt(receipt))?.head;
                    keep.push(file.clone());
                }
            }
            Ok(ImportOutcome {
                file: path.to_path_buf(),
                sha256,
                rows: parsed.rows,
                transactions: parsed.transactions.len(),
                first,
                last,
                import_seq,
                head,
                warnings,
                dry_run,
            })
        };
        if dry_run {
            self.store.rehearse(|app| run(app, &mut vec![]))
        } else {
            self.write_with_receipts(&receipt_store, run)
        }
    }
}
