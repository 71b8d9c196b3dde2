//! `amana import hledger FILE` and `amana import beancount FILE`: the books of an association
//! that kept them in hledger or Beancount, brought in as the CSV import brings a journal in:
//! one operation, every transaction or none, each problem at its line and column, the file's
//! SHA-256 in the chain (a file imported twice is refused unless `--force`), `--dry-run`
//! through the same path, writing nothing.
//!
//! What the file opens and the ledger lacks is created, as `amana account add` would (a
//! treasurer moving in brings their chart): its type is the file's (`type:`, `amana-type:`, the
//! Beancount root), else its parent's. Funders, grants and budget lines named in tags are
//! never created: a posting naming one the ledger lacks is refused by the ledger's rules at
//! its line (`amana load funders|grants|budget FILE.csv` first), because a grant's amount,
//! period and budget are not in the file.
//!
//! A reversal comes back as a reversal: of two transactions sharing an `amana-N` link (as
//! amana's export writes them), the later reverses the earlier, and it is admitted by the same
//! rule as `amana reverse` (the exact opposite, with its reason). The chain holds an import's
//! transactions in one batch that nothing interrupts, and a reversal is never part of an
//! import; so a file with reversals is written as several batches in the file's order, each a
//! run of ordinary transactions with its own import entry, the reversals between them. The
//! first batch records the whole file's SHA-256 (what refuses a second import); each later one
//! the SHA-256 of its own lines (`NAME, lines A-B`), which anyone can recompute from the file.
//! The entries so keep the file's order and numbers. A carry to dedicated funds at a year's
//! end (`dedicated-funds:` with its accounts, as amana's export writes it) is written apart the
//! same way, as that kind of entry, under the rule that recomputes it from the books: the only
//! kind of entry whose grant tags sit on the dedicated-funds account.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::app::charging::Watch;
use crate::app::import::{ImportError, ImportProblem};
use crate::app::{Ledger, LedgerError, Refusal, append_entry, append_record, load_book};
use crate::chain::{self, Hash, ImportInfo, Record};
use crate::domain::{
    Account, AccountCode, AccountType, Entry, EntryHeader, EntryId, EntryKind, text,
};
use crate::formats::books::BooksFormat;
use crate::formats::books_in::{
    self, AccountMap, BooksProblem, Changed, InTxn, LeftOut, ParsedBooks,
};
use crate::formats::journal::{Column, RowError};
use crate::rules::Warning;
use crate::store::Appender;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// What an import of books did (or, with `--dry-run`, would do).
#[derive(Debug, Clone)]
pub struct BooksImportOutcome {
    pub file: PathBuf,
    pub sha256: Hash,
    pub lines: usize,
    /// Every transaction of the file, the reversals among them.
    pub transactions: usize,
    pub reversals: usize,
    /// The accounts created, by code.
    pub accounts_created: Vec<String>,
    pub first: Option<EntryId>,
    pub last: Option<EntryId>,
    /// The chain entries written, first and last (`None` for a dry run).
    pub seqs: Option<(i64, i64)>,
    /// How many import entries (batches) the file took.
    pub batches: usize,
    pub head: Hash,
    pub warnings: Vec<Warning>,
    pub left_out: Vec<LeftOut>,
    pub changed: Vec<Changed>,
    pub dry_run: bool,
}

/// A problem at a line of `file`, as an import error.
fn at(line: u64, column: usize, value: &str, problem: ImportProblem) -> RowError<ImportProblem> {
    RowError {
        line,
        column: Some(Column::Char(column)),
        value: Some(value.to_string()),
        problem,
    }
}

/// Reads `--accounts MAP.csv`: a header naming `name` and `code`, then one account name of the
/// file and the amana code it stands for per row.
fn read_map(path: &Path) -> Result<BTreeMap<String, AccountCode>> {
    let bytes = crate::files::read_input(path)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let mut errors = vec![];
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_ascii_lowercase()).collect(),
        Err(_) => vec![],
    };
    let (Some(ni), Some(ci)) = (
        header.iter().position(|c| c == "name"),
        header.iter().position(|c| c == "code"),
    ) else {
        return Err(ImportError::Rows {
            file: path.to_path_buf(),
            errors: vec![at(
                1,
                1,
                &header.join(","),
                ImportProblem::Books(BooksProblem::Syntax {
                    expected: "a header row naming the columns name and code",
                }),
            )],
        }
        .into());
    };
    let mut map = BTreeMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(at(
                    line,
                    1,
                    "",
                    ImportProblem::Books(BooksProblem::Syntax {
                        expected: "a CSV row name,code",
                    }),
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let name = record.get(ni).unwrap_or("");
        let code = record.get(ci).unwrap_or("");
        match AccountCode::parse(code) {
            Ok(c) => {
                map.insert(name.to_string(), c);
            }
            Err(e) => errors.push(at(
                line,
                ci + 1,
                code,
                ImportProblem::Books(BooksProblem::Value(e)),
            )),
        }
    }
    if errors.is_empty() {
        Ok(map)
    } else {
        Err(ImportError::Rows {
            file: path.to_path_buf(),
            errors,
        }
        .into())
    }
}

/// For each transaction, the index of the one it reverses: of two transactions sharing an
/// `amana-N` link, the later reverses the earlier. A link only one transaction carries is left
/// out (what it linked to is not in the file).
fn reversals(parsed: &mut ParsedBooks) -> Vec<Option<usize>> {
    let mut by_link: BTreeMap<i64, Vec<usize>> = BTreeMap::new();
    for (i, t) in parsed.transactions.iter().enumerate() {
        if let Some(link) = t.link {
            by_link.entry(link).or_default().push(i);
        }
    }
    let mut out = vec![None; parsed.transactions.len()];
    for (link, list) in by_link {
        match list.as_slice() {
            [original, reversal] => out[*reversal] = Some(*original),
            [one] => parsed.left_out.push(LeftOut {
                line: parsed.transactions[*one].line,
                kind: books_in::LeftOutKind::Link,
                text: format!("amana-{link}"),
            }),
            // More than two: the parser said so.
            _ => {}
        }
    }
    out
}

/// The byte ranges of a file's lines (1-based line n is `starts[n - 1]..starts[n]`).
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    for (i, b) in bytes.iter().enumerate() {
        if *b == b'\n' {
            starts.push(i + 1);
        }
    }
    if starts.last() != Some(&bytes.len()) {
        starts.push(bytes.len());
    }
    starts
}

impl Ledger {
    /// Imports an hledger journal or a Beancount ledger as one operation (see the module's
    /// documentation). `map` is `--accounts MAP.csv`.
    pub fn import_books(
        &mut self,
        format: BooksFormat,
        path: &Path,
        map: Option<&Path>,
        dry_run: bool,
        force: bool,
        today: Option<NaiveDate>,
    ) -> Result<BooksImportOutcome> {
        let bytes = crate::files::read_input(path)?;
        let sha256 = chain::sha256(&bytes);
        let info = self.info()?;
        let ledger_accounts = self.store.accounts(None)?;
        let accounts = AccountMap {
            names: match map {
                Some(m) => read_map(m)?,
                None => BTreeMap::new(),
            },
            known: ledger_accounts.iter().map(|a| a.code.clone()).collect(),
        };
        let mut parsed = match format {
            BooksFormat::Hledger => books_in::hledger::parse(&bytes, &info, &accounts),
            BooksFormat::Beancount => books_in::beancount::parse(&bytes, &info, &accounts),
        };
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let file_name = text::clean("file name", &file_name)?;
        let already = self.store.import_by_file(&sha256)?;
        if let (Some((seq, name)), false) = (&already, force) {
            return Err(Refusal::AlreadyImported {
                file: path.to_path_buf(),
                sha256,
                imported_as: name.clone(),
                seq: *seq,
            }
            .into());
        }
        let reverses = reversals(&mut parsed);
        // A name the file gives an account the ledger has under another name is not taken
        // (the ledger keeps its own), and is said. A name as amana's export writes the
        // ledger's (hledger: commas as spaces, a space before a colon) is the same name.
        for a in &parsed.accounts {
            let (Some(name), Some(ours)) = (
                &a.name,
                ledger_accounts.iter().find(|l| l.code == a.code.as_str()),
            ) else {
                continue;
            };
            let same = *name == ours.name
                || (format == BooksFormat::Hledger
                    && *name == crate::formats::books::tag_value(&ours.name));
            if !same {
                parsed.left_out.push(LeftOut {
                    line: a.line,
                    kind: books_in::LeftOutKind::AccountName,
                    text: format!(
                        "{} \"{name}\" (the ledger's: \"{}\")",
                        a.code.as_str(),
                        ours.name
                    ),
                });
            }
        }
        let mut problems: Vec<RowError<ImportProblem>> = std::mem::take(&mut parsed.errors)
            .into_iter()
            .map(|e| e.map(ImportProblem::Books))
            .collect();
        if parsed.transactions.is_empty() && problems.is_empty() {
            problems.push(at(
                1,
                1,
                "",
                ImportProblem::Books(BooksProblem::Syntax {
                    expected: "at least one transaction",
                }),
            ));
        }
        // The accounts the file opens and the ledger lacks, with their types.
        let mut types: BTreeMap<String, AccountType> = ledger_accounts
            .iter()
            .filter_map(|a| Some((a.code.clone(), a.kind.parse().ok()?)))
            .collect();
        for a in &parsed.accounts {
            if let Some(k) = a.kind {
                types.entry(a.code.as_str().to_string()).or_insert(k);
            }
        }
        let parent_type = |code: &str, types: &BTreeMap<String, AccountType>| {
            (1..code.len())
                .rev()
                .filter_map(|n| code.get(..n))
                .find_map(|p| types.get(p).map(|t| (p.to_string(), *t)))
        };
        let mut to_create: Vec<(u64, Account)> = vec![];
        for a in &parsed.accounts {
            if accounts.known.contains(a.code.as_str())
                || to_create.iter().any(|(_, c)| c.code == a.code)
            {
                continue;
            }
            let parent = parent_type(a.code.as_str(), &types);
            let kind = match (a.kind, &parent) {
                (Some(given), Some((p, parents)))
                    if info.chart == "ma-associations" && given != *parents =>
                {
                    problems.push(at(
                        a.line,
                        1,
                        &a.written,
                        ImportProblem::Books(BooksProblem::TypeNotParents {
                            given: given.to_string(),
                            parent: p.clone(),
                            parents: parents.to_string(),
                        }),
                    ));
                    continue;
                }
                (Some(given), _) => given,
                (None, Some((_, parents))) => *parents,
                (None, None) => {
                    problems.push(at(
                        a.line,
                        1,
                        &a.written,
                        ImportProblem::Books(BooksProblem::NoType),
                    ));
                    continue;
                }
            };
            types.entry(a.code.as_str().to_string()).or_insert(kind);
            let name = a.name.clone().unwrap_or_else(|| a.written.clone());
            match text::clean("name", &name) {
                Ok(name) => to_create.push((
                    a.line,
                    Account {
                        code: a.code.clone(),
                        name,
                        kind,
                        labels: vec![],
                    },
                )),
                Err(e) => problems.push(at(
                    a.line,
                    1,
                    &name,
                    ImportProblem::Books(BooksProblem::Value(e)),
                )),
            }
        }
        for (i, t) in parsed.transactions.iter().enumerate() {
            if reverses[i].is_some() && t.reason.is_none() {
                problems.push(at(
                    t.line,
                    1,
                    &format!("amana-{}", t.link.unwrap_or_default()),
                    ImportProblem::Books(BooksProblem::ReversalWithoutReason),
                ));
            }
        }
        // Written outside the import batches, each under its own kind's rule: reversals and
        // carries to dedicated funds.
        let apart: Vec<bool> = parsed
            .transactions
            .iter()
            .zip(&reverses)
            .map(|(t, r)| r.is_some() || t.dedicated_funds.is_some())
            .collect();
        let starts = line_starts(&bytes);
        let actor = self.actor.clone();
        let mut watch = Watch::load(&self.store, &info, today)?;
        let total_lines = parsed.lines;
        let carries = parsed
            .transactions
            .iter()
            .any(|t| t.dedicated_funds.is_some());
        let run = |app: &mut Appender<'_>| -> Result<BooksImportOutcome> {
            // A carry to dedicated funds is recomputed from the year's totals, which only a
            // book that replayed the chain keeps (as `amana close` does).
            let mut book = if carries {
                crate::app::decisions::replay(app)?
            } else {
                load_book(app)?
            };
            let start_seq = app.next_seq();
            let mut created = vec![];
            for (line, account) in &to_create {
                match append_record(app, &mut book, &actor, Record::Account(account.clone())) {
                    Ok(_) => created.push(account.code.as_str().to_string()),
                    Err(LedgerError::Rules(rules)) => {
                        problems.extend(rules.into_iter().map(|e| RowError {
                            line: *line,
                            column: Some(Column::Named("account")),
                            value: Some(e.value()),
                            problem: ImportProblem::Rule(e),
                        }))
                    }
                    Err(other) => return Err(other),
                }
            }
            // Every entry built and checked before any is written: all problems at once.
            let first_id = book.next_entry_id().0;
            let mut entries: Vec<Option<Entry>> = Vec::with_capacity(parsed.transactions.len());
            for (i, txn) in parsed.transactions.iter().enumerate() {
                let entry = build(app, &book, &info, first_id, i, txn, reverses[i]);
                match entry {
                    Ok(entry) => {
                        if !apart[i] {
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
                        }
                        entries.push(Some(entry));
                    }
                    Err(LedgerError::Invalid(e)) => {
                        problems.push(at(
                            txn.line,
                            1,
                            &txn.description,
                            ImportProblem::Books(BooksProblem::Transaction(e)),
                        ));
                        entries.push(None);
                    }
                    Err(other) => return Err(other),
                }
            }
            let fail = |mut problems: Vec<RowError<ImportProblem>>| -> LedgerError {
                problems.sort_by_key(|e| e.line);
                ImportError::Rows {
                    file: path.to_path_buf(),
                    errors: problems,
                }
                .into()
            };
            if !problems.is_empty() {
                return Err(fail(problems));
            }
            let entries: Vec<Entry> = entries.into_iter().flatten().collect();
            let mut warnings = vec![];
            // Set by the first record written (a file without transactions was refused).
            let mut head: Hash = Default::default();
            let mut batches = 0;
            let mut i = 0;
            let mut refused = vec![];
            while i < entries.len() {
                if apart[i] {
                    let txn = &parsed.transactions[i];
                    match append_entry(app, &mut book, &actor, entries[i].clone()) {
                        Ok(w) => {
                            warnings.extend(w.warnings);
                            head = w.head;
                        }
                        // Later entries would be numbered after it: said at once.
                        Err(LedgerError::Rules(rules)) => {
                            return Err(fail(
                                rules
                                    .into_iter()
                                    .map(|e| RowError {
                                        line: txn.line,
                                        column: Some(Column::Named(e.field())),
                                        value: Some(e.value()),
                                        problem: ImportProblem::Rule(e),
                                    })
                                    .collect(),
                            ));
                        }
                        Err(other) => return Err(other),
                    }
                    i += 1;
                    continue;
                }
                // A run of ordinary transactions: one import entry, then the run.
                let end = (i..entries.len())
                    .find(|&k| apart[k])
                    .unwrap_or(entries.len());
                let (first_line, last_line) = (
                    parsed.transactions[i].line,
                    parsed.transactions[end - 1].end,
                );
                let import = if batches == 0 {
                    ImportInfo {
                        file_sha256: sha256,
                        file_name: file_name.clone(),
                        rows: total_lines as i64,
                        transactions: (end - i) as i64,
                        forced: already.is_some(),
                    }
                } else {
                    let from = starts[(first_line - 1) as usize];
                    let to = starts
                        .get(last_line as usize)
                        .copied()
                        .unwrap_or(bytes.len());
                    let part = chain::sha256(&bytes[from..to]);
                    ImportInfo {
                        file_sha256: part,
                        file_name: format!("{file_name}, lines {first_line}-{last_line}"),
                        rows: (last_line - first_line + 1) as i64,
                        transactions: (end - i) as i64,
                        forced: force && book.is_imported(&part),
                    }
                };
                let batch = app.next_seq();
                head = append_record(app, &mut book, &actor, Record::Import(import))?.head;
                batches += 1;
                for entry in &entries[i..end] {
                    let mut entry = entry.clone();
                    entry.header.batch = Some(batch);
                    let ours = watch.warnings(&book, &entry);
                    let written = append_entry(app, &mut book, &actor, entry)?;
                    warnings.extend(written.warnings);
                    warnings.extend(ours);
                    head = written.head;
                }
                // Sources (CHAIN.md rule 17), the funders of income without a grant, right
                // after their batch: before a reversal that comes later takes their entry.
                for (k, txn) in parsed.transactions.iter().enumerate().take(end).skip(i) {
                    for (p, funder) in txn.funders.iter().enumerate() {
                        let Some(funder) = funder else { continue };
                        let source = crate::chain::Source {
                            entry: EntryId(first_id + k as i64),
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
                i = end;
            }
            if !refused.is_empty() {
                return Err(fail(refused));
            }
            let end_seq = app.next_seq() - 1;
            Ok(BooksImportOutcome {
                file: path.to_path_buf(),
                sha256,
                lines: total_lines,
                transactions: entries.len(),
                reversals: reverses.iter().filter(|r| r.is_some()).count(),
                accounts_created: created,
                first: entries.first().map(Entry::id),
                last: entries.last().map(Entry::id),
                seqs: Some((start_seq, end_seq)),
                batches,
                head,
                warnings,
                left_out: parsed.left_out.clone(),
                changed: parsed.changed.clone(),
                dry_run,
            })
        };
        let mut outcome = if dry_run {
            self.store.rehearse(run)?
        } else {
            self.store.write(run)?
        };
        if dry_run {
            outcome.seqs = None;
        }
        Ok(outcome)
    }
}

/// The entry of transaction `i`: an ordinary transaction (its amounts in a grant's currency
/// derived as the CSV import derives them), or the reversal of transaction `original`.
fn build(
    app: &Appender<'_>,
    book: &crate::rules::Book,
    info: &crate::domain::LedgerInfo,
    first_id: i64,
    i: usize,
    txn: &InTxn,
    original: Option<usize>,
) -> Result<Entry> {
    let kind = match (original, &txn.dedicated_funds) {
        (Some(o), _) => EntryKind::Reversal {
            reverses: EntryId(first_id + o as i64),
            reason: txn.reason.clone().unwrap_or_default(),
        },
        (None, Some([dedicated, charge, release])) => {
            let year = info.fiscal_start.year_of(txn.date);
            let (start, _) = info
                .fiscal_start
                .year_bounds(year)
                .ok_or_else(|| crate::domain::DomainError::BadDate(txn.date.to_string()))?;
            EntryKind::DedicatedFunds {
                year,
                start,
                dedicated_account: dedicated.clone(),
                charge_account: charge.clone(),
                release_account: release.clone(),
            }
        }
        (None, None) => EntryKind::Transaction,
    };
    let header = EntryHeader {
        id: EntryId(first_id + i as i64),
        date: txn.date,
        description: txn.description.clone(),
        reference: txn.reference.clone(),
        kind,
        batch: None,
    };
    let postings = match original {
        Some(_) => txn.postings.clone(),
        None => {
            crate::app::rates::grant_originals(app, book, info, txn.date, txn.postings.clone())?
        }
    };
    Ok(Entry::new(header, postings, &info.currency)?)
}
