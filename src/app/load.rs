//! `amana load accounts|funders|grants|budget FILE.csv`: a chart, funders, grants or budget
//! lines set up from one CSV file, all or nothing. Every row is checked first (every problem
//! of the file at once, with its line and column); then the rows are appended in one write
//! transaction, each through the same rules as `account add`, `funder add`, `grant add` and
//! `grant budget`, so a row the rules refuse (an account added twice, a grant of an unknown
//! funder) leaves the ledger as it was and is named by its line.

use std::collections::BTreeMap;
use std::path::Path;

use crate::app::setup::GrantRequest;
use crate::app::{Ledger, LedgerError, Refusal, Written, append_record, load_book};
use crate::chain::Record;
use crate::domain::{
    Account, AccountCode, AccountType, BudgetLine, DomainError, Funder, FunderId, GrantId, LineId,
    parse_date, text,
};
use crate::files;
use crate::formats::charts;
use crate::formats::setup_csv::{SetupKind, SetupProblem, SetupRow, read};
use crate::store::StoreError;

/// The largest set-up file read (a chart of a few thousand accounts is well under it).
const LIMIT: u64 = 16 * 1024 * 1024;

/// What a load recorded (or, in a dry run, would have).
#[derive(Debug, Clone)]
pub struct LoadOutcome {
    pub kind: SetupKind,
    pub rows: usize,
    /// The chain entries written (`None` for a dry run or an empty file).
    pub seqs: Option<(i64, i64)>,
    pub dry_run: bool,
    /// Cells the ledger keeps otherwise than written (spaces around them taken off, text put
    /// in Unicode's composed form): (line, column, as written, as kept).
    pub trimmed: Vec<(u64, &'static str, String, String)>,
    pub warnings: Vec<crate::rules::Warning>,
}

/// Why nothing was loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file's own problems, all of them.
    #[error("{file}: {} problem(s) found; nothing was loaded\n{}", .problems.len(),
            .problems.iter().map(|p| format!("{file}:{p}")).collect::<Vec<_>>().join("\n"))]
    Problems {
        file: String,
        problems: Vec<SetupProblem>,
    },
    /// A row the rules refused when it was appended.
    #[error("{file}:line {line}: {error}\nnothing was loaded")]
    Refused {
        file: String,
        line: u64,
        error: Box<LedgerError>,
    },
    #[error(transparent)]
    Ledger(Box<LedgerError>),
}

impl From<StoreError> for LoadError {
    fn from(e: StoreError) -> Self {
        LoadError::Ledger(Box::new(e.into()))
    }
}

impl From<LedgerError> for LoadError {
    fn from(e: LedgerError) -> Self {
        LoadError::Ledger(Box::new(e))
    }
}

/// The rows of one file, checked and turned into records, with what was noticed on the way.
struct Checked {
    records: Vec<(u64, Record)>,
    problems: Vec<SetupProblem>,
    trimmed: Vec<(u64, &'static str, String, String)>,
}

impl Checked {
    fn problem(&mut self, row: &SetupRow, column: &str, what: impl std::fmt::Display) {
        self.problems.push(SetupProblem {
            line: row.line,
            column: Some(column.to_string()),
            value: row.get(column).to_string(),
            what: what.to_string(),
        });
    }

    /// A text cell as the ledger keeps it (trimmed, with a note when that changed it).
    fn text(&mut self, row: &SetupRow, column: &'static str) -> Option<String> {
        let cell = row.get(column);
        match text::clean(column, cell) {
            Ok(t) => {
                if t != cell {
                    self.trimmed
                        .push((row.line, column, cell.to_string(), t.clone()));
                }
                Some(t)
            }
            Err(e) => {
                self.problem(row, column, e);
                None
            }
        }
    }

    /// A cell parsed by `parse`, or a problem (spaces around it, which the parsers take off,
    /// are said as for text).
    fn parsed<T>(
        &mut self,
        row: &SetupRow,
        column: &'static str,
        parse: impl FnOnce(&str) -> Result<T, DomainError>,
    ) -> Option<T> {
        let cell = row.get(column);
        match parse(cell) {
            Ok(v) => {
                if cell.trim() != cell {
                    self.trimmed.push((
                        row.line,
                        column,
                        cell.to_string(),
                        cell.trim().to_string(),
                    ));
                }
                Some(v)
            }
            Err(e) => {
                self.problem(row, column, e);
                None
            }
        }
    }
}

impl Ledger {
    /// Loads the set-up file at `path` as `kind`: every row or none (`dry_run`: checks every
    /// row through the rules and records nothing).
    pub fn load(
        &mut self,
        kind: SetupKind,
        path: &Path,
        dry_run: bool,
    ) -> Result<LoadOutcome, LoadError> {
        let file = path.display().to_string();
        let content = files::read_text(path, LIMIT).map_err(LedgerError::from)?;
        let rows = read(kind, &content).map_err(|problems| LoadError::Problems {
            file: file.clone(),
            problems,
        })?;
        let checked = self.check_rows(kind, &rows)?;
        if !checked.problems.is_empty() {
            return Err(LoadError::Problems {
                file,
                problems: checked.problems,
            });
        }
        let count = checked.records.len();
        let mut outcome = LoadOutcome {
            kind,
            rows: count,
            seqs: None,
            dry_run,
            trimmed: checked.trimmed,
            warnings: vec![],
        };
        if count == 0 {
            return Ok(outcome);
        }
        let actor = self.actor.clone();
        let records = checked.records;
        let append = |app: &mut crate::store::Appender<'_>| -> Result<Vec<Written>, LoadError> {
            let mut book = load_book(app)?;
            let mut written = vec![];
            for (line, record) in records {
                let w = append_record(app, &mut book, &actor, record).map_err(|error| {
                    LoadError::Refused {
                        file: file.clone(),
                        line,
                        error: Box::new(error),
                    }
                })?;
                written.push(w);
            }
            Ok(written)
        };
        let written = if dry_run {
            self.store.rehearse(append)?
        } else {
            self.store.write(append)?
        };
        if !dry_run {
            outcome.seqs = written
                .first()
                .zip(written.last())
                .map(|(a, b)| (a.seq, b.seq));
        }
        outcome.warnings = written.into_iter().flat_map(|w| w.warnings).collect();
        Ok(outcome)
    }

    fn check_rows(&self, kind: SetupKind, rows: &[SetupRow]) -> Result<Checked, LoadError> {
        let mut c = Checked {
            records: vec![],
            problems: vec![],
            trimmed: vec![],
        };
        let info = self.info()?;
        // Accounts take their parent's type: the parents are the ledger's and the file's.
        let mut types: BTreeMap<String, AccountType> = BTreeMap::new();
        if kind == SetupKind::Accounts {
            for a in self.store.accounts(None)? {
                if let Ok(t) = a.kind.parse() {
                    types.insert(a.code, t);
                }
            }
            // And the file's accounts that give their type, wherever they stand in it: a
            // spreadsheet sorted by name may list a sub-account before its parent.
            for row in rows {
                if let (Ok(code), Ok(t)) = (
                    AccountCode::parse(row.get("code")),
                    row.get("type").parse::<AccountType>(),
                ) {
                    types.entry(code.as_str().to_string()).or_insert(t);
                }
            }
        }
        for row in rows {
            let record = match kind {
                SetupKind::Accounts => self.account_row(&mut c, row, &info.chart, &mut types),
                SetupKind::Funders => funder_row(&mut c, row),
                SetupKind::Grants => self.grant_row(&mut c, row, &info),
                SetupKind::Budget => self.budget_row(&mut c, row, &info),
            };
            if let Some(record) = record {
                c.records.push((row.line, record));
            }
        }
        Ok(c)
    }

    fn account_row(
        &self,
        c: &mut Checked,
        row: &SetupRow,
        chart: &str,
        types: &mut BTreeMap<String, AccountType>,
    ) -> Option<Record> {
        let code = c.parsed(row, "code", AccountCode::parse);
        let name = c.text(row, "name");
        let given = match row.optional("type") {
            None => None,
            Some(_) => Some(c.parsed(row, "type", |t| t.parse::<AccountType>())?),
        };
        let mut labels = vec![];
        for (column, lang) in [("name_ar", "ar"), ("name_fr", "fr"), ("name_en", "en")] {
            if row.optional(column).is_some() {
                labels.push((lang.to_string(), c.text(row, column)?));
            }
        }
        let code = code?;
        let parent = types
            .iter()
            .filter(|(p, _)| p.len() < code.as_str().len() && code.as_str().starts_with(p.as_str()))
            .max_by_key(|(p, _)| p.len())
            .map(|(p, t)| (p.clone(), *t));
        let kind = match (&parent, given) {
            (Some((parent, parents)), Some(given))
                if chart == "ma-associations" && given != *parents =>
            {
                c.problem(
                    row,
                    "type",
                    format!("on the Moroccan chart an account has its parent's type: {parent} is {parents}"),
                );
                return None;
            }
            (_, Some(given)) => given,
            (Some((_, parents)), None) => *parents,
            (None, None) => {
                c.problem(
                    row,
                    "type",
                    "no type, and no parent account to take it from: give one of asset, liability, net-assets, income, expense, memorandum",
                );
                return None;
            }
        };
        let labels = match charts::labels(&labels) {
            Ok(l) => l,
            Err(e) => {
                c.problem(row, "name_ar", e);
                return None;
            }
        };
        types.insert(code.as_str().to_string(), kind);
        Some(Record::Account(Account {
            code,
            name: name?,
            kind,
            labels,
        }))
    }

    fn grant_row(
        &self,
        c: &mut Checked,
        row: &SetupRow,
        info: &crate::domain::LedgerInfo,
    ) -> Option<Record> {
        let id = c.parsed(row, "id", GrantId::parse);
        let funder = c.parsed(row, "funder", FunderId::parse);
        let start = c.parsed(row, "start", parse_date);
        let end = c.parsed(row, "end", parse_date);
        let restricted = match row.get("restricted") {
            "" | "yes" | "true" | "1" => Some(true),
            "no" | "false" | "0" => Some(false),
            _ => {
                c.problem(row, "restricted", "is yes or no");
                None
            }
        };
        let purpose = match row.optional("purpose") {
            Some(_) => Some(c.text(row, "purpose")?),
            None => None,
        };
        let currency = match row.optional("currency") {
            None => info.currency.clone(),
            Some(code) => match crate::app::currency_in(info, code) {
                Ok(c) => c,
                Err(e) => {
                    c.problem(row, "currency", e);
                    return None;
                }
            },
        };
        let amount = c.parsed(row, "amount", |a| currency.parse(a));
        let request = GrantRequest {
            id: id?,
            funder: funder?,
            amount: amount?.format(currency.exponent),
            currency: Some(currency.code.clone()),
            start: start?,
            end: end?,
            restricted: restricted?,
            purpose,
        };
        // Its currency, amount and purpose were checked above: what is left to refuse is the
        // row as a whole.
        match self.grant_of(request) {
            Ok(grant) => Some(Record::Grant(grant)),
            Err(e) => {
                c.problems.push(SetupProblem {
                    line: row.line,
                    column: None,
                    value: String::new(),
                    what: e.to_string(),
                });
                None
            }
        }
    }

    fn budget_row(
        &self,
        c: &mut Checked,
        row: &SetupRow,
        info: &crate::domain::LedgerInfo,
    ) -> Option<Record> {
        let grant = c.parsed(row, "grant", GrantId::parse);
        let line = c.parsed(row, "line", LineId::parse);
        let label = c.text(row, "label");
        let account = match row.optional("account") {
            Some(_) => Some(c.parsed(row, "account", AccountCode::parse)?),
            None => None,
        };
        let grant = grant?;
        let column = if row.has("amount") {
            "amount"
        } else {
            "budget"
        };
        let currency = match crate::app::rates::budget_currency(&self.store, info, &grant) {
            Ok(currency) => currency,
            Err(_) => {
                c.problem(
                    row,
                    "grant",
                    Refusal::GrantNotFound {
                        grant: grant.clone(),
                    },
                );
                return None;
            }
        };
        let amount = c.parsed(row, column, |a| currency.parse(a));
        Some(Record::BudgetLine(BudgetLine {
            grant,
            line: line?,
            label: label?,
            amount: amount?,
            account,
        }))
    }
}

fn funder_row(c: &mut Checked, row: &SetupRow) -> Option<Record> {
    let id = c.parsed(row, "id", FunderId::parse);
    let name = c.text(row, "name");
    let kind = c.parsed(row, "type", |t| t.parse());
    let country = match row.optional("country") {
        None => None,
        Some(code) if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
            Some(code.to_string())
        }
        Some(_) => {
            c.problem(
                row,
                "country",
                "is a country's two-letter ISO code in capitals (MA, FR, ...)",
            );
            return None;
        }
    };
    Some(Record::Funder(Funder {
        id: id?,
        name: name?,
        kind: kind?,
        country,
    }))
}
