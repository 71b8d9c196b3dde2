//! The application service: one method per thing a treasurer or an auditor does.
//!
//! Each write reads like a pipeline: typed request → domain value (valid by construction) →
//! the [`Book`]'s rules → one SQLite transaction that appends the chain entry and its rows.
//! Nothing here parses command lines or prints.

pub mod amendments;
pub mod backup;
pub mod bundle;
pub mod decisions;
pub mod demo;
pub mod signatures;
pub mod trust;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::chain::{self, ChainEntry, Hash, ImportInfo, Record};
use crate::domain::{
    Account, AccountCode, AccountType, BudgetLine, Currency, DomainError, Entry, EntryHeader,
    EntryId, EntryKind, FiscalStart, Funder, Grant, GrantId, LedgerInfo, LineId, Minor, Posting,
    checked_sum, text,
};
use crate::formats::charts;
use crate::formats::journal::{self, ImportError, ParsedFile};
use crate::rules::{Book, RuleError, Warning};
use crate::store::{Appender, Store, StoreError};

/// Why a command did not happen. Whatever the variant, the ledger is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{0}")]
    Invalid(#[from] DomainError),
    #[error("{}", .0.iter().map(|e| e.message()).collect::<Vec<_>>().join("\n"))]
    Rules(Vec<RuleError>),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error("{0}")]
    Refused(String),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A file outside the ledger: a document to read, an output to write.
    #[error(transparent)]
    File(#[from] crate::files::FileError),
}

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// What `init` needs.
pub struct InitRequest {
    pub name: String,
    pub currency: String,
    pub chart: String,
    pub fiscal_start: String,
    /// The ledger's identity; `None` (the normal case) makes a new, unique one.
    pub id: Option<Vec<u8>>,
}

/// A posting as a person writes it; the amount may be left out on one posting of an entry,
/// which then takes whatever balances the entry (as in hledger and Beancount).
#[derive(Debug, Clone, Default)]
pub struct PostingRequest {
    pub account: String,
    pub amount: Option<String>,
    pub grant: Option<String>,
    pub line: Option<String>,
    /// Amount and currency of money that moved in another currency (e.g. `1000.00`, `EUR`).
    pub original: Option<(String, String)>,
    pub memo: Option<String>,
}

pub struct RecordRequest {
    pub date: String,
    pub description: String,
    pub reference: Option<String>,
    pub postings: Vec<PostingRequest>,
    /// Supporting documents, stored by hash beside the ledger and recorded in the chain.
    pub receipts: Vec<PathBuf>,
}

pub struct GrantRequest {
    pub id: String,
    pub funder: String,
    pub amount: String,
    pub currency: Option<String>,
    pub start: String,
    pub end: String,
    pub restricted: bool,
    pub purpose: Option<String>,
}

pub struct BudgetLineRequest {
    pub grant: String,
    pub line: String,
    pub label: String,
    pub amount: String,
    pub account: Option<String>,
}

/// What a write did: where in the chain, and what it asks the treasurer to notice.
#[derive(Debug, Clone)]
pub struct Written {
    pub seq: i64,
    pub head: Hash,
    /// The hash of the entry itself (a seal's fingerprint is made from it).
    pub entry_hash: Hash,
    pub entry: Option<EntryId>,
    pub warnings: Vec<Warning>,
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

/// An open ledger and who is acting on it.
pub struct Ledger {
    pub(crate) store: Store,
    pub(crate) actor: String,
}

impl Ledger {
    /// Creates a ledger file with its genesis entry and the accounts of a chart template.
    /// On failure the new file is removed, so nothing half-made is left behind.
    pub fn init(path: &Path, req: InitRequest, actor: &str) -> Result<(Ledger, Written)> {
        let name = text::clean("name", &req.name)?;
        let currency = Currency::iso(&req.currency)?;
        let fiscal_start = FiscalStart::parse(&req.fiscal_start)?;
        let chart = charts::load(&req.chart)?;
        let actor = text::clean("actor", actor)?;
        let info = LedgerInfo {
            id: req.id.clone().unwrap_or_else(|| ledger_id(&name, path)),
            name,
            currency,
            fiscal_start,
            chart: req.chart.clone(),
            currencies: Currency::iso_table(),
        };
        // The ledger is built under a temporary name beside its final one, then linked into
        // place whole: a killed `init` leaves no half-made ledger to block the next one (the
        // next `init` removes what a crashed one left), and an existing file is never touched.
        if std::fs::symlink_metadata(path).is_ok() {
            return Err(StoreError::Exists(path.to_path_buf()).into());
        }
        if path.file_name().is_none() {
            return Err(LedgerError::Refused(format!(
                "{}: give a file name for the ledger",
                path.display()
            )));
        }
        let folder = crate::files::staging::parent_of(path);
        crate::files::staging::sweep(&folder);
        let tmp = crate::files::staging::temp_beside(path);
        let remove = |p: &Path| {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let mut f = p.as_os_str().to_owned();
                f.push(suffix);
                let _ = std::fs::remove_file(PathBuf::from(f));
            }
        };
        let built = (|| -> Result<Written> {
            let store = Store::create(&tmp)?;
            let mut ledger = Ledger {
                store,
                actor: actor.clone(),
            };
            // Every new ledger starts with a policy: two officers sign what matters.
            let mut records = vec![
                Record::Ledger(info),
                Record::Policy(crate::chain::Policy {
                    quorum: crate::rules::governance::DEFAULT_QUORUM,
                }),
            ];
            records.extend(chart.into_iter().map(Record::Account));
            let written = ledger.append_all(records)?;
            // Closing the last connection checkpoints the write-ahead log into the file.
            ledger.store.close()?;
            Ok(written)
        })();
        let placed = built.and_then(|written| {
            match std::fs::hard_link(&tmp, path) {
                Ok(()) => Ok(written),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    Err(StoreError::Exists(path.to_path_buf()).into())
                }
                // A file system without hard links: check, then rename.
                Err(_) if std::fs::symlink_metadata(path).is_ok() => {
                    Err(StoreError::Exists(path.to_path_buf()).into())
                }
                Err(_) => std::fs::rename(&tmp, path)
                    .map(|()| written)
                    .map_err(|source| LedgerError::Io {
                        path: path.to_path_buf(),
                        source,
                    }),
            }
        });
        remove(&tmp);
        let written = placed?;
        crate::files::staging::sync_dir(&folder);
        Ok((Ledger::open(path, &actor)?, written))
    }

    pub fn open(path: &Path, actor: &str) -> Result<Ledger> {
        let actor = text::clean("actor", actor)?;
        Ok(Ledger {
            store: Store::open(path)?,
            actor,
        })
    }

    pub fn open_read_only(path: &Path) -> Result<Ledger> {
        Ok(Ledger {
            store: Store::open_read_only(path)?,
            actor: String::new(),
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn info(&self) -> Result<LedgerInfo> {
        Ok(self.store.ledger_info()?)
    }

    /// Appends records in one transaction, each admitted by the book first.
    fn append_all(&mut self, records: Vec<Record>) -> Result<Written> {
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            let mut warnings = vec![];
            let mut last = None;
            for record in records {
                let written = append_record(app, &mut book, &actor, record)?;
                warnings.extend(written.warnings.iter().cloned());
                last = Some(written);
            }
            let mut last = last.expect("at least one record");
            last.warnings = warnings;
            Ok(last)
        })
    }

    pub fn add_account(
        &mut self,
        code: &str,
        name: &str,
        kind: &str,
        labels: &[(String, String)],
    ) -> Result<Written> {
        let account = Account {
            code: AccountCode::parse(code)?,
            name: text::clean("name", name)?,
            kind: kind.parse::<AccountType>()?,
            labels: charts::labels(labels)?,
        };
        self.append_all(vec![Record::Account(account)])
    }

    pub fn add_funder(
        &mut self,
        id: &str,
        name: &str,
        kind: &str,
        country: Option<&str>,
    ) -> Result<Written> {
        let country = match country.map(str::trim).filter(|c| !c.is_empty()) {
            None => None,
            Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) => {
                Some(c.to_ascii_uppercase())
            }
            Some(c) => {
                return Err(LedgerError::Refused(format!(
                    "country \"{c}\" is not an ISO 3166 two-letter code (e.g. MA, FR, BE)"
                )));
            }
        };
        let funder = Funder {
            id: crate::domain::FunderId::parse(id)?,
            name: text::clean("name", name)?,
            kind: kind.parse()?,
            country,
        };
        self.append_all(vec![Record::Funder(funder)])
    }

    pub fn add_grant(&mut self, req: GrantRequest) -> Result<Written> {
        let info = self.info()?;
        let currency = match &req.currency {
            Some(code) => currency_in(&info, code)?,
            None => info.currency.clone(),
        };
        let grant = Grant {
            id: GrantId::parse(&req.id)?,
            funder: crate::domain::FunderId::parse(&req.funder)?,
            amount: currency.parse(&req.amount)?,
            currency: currency.code,
            start: crate::domain::parse_date(&req.start)?,
            end: crate::domain::parse_date(&req.end)?,
            restricted: req.restricted,
            purpose: text::clean_optional("purpose", req.purpose.as_deref())?,
        };
        self.append_all(vec![Record::Grant(grant)])
    }

    pub fn add_budget_line(&mut self, req: BudgetLineRequest) -> Result<Written> {
        let info = self.info()?;
        let line = BudgetLine {
            grant: GrantId::parse(&req.grant)?,
            line: LineId::parse(&req.line)?,
            label: text::clean("label", &req.label)?,
            amount: info.currency.parse(&req.amount)?,
            account: req.account.as_deref().map(AccountCode::parse).transpose()?,
        };
        self.append_all(vec![Record::BudgetLine(line)])
    }

    /// Records one transaction.
    pub fn record(&mut self, req: RecordRequest) -> Result<Written> {
        let info = self.info()?;
        let date = crate::domain::parse_date(&req.date)?;
        let postings = build_postings(&info, &req.postings)?;
        let description = text::clean("description", &req.description)?;
        let reference = text::clean_optional("reference", req.reference.as_deref())?;
        let actor = self.actor.clone();
        // Documents are read and hashed now, and stored (and flushed) once the entry is
        // admitted, before the commit: a refused command copies nothing.
        let staged = stage_receipts(EntryId(0), &req.receipts)?;
        let store = crate::files::receipts::ReceiptStore::for_ledger(self.store.path());
        self.write_with_receipts(&store, |app, keep| {
            let mut book = load_book(app)?;
            let id = book.next_entry_id();
            let header = EntryHeader {
                id,
                date,
                description,
                reference,
                kind: EntryKind::Transaction,
                batch: None,
            };
            let entry = Entry::new(header, postings, &info.currency)?;
            let mut written = append_entry(app, &mut book, &actor, entry)?;
            for (file, receipt) in &staged {
                let receipt = crate::chain::Receipt {
                    entry: id,
                    ..receipt.clone()
                };
                let r = append_record(app, &mut book, &actor, Record::Receipt(receipt))?;
                written.seq = r.seq;
                written.head = r.head;
                keep.push(file.clone());
            }
            Ok(written)
        })
    }

    /// Runs `f` in one write transaction; the documents `f` lists (once it has admitted the
    /// records that name them) are copied into `store` and flushed before the commit. If the
    /// command fails after all, the documents it added are taken back out.
    pub(crate) fn write_with_receipts<T>(
        &mut self,
        store: &crate::files::receipts::ReceiptStore,
        f: impl FnOnce(&mut Appender<'_>, &mut Vec<crate::files::receipts::Staged>) -> Result<T>,
    ) -> Result<T> {
        let mut created = vec![];
        let result = self.store.write(|app| {
            let mut keep = vec![];
            let value = f(app, &mut keep)?;
            for staged in &keep {
                if let Some(path) = store.put_staged(staged)? {
                    created.push(path);
                }
            }
            Ok(value)
        });
        if result.is_err() {
            for path in &created {
                let _ = std::fs::remove_file(path);
            }
        }
        result
    }

    /// Records the reversal of transaction `id`: the same postings with opposite signs.
    ///
    /// Without a `date`, the reversal is dated on its original's date when that day is still
    /// open, so that the correction lands in the period of the mistake; when the period is
    /// locked, it is refused with the first open date to give instead. Nothing is dated today
    /// silently: today may be in another month, another fiscal year, another grant's period.
    pub fn reverse(&mut self, id: i64, date: Option<NaiveDate>, reason: &str) -> Result<Written> {
        let info = self.info()?;
        let reason = text::clean("reason", reason)?;
        let actor = self.actor.clone();
        self.store.write(|app| {
            let mut book = load_book(app)?;
            let original = app.entry(EntryId(id))?.ok_or_else(|| {
                LedgerError::Refused(format!(
                    "transaction {id} does not exist (see `amana journal` for the numbers)"
                ))
            })?;
            let date = match date {
                Some(date) => date,
                None => reversal_date(&book, &original, &reason)?,
            };
            let postings = original
                .postings()
                .iter()
                .map(|p| {
                    Ok(Posting {
                        amount: p.amount.checked_neg().ok_or(DomainError::Overflow)?,
                        original: match &p.original {
                            Some((m, c)) => {
                                Some((m.checked_neg().ok_or(DomainError::Overflow)?, c.clone()))
                            }
                            None => None,
                        },
                        ..p.clone()
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            let header = EntryHeader {
                id: book.next_entry_id(),
                date,
                description: text::clean(
                    "description",
                    &format!("Reversal of #{id}: {}", original.header.description),
                )?,
                reference: original.header.reference.clone(),
                kind: EntryKind::Reversal {
                    reverses: EntryId(id),
                    reason,
                },
                batch: None,
            };
            let entry = Entry::new(header, postings, &info.currency)?;
            append_entry(app, &mut book, &actor, entry)
        })
    }

    /// Imports a CSV file as one operation: every transaction or none.
    pub fn import(&mut self, path: &Path, dry_run: bool, force: bool) -> Result<ImportOutcome> {
        let bytes = std::fs::read(path).map_err(|source| LedgerError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let sha256 = chain::sha256(&bytes);
        let info = self.info()?;
        let parsed: ParsedFile = journal::parse(path, &bytes, &info)?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| path.display().to_string());
        let file_name = text::clean("file name", &file_name)?;
        let actor = self.actor.clone();
        let already = self.store.import_by_file(&sha256)?;
        // Supporting documents named in the file are stored first (content-addressed, so a
        // refused import leaves at most unreferenced copies); a missing one is a row error.
        // Supporting documents named in the file are read and hashed now (a missing one, or
        // one outside the CSV file's folder, is a row error) and stored only once every row is
        // accepted: a refused import copies nothing.
        let receipt_store = crate::files::receipts::ReceiptStore::for_ledger(self.store.path());
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut receipt_errors = vec![];
        let mut staged: Vec<(
            usize,
            Vec<(crate::files::receipts::Staged, crate::chain::Receipt)>,
        )> = vec![];
        for (i, txn) in parsed.transactions.iter().enumerate() {
            let mut files = vec![];
            for (name, line) in &txn.receipts {
                let found = crate::files::confine(&folder, name)
                    .map_err(LedgerError::from)
                    .and_then(|file| stage_receipts(EntryId(0), &[file]));
                match found {
                    Ok(mut one) => files.append(&mut one),
                    Err(e) => receipt_errors.push(journal::RowError {
                        line: *line,
                        column: Some("receipt".into()),
                        value: Some(name.clone()),
                        reason: match e {
                            LedgerError::File(crate::files::FileError::NotFound { path }) => format!(
                                "no such file ({}); receipt paths are relative to the CSV file's folder",
                                path.display()
                            ),
                            e => format!(
                                "{e} (receipt paths are relative to the CSV file's folder, and stay inside it)"
                            ),
                        },
                    }),
                }
            }
            if !files.is_empty() {
                staged.push((i, files));
            }
        }
        if let (Some((seq, name)), false) = (&already, force) {
            return Err(LedgerError::Refused(format!(
                "{}: this file (SHA-256 {}) was already imported as {name} (chain entry {seq}); \
                 nothing was imported. To import it again on purpose, add --force",
                path.display(),
                hex::encode(sha256)
            )));
        }
        let run = |app: &mut Appender<'_>,
                   keep: &mut Vec<crate::files::receipts::Staged>|
         -> Result<ImportOutcome> {
            let mut book = load_book(app)?;
            // Build every entry and check its content before writing anything, so that all
            // problems are reported at once, each at its line of the file.
            let first_id = book.next_entry_id().0;
            let mut entries = Vec::with_capacity(parsed.transactions.len());
            let mut problems = parsed.errors.clone();
            problems.extend(receipt_errors.iter().cloned());
            for (i, txn) in parsed.transactions.iter().enumerate() {
                let header = EntryHeader {
                    id: EntryId(first_id + i as i64),
                    date: txn.date,
                    description: txn.description.clone(),
                    reference: txn.reference.clone(),
                    kind: EntryKind::Transaction,
                    batch: Some(app.next_seq()),
                };
                match Entry::new(header, txn.postings.clone(), &info.currency) {
                    Ok(entry) => {
                        for e in book.check_content(&entry) {
                            let line = e.posting.map_or(txn.line, |p| txn.posting_lines[p]);
                            problems.push(journal::RowError {
                                line,
                                column: Some(e.field().to_string()),
                                value: Some(e.value()),
                                reason: e.message(),
                            });
                        }
                        entries.push(entry);
                    }
                    Err(e) => problems.push(journal::RowError {
                        line: txn.line,
                        column: Some("txn".into()),
                        value: Some(txn.label.clone()),
                        reason: e.to_string(),
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
                let written = append_entry(app, &mut book, &actor, entry)?;
                warnings.extend(written.warnings);
                head = written.head;
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

/// Appends one record at the head of the chain after the book admits it: the one way
/// anything enters a ledger.
pub(crate) fn append_record(
    app: &mut Appender<'_>,
    book: &mut Book,
    actor: &str,
    record: Record,
) -> Result<Written> {
    let entry = ChainEntry {
        seq: app.next_seq(),
        time_us: chrono::Utc::now().timestamp_micros(),
        actor: actor.to_string(),
        record,
    };
    let original = original_of(app, &entry)?;
    let mut warnings = book
        .admit(&entry, original.as_ref())
        .map_err(LedgerError::Rules)?;
    if let Some(last) = app.head_time()
        && entry.time_us < last.saturating_sub(crate::chain::CLOCK_SLACK_US)
    {
        let shown = |us: i64| {
            chrono::DateTime::from_timestamp_micros(us)
                .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
                .unwrap_or_default()
        };
        warnings.push(crate::rules::Warning::ClockBehind {
            now: shown(entry.time_us),
            last: shown(last),
        });
    }
    let (entry_hash, head) = app.append(&entry)?;
    book.appended(entry.seq, &entry_hash, &head);
    Ok(Written {
        seq: entry.seq,
        head,
        entry_hash,
        entry: match &entry.record {
            Record::Entry(e) => Some(e.id()),
            _ => None,
        },
        warnings,
    })
}

pub(crate) fn append_entry(
    app: &mut Appender<'_>,
    book: &mut Book,
    actor: &str,
    entry: Entry,
) -> Result<Written> {
    append_record(app, book, actor, Record::Entry(entry))
}

/// The entry a reversal reverses, as the chain recorded it.
pub(crate) fn original_of(app: &Appender<'_>, entry: &ChainEntry) -> Result<Option<Entry>> {
    match &entry.record {
        Record::Entry(e) => match e.reverses() {
            Some(id) => Ok(app.entry(id)?),
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

pub(crate) fn load_book(app: &Appender<'_>) -> Result<Book> {
    if app.next_seq() == 1 {
        Ok(Book::new())
    } else {
        Ok(Book::from_parts(app.book_parts()?))
    }
}

pub(crate) fn currency_in(info: &LedgerInfo, code: &str) -> Result<Currency> {
    info.currency(&code.trim().to_ascii_uppercase())
        .cloned()
        .ok_or_else(|| DomainError::UnknownCurrency(code.to_string()).into())
}

/// The date of a reversal given no `--date`: its original's, when that day is not locked.
fn reversal_date(book: &Book, original: &Entry, reason: &str) -> Result<NaiveDate> {
    let dated = original.header.date;
    let Some(locked) = book.locked_on(dated) else {
        return Ok(dated);
    };
    let id = original.id();
    let first_open = locked.succ_opt().ok_or_else(|| {
        LedgerError::Refused(format!(
            "transaction {id} is dated {dated}, and the books are locked through {locked}, the last day the ledger records: nothing more can be dated"
        ))
    })?;
    Err(LedgerError::Refused(format!(
        "transaction {id} is dated {dated}, in the period locked through {locked}: its reversal cannot take its date. Date it in the open period, from {first_open} on:\n  amana reverse {id} --date {first_open} --reason {}",
        shell_quote(reason)
    )))
}

/// `text` as one word for a POSIX shell, so that a printed command can be pasted as it is.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// Turns posting requests into postings, filling in the one elided amount if any.
pub fn build_postings(info: &LedgerInfo, requests: &[PostingRequest]) -> Result<Vec<Posting>> {
    let elided = requests.iter().filter(|p| p.amount.is_none()).count();
    if elided > 1 {
        return Err(LedgerError::Refused(
            "only one posting of a transaction may leave its amount out (it takes what balances the others)"
                .into(),
        ));
    }
    let mut postings = requests
        .iter()
        .map(|r| {
            let original = match &r.original {
                None => None,
                Some((amount, code)) => {
                    let c = currency_in(info, code)?;
                    Some((c.parse(amount)?, c.code))
                }
            };
            Ok(Posting {
                account: AccountCode::parse(&r.account)?,
                amount: match &r.amount {
                    Some(a) => info.currency.parse(a)?,
                    None => Minor::ZERO,
                },
                grant: r.grant.as_deref().map(GrantId::parse).transpose()?,
                line: r.line.as_deref().map(LineId::parse).transpose()?,
                original,
                memo: text::clean_optional("memo", r.memo.as_deref())?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    if let Some(i) = requests.iter().position(|p| p.amount.is_none()) {
        let rest = checked_sum(postings.iter().map(|p| p.amount)).ok_or(DomainError::Overflow)?;
        postings[i].amount = rest.checked_neg().ok_or(DomainError::Overflow)?;
    }
    Ok(postings)
}

/// 16 bytes that identify a new ledger: a hash of its name, its path, the time and the process.
fn ledger_id(name: &str, path: &Path) -> Vec<u8> {
    let now = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
    let seed = format!("{name}\0{}\0{now}\0{}", path.display(), std::process::id());
    chain::sha256(seed.as_bytes())[..16].to_vec()
}

/// Reads and hashes receipt files, storing nothing yet: each comes back with the record that
/// will name it, to be stored by [`Ledger::write_with_receipts`] once the command is accepted.
pub(crate) fn stage_receipts(
    id: EntryId,
    files: &[PathBuf],
) -> Result<Vec<(crate::files::receipts::Staged, chain::Receipt)>> {
    files
        .iter()
        .map(|f| {
            let staged = crate::files::receipts::ReceiptStore::stage(f)?;
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "receipt".into());
            let receipt = chain::Receipt {
                entry: id,
                sha256: staged.sha256,
                file_name: text::clean("receipt file name", &name)?,
                size: staged.size as i64,
            };
            Ok((staged, receipt))
        })
        .collect()
}
