//! Setting up a ledger: `init` (the genesis entry, the policy and a chart template's
//! accounts), then accounts, funders, grants and budget lines, each one chain entry admitted
//! by the book.

use std::path::{Path, PathBuf};

use crate::app::{Ledger, LedgerError, Refusal, Written, currency_in};
use crate::chain::{self, Record};
use crate::domain::{
    Account, AccountCode, AccountType, BudgetLine, Currency, FiscalStart, Funder, Grant, GrantId,
    LedgerInfo, LineId, text,
};
use crate::formats::charts;
use crate::store::{Store, StoreError};

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
            return Err(Refusal::LedgerFileNameMissing {
                path: path.to_path_buf(),
            }
            .into());
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
                return Err(Refusal::CountryNotIso {
                    country: c.to_string(),
                }
                .into());
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
}

/// 16 bytes that identify a new ledger: a hash of its name, its path, the time and the process.
fn ledger_id(name: &str, path: &Path) -> Vec<u8> {
    let now = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
    let seed = format!("{name}\0{}\0{now}\0{}", path.display(), std::process::id());
    chain::sha256(seed.as_bytes())[..16].to_vec()
}
