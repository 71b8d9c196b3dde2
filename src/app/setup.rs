//! Setting up a ledger: `init` (the genesis entry, the policy and a chart template's
//! accounts), then accounts, funders, grants and budget lines, each one chain entry admitted
//! by the book.

use std::path::{Path, PathBuf};

use crate::app::{Ledger, LedgerError, Refusal, Written, currency_in};
use crate::chain::{self, Record};
use chrono::NaiveDate;

use crate::domain::{
    Account, AccountCode, AccountType, BudgetLine, Currency, FiscalStart, Funder, FunderId,
    FunderType, Grant, GrantId, LedgerInfo, LineId, text,
};
use crate::formats::charts;
use crate::store::{Store, StoreError};

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// What `init` needs. The name is free text, cleaned where it is recorded; the chart is the
/// name of a template shipped with amana, loaded (and refused if unknown) by `init` itself.
pub struct InitRequest {
    pub name: String,
    /// The books' currency, from the ISO 4217 table shipped with this release.
    pub currency: Currency,
    pub chart: String,
    pub fiscal_start: FiscalStart,
    /// The ledger's identity; `None` (the normal case) makes a new, unique one.
    pub id: Option<Vec<u8>>,
}

/// An account to add. The name and the labels' texts are cleaned where they are recorded.
pub struct AccountRequest {
    pub code: AccountCode,
    pub name: String,
    /// `None`: the type of its parent (the account with the longest code it extends). On the
    /// Moroccan chart a sub-account always has its parent's type.
    pub kind: Option<AccountType>,
    /// Labels in other languages, as (language tag, text) pairs.
    pub labels: Vec<(String, String)>,
}

/// A funder to add. The country stays text: an ISO 3166 two-letter code, checked (and
/// upper-cased) by the service, which has no type for it.
pub struct FunderRequest {
    pub id: FunderId,
    pub name: String,
    pub kind: FunderType,
    pub country: Option<String>,
}

/// A grant to add. The amount stays text: it is read in the grant's currency, and the
/// currency code is looked up in the ledger's own table (`None`: the ledger's base currency).
pub struct GrantRequest {
    pub id: GrantId,
    pub funder: FunderId,
    pub amount: String,
    pub currency: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub restricted: bool,
    pub purpose: Option<String>,
}

/// A budget line to add. The amount stays text: it is read in the ledger's base currency,
/// as budgets are.
pub struct BudgetLineRequest {
    pub grant: GrantId,
    pub line: LineId,
    pub label: String,
    pub amount: String,
    pub account: Option<AccountCode>,
}

impl Ledger {
    /// Creates a ledger file with its genesis entry and the accounts of a chart template.
    /// On failure the new file is removed, so nothing half-made is left behind.
    pub fn init(path: &Path, req: InitRequest, actor: &str) -> Result<(Ledger, Written)> {
        let name = text::clean("name", &req.name)?;
        let (currency, fiscal_start) = (req.currency, req.fiscal_start);
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

    /// Adds an account. Its type is the one given, or its parent's (the existing account with
    /// the longest code it extends); on the Moroccan chart, where the type follows the class,
    /// a type other than the parent's is refused. A parent that already took postings takes no
    /// new one once it has a sub-account (postings go to detail accounts): the account is added
    /// with a warning that says so.
    pub fn add_account(&mut self, req: AccountRequest) -> Result<Written> {
        let info = self.info()?;
        let parent = self
            .store
            .accounts(None)?
            .into_iter()
            .filter(|a| a.code.len() < req.code.as_str().len())
            .filter(|a| req.code.as_str().starts_with(a.code.as_str()))
            .max_by_key(|a| a.code.len());
        let parent = match parent {
            Some(a) => Some((AccountCode::parse(&a.code)?, a.kind.parse::<AccountType>()?)),
            None => None,
        };
        let kind = match (&parent, req.kind) {
            (Some((parent, parents)), Some(given))
                if info.chart == "ma-associations" && given != *parents =>
            {
                return Err(Refusal::AccountTypeNotParents {
                    code: req.code,
                    given,
                    parent: parent.clone(),
                    parents: *parents,
                }
                .into());
            }
            (_, Some(given)) => given,
            (Some((_, parents)), None) => *parents,
            (None, None) => return Err(Refusal::AccountTypeMissing { code: req.code }.into()),
        };
        let account = Account {
            code: req.code,
            name: text::clean("name", &req.name)?,
            kind,
            labels: charts::labels(&req.labels)?,
        };
        let code = account.code.clone();
        let mut written = self.append_all(vec![Record::Account(account)])?;
        if let Some((parent, _)) = parent {
            let postings = self.store.posting_count(&parent)?;
            if postings > 0 {
                written
                    .warnings
                    .push(crate::rules::Warning::ParentTakesNoPosting {
                        account: code,
                        parent,
                        postings,
                    });
            }
        }
        Ok(written)
    }

    pub fn add_funder(&mut self, req: FunderRequest) -> Result<Written> {
        let country = match req
            .country
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
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
            id: req.id,
            name: text::clean("name", &req.name)?,
            kind: req.kind,
            country,
        };
        self.append_all(vec![Record::Funder(funder)])
    }

    pub fn add_grant(&mut self, req: GrantRequest) -> Result<Written> {
        let grant = self.grant_of(req)?;
        self.append_all(vec![Record::Grant(grant)])
    }

    /// The grant a request stands for, its amount read in its currency.
    pub(crate) fn grant_of(&self, req: GrantRequest) -> Result<Grant> {
        let info = self.info()?;
        let currency = match &req.currency {
            Some(code) => currency_in(&info, code)?,
            None => info.currency.clone(),
        };
        let grant = Grant {
            id: req.id,
            funder: req.funder,
            amount: currency.parse(&req.amount)?,
            currency: currency.code,
            start: req.start,
            end: req.end,
            restricted: req.restricted,
            purpose: text::clean_optional("purpose", req.purpose.as_deref())?,
        };
        Ok(grant)
    }

    pub fn add_budget_line(&mut self, req: BudgetLineRequest) -> Result<Written> {
        let info = self.info()?;
        // In the grant's currency when its terms put its budget in it.
        let currency = crate::app::rates::budget_currency(&self.store, &info, &req.grant)?;
        let line = BudgetLine {
            grant: req.grant,
            line: req.line,
            label: text::clean("label", &req.label)?,
            amount: currency.parse(&req.amount)?,
            account: req.account,
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
