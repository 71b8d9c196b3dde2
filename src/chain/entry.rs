//! A chain entry's canonical bytes: [`ChainEntry::encode`] writes them and
//! [`ChainEntry::decode`] reads them back strictly, field by field, as `schema/CHAIN.md`
//! specifies; nothing else in amana makes or parses these bytes.

use chrono::NaiveDate;

use crate::domain::{
    Account, AccountCode, AccountType, BudgetLine, ClosingForm, Currency, Entry, EntryHeader,
    EntryId, EntryKind, FiscalStart, Funder, FunderId, FunderType, Grant, GrantId, Label,
    LedgerInfo, LineId, Minor, Officer, OfficerId, OfficerRole, Posting,
};

use super::encoding::{DecodeError, Reader, Writer};

mod assets;
mod seal;
use super::records::{
    AccountChange, BudgetLineAmendment, FunderChange, GrantAmendment, ImportInfo, Lock, Policy,
    Receipt, Record, Reopen, Revocation, SealSignature, Source,
};
use super::{ChainEntry, MAX_QUORUM};

impl ChainEntry {
    /// The canonical body: the bytes that are stored and hashed.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        w.text(self.record.kind());
        w.int(self.seq);
        w.int(self.time_us);
        w.text(&self.actor);
        match &self.record {
            Record::Ledger(l) => {
                w.bytes(&l.id);
                w.text(&l.name);
                w.text(&l.currency.code);
                w.text(&l.fiscal_start.to_string());
                w.text(&l.chart);
                w.list(l.currencies.len());
                for c in &l.currencies {
                    w.text(&c.code);
                    w.int(i64::from(c.exponent));
                }
            }
            Record::Account(a) => {
                w.text(a.code.as_str());
                w.text(&a.name);
                w.text(a.kind.as_str());
                w.list(a.labels.len());
                for l in &a.labels {
                    w.text(&l.lang);
                    w.text(&l.text);
                }
            }
            Record::Funder(f) => {
                w.text(f.id.as_str());
                w.text(&f.name);
                w.text(f.kind.as_str());
                w.opt_text(f.country.as_deref());
            }
            Record::Grant(g) => {
                w.text(g.id.as_str());
                w.text(g.funder.as_str());
                w.int(g.amount.0);
                w.text(&g.currency);
                w.date(g.start);
                w.date(g.end);
                w.boolean(g.restricted);
                w.opt_text(g.purpose.as_deref());
            }
            Record::BudgetLine(b) => {
                w.text(b.grant.as_str());
                w.text(b.line.as_str());
                w.text(&b.label);
                w.int(b.amount.0);
                w.opt_text(b.account.as_ref().map(AccountCode::as_str));
            }
            Record::Import(i) => {
                w.bytes(&i.file_sha256);
                w.text(&i.file_name);
                w.int(i.rows);
                w.int(i.transactions);
                w.boolean(i.forced);
            }
            Record::Entry(e) => {
                let h = &e.header;
                w.int(h.id.0);
                w.date(h.date);
                w.text(&h.description);
                w.opt_text(h.reference.as_deref());
                match &h.kind {
                    EntryKind::Transaction
                    | EntryKind::Closing { .. }
                    | EntryKind::DedicatedFunds { .. }
                    | EntryKind::Allocation { .. }
                    | EntryKind::Depreciation { .. } => {
                        w.null();
                        w.null();
                    }
                    EntryKind::Reversal { reverses, reason } => {
                        w.int(reverses.0);
                        w.text(reason);
                    }
                }
                w.opt_int(h.batch);
                w.list(e.postings().len());
                for p in e.postings() {
                    w.text(p.account.as_str());
                    w.int(p.amount.0);
                    w.opt_text(p.grant.as_ref().map(GrantId::as_str));
                    w.opt_text(p.line.as_ref().map(LineId::as_str));
                    w.opt_int(p.original.as_ref().map(|(m, _)| m.0));
                    w.opt_text(p.original.as_ref().map(|(_, c)| c.as_str()));
                    w.opt_text(p.memo.as_deref());
                }
                match &h.kind {
                    EntryKind::Transaction | EntryKind::Reversal { .. } => {}
                    EntryKind::Closing { year, start, form } => {
                        w.int(i64::from(*year));
                        w.date(*start);
                        match form {
                            ClosingForm::Restricted {
                                restricted_account,
                                unrestricted_account,
                            } => {
                                w.text(restricted_account.as_str());
                                w.text(unrestricted_account.as_str());
                            }
                            ClosingForm::Funds {
                                surplus_account,
                                deficit_account,
                                dedicated_account,
                            } => {
                                w.text(surplus_account.as_str());
                                w.text(deficit_account.as_str());
                                w.text(dedicated_account.as_str());
                            }
                        }
                    }
                    EntryKind::DedicatedFunds {
                        year,
                        start,
                        dedicated_account,
                        charge_account,
                        release_account,
                    } => {
                        w.int(i64::from(*year));
                        w.date(*start);
                        w.text(dedicated_account.as_str());
                        w.text(charge_account.as_str());
                        w.text(release_account.as_str());
                    }
                    EntryKind::Allocation { year, closing } => {
                        w.int(i64::from(*year));
                        w.int(*closing);
                    }
                    EntryKind::Depreciation { asset, start } => {
                        assets::encode_depreciation(&mut w, asset, *start)
                    }
                }
            }
            Record::Officer(o) => {
                w.text(o.id.as_str());
                w.text(&o.name);
                w.text(o.role.as_str());
                w.bytes(&o.public_key);
            }
            Record::Seal(s) => {
                match s.period_end {
                    Some(d) => w.date(d),
                    None => w.null(),
                }
                w.int(s.covered);
                w.bytes(&s.head);
                w.bytes(&s.merkle_root);
                match &s.previous {
                    Some((seq, hash)) => {
                        w.int(*seq);
                        w.bytes(hash);
                    }
                    None => {
                        w.null();
                        w.null();
                    }
                }
                w.list(s.trial_balance.len());
                for (account, balance) in &s.trial_balance {
                    w.text(account.as_str());
                    w.int(balance.0);
                }
                w.list(s.grants.len());
                for g in &s.grants {
                    w.text(g.grant.as_str());
                    w.int(g.received.0);
                    w.int(g.spent.0);
                }
                w.list(s.banks.len());
                for b in &s.banks {
                    w.text(b.account.as_str());
                    w.int(b.balance.0);
                    w.text(&b.statement);
                }
            }
            Record::Signature(sig) => {
                w.int(sig.seal);
                w.text(sig.officer.as_str());
                w.bytes(&sig.signature);
            }
            Record::Receipt(r) => {
                w.int(r.entry.0);
                w.bytes(&r.sha256);
                w.text(&r.file_name);
                w.int(r.size);
            }
            Record::Policy(p) => w.int(p.quorum),
            Record::Lock(l) => {
                w.date(l.through);
                w.text(&l.reason);
            }
            Record::Reopen(o) => {
                w.int(i64::from(o.year));
                w.text(&o.reason);
            }
            Record::Revocation(v) => {
                w.text(v.officer.as_str());
                w.text(&v.reason);
            }
            Record::GrantAmendment(a) => {
                w.text(a.grant.as_str());
                w.date(a.effective);
                w.opt_int(a.amount.map(|m| m.0));
                match a.end {
                    Some(d) => w.date(d),
                    None => w.null(),
                }
                w.text(&a.reason);
            }
            Record::AccountChange(c) => {
                w.text(c.code.as_str());
                match c.effective {
                    Some(d) => w.date(d),
                    None => w.null(),
                }
                w.opt_text(c.name.as_deref());
                w.boolean(c.retired);
                w.text(&c.reason);
            }
            Record::BudgetLineAmendment(b) => {
                w.text(b.grant.as_str());
                w.text(b.line.as_str());
                w.date(b.effective);
                w.opt_int(b.amount.map(|m| m.0));
                w.boolean(b.withdrawn);
                w.text(&b.reason);
            }
            Record::FunderChange(c) => {
                w.text(c.id.as_str());
                w.text(&c.name);
                w.text(&c.reason);
            }
            Record::Source(s) => {
                w.int(s.entry.0);
                w.int(s.posting);
                w.text(s.funder.as_str());
            }
            Record::Asset(a) => assets::encode_asset(&mut w, a),
            Record::Rate(r) => super::currency::encode_rate(&mut w, r),
            Record::GrantTerms(t) => super::currency::encode_grant_terms(&mut w, t),
            Record::VarianceNote(n) => super::variance::encode_variance_note(&mut w, n),
            Record::Setting(s) => {
                w.text(&s.key);
                w.text(&s.value);
            }
            Record::VarianceThreshold(t) => super::variance::encode_variance_threshold(&mut w, t),
            Record::BankImport(b) => super::bank::encode_bank_import(&mut w, b),
            Record::BankAssignment(a) => super::bank::encode_bank_assignment(&mut w, a),
            Record::Reconciliation(c) => super::bank::encode_reconciliation(&mut w, c),
            Record::FunderIdentifier(i) => {
                w.text(i.funder.as_str());
                w.text(&i.org_id);
            }
        }
        w.finish()
    }

    /// The time recorded in `body` (its third field), without decoding the rest.
    pub fn time_of(body: &[u8]) -> Option<i64> {
        let mut r = Reader::new(body).ok()?;
        r.text("kind").ok()?;
        r.int("seq").ok()?;
        r.int("time").ok()
    }

    /// Decodes a body strictly. `base` is the ledger's base currency, needed to check that an
    /// entry balances; it is `None` only while decoding the genesis entry itself.
    pub fn decode(body: &[u8], base: Option<&Currency>) -> Result<ChainEntry, DecodeError> {
        let mut r = Reader::new(body)?;
        let kind = r.text("kind")?;
        let seq = r.int("seq")?;
        let time_us = r.int("time")?;
        let actor = r.text("actor")?;
        let record = match kind.as_str() {
            "ledger" => decode_ledger(&mut r)?,
            "account" => decode_account(&mut r)?,
            "funder" => Record::Funder(Funder {
                id: code(&mut r, "funder.id", FunderId::parse)?,
                name: r.text("funder.name")?,
                kind: enum_field::<FunderType>(&mut r, "funder.type")?,
                country: {
                    let at = r.position();
                    let c = r.opt_text("funder.country")?;
                    if c.as_ref()
                        .is_some_and(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_uppercase()))
                    {
                        return Err(r.invalid(
                            at,
                            "field funder.country: not two capital letters (ISO 3166-1)",
                        ));
                    }
                    c
                },
            }),
            "grant" => decode_grant(&mut r)?,
            "budget-line" => Record::BudgetLine(BudgetLine {
                grant: code(&mut r, "budget-line.grant", GrantId::parse)?,
                line: code(&mut r, "budget-line.line", LineId::parse)?,
                label: r.text("budget-line.label")?,
                amount: Minor(r.int("budget-line.amount")?),
                account: opt_code(&mut r, "budget-line.account", AccountCode::parse)?,
            }),
            "import" => {
                let at = r.position();
                let sha = r.bytes("import.file_sha256")?;
                Record::Import(ImportInfo {
                    file_sha256: sha
                        .try_into()
                        .map_err(|_| r.invalid(at, "field import.file_sha256: not 32 bytes"))?,
                    file_name: {
                        let at = r.position();
                        let name = r.text("import.file_name")?;
                        if name.contains('/') {
                            return Err(
                                r.invalid(at, "field import.file_name: a file name has no /")
                            );
                        }
                        name
                    },
                    rows: r.int("import.rows")?,
                    transactions: r.int("import.transactions")?,
                    forced: r.boolean("import.forced")?,
                })
            }
            "officer" => {
                let id = code(&mut r, "officer.id", OfficerId::parse)?;
                let name = r.text("officer.name")?;
                let role = enum_field::<OfficerRole>(&mut r, "officer.role")?;
                let public_key = fixed::<32>(&mut r, "officer.public_key")?;
                Record::Officer(Officer {
                    id,
                    name,
                    role,
                    public_key,
                })
            }
            "seal" => seal::decode_seal(&mut r)?,
            "signature" => Record::Signature(SealSignature {
                seal: r.int("signature.seal")?,
                officer: code(&mut r, "signature.officer", OfficerId::parse)?,
                signature: fixed::<64>(&mut r, "signature.signature")?,
            }),
            "receipt" => Record::Receipt(Receipt {
                entry: EntryId(r.int("receipt.entry")?),
                sha256: fixed::<32>(&mut r, "receipt.sha256")?,
                file_name: {
                    let at = r.position();
                    let name = r.text("receipt.file_name")?;
                    if name.contains('/') {
                        return Err(r.invalid(at, "field receipt.file_name: a file name has no /"));
                    }
                    name
                },
                size: r.int("receipt.size")?,
            }),
            "policy" => {
                let at = r.position();
                let quorum = r.int("policy.quorum")?;
                if !(1..=MAX_QUORUM).contains(&quorum) {
                    return Err(r.invalid(
                        at,
                        format!("field policy.quorum: {quorum} is not from 1 to {MAX_QUORUM}"),
                    ));
                }
                Record::Policy(Policy { quorum })
            }
            "lock" => Record::Lock(Lock {
                through: r.date("lock.through")?,
                reason: reason(&mut r, "lock.reason")?,
            }),
            "reopen" => Record::Reopen(Reopen {
                year: {
                    let at = r.position();
                    let year = r.int("reopen.year")?;
                    i32::try_from(year)
                        .ok()
                        .filter(|y| (1..=9999).contains(y))
                        .ok_or_else(|| {
                            r.invalid(
                                at,
                                format!("field reopen.year: {year} is not from 1 to 9999"),
                            )
                        })?
                },
                reason: reason(&mut r, "reopen.reason")?,
            }),
            "revocation" => Record::Revocation(Revocation {
                officer: code(&mut r, "revocation.officer", OfficerId::parse)?,
                reason: reason(&mut r, "revocation.reason")?,
            }),
            "grant-amendment" => Record::GrantAmendment(GrantAmendment {
                grant: code(&mut r, "grant-amendment.grant", GrantId::parse)?,
                effective: r.date("grant-amendment.effective")?,
                amount: r.opt_int("grant-amendment.amount")?.map(Minor),
                end: opt_date(&mut r, "grant-amendment.end")?,
                reason: r.text("grant-amendment.reason")?,
            }),
            "account-change" => Record::AccountChange(AccountChange {
                code: code(&mut r, "account-change.code", AccountCode::parse)?,
                effective: opt_date(&mut r, "account-change.effective")?,
                name: r.opt_text("account-change.name")?,
                retired: r.boolean("account-change.retired")?,
                reason: r.text("account-change.reason")?,
            }),
            "budget-line-amendment" => Record::BudgetLineAmendment(BudgetLineAmendment {
                grant: code(&mut r, "budget-line-amendment.grant", GrantId::parse)?,
                line: code(&mut r, "budget-line-amendment.line", LineId::parse)?,
                effective: r.date("budget-line-amendment.effective")?,
                amount: r.opt_int("budget-line-amendment.amount")?.map(Minor),
                withdrawn: r.boolean("budget-line-amendment.withdrawn")?,
                reason: r.text("budget-line-amendment.reason")?,
            }),
            "funder-change" => Record::FunderChange(FunderChange {
                id: code(&mut r, "funder-change.id", FunderId::parse)?,
                name: r.text("funder-change.name")?,
                reason: r.text("funder-change.reason")?,
            }),
            "source" => Record::Source(Source {
                entry: EntryId(r.int("source.entry")?),
                posting: r.int("source.posting")?,
                funder: code(&mut r, "source.funder", FunderId::parse)?,
            }),
            "asset" => assets::decode_asset(&mut r)?,
            "rate" => super::currency::decode_rate(&mut r)?,
            "grant-terms" => super::currency::decode_grant_terms(&mut r)?,
            "variance-note" => super::variance::decode_variance_note(&mut r)?,
            "setting" => Record::Setting(super::records::Setting {
                key: r.text("setting.key")?,
                value: r.text("setting.value")?,
            }),
            "variance-threshold" => super::variance::decode_variance_threshold(&mut r)?,
            "bank-import" => super::bank::decode_bank_import(&mut r)?,
            "bank-assignment" => super::bank::decode_bank_assignment(&mut r)?,
            "reconciliation" => super::bank::decode_reconciliation(&mut r)?,
            "funder-identifier" => Record::FunderIdentifier(super::records::FunderIdentifier {
                funder: code(&mut r, "funder-identifier.funder", FunderId::parse)?,
                org_id: r.text("funder-identifier.org_id")?,
            }),
            kind if crate::domain::ENTRY_KINDS.contains(&kind) => {
                let base = base.ok_or_else(|| {
                    r.invalid(
                        0,
                        "an entry cannot be decoded before the ledger's genesis entry",
                    )
                })?;
                decode_entry(&mut r, kind, base)?
            }
            other => return Err(r.invalid(6, format!("unknown kind \"{other}\""))),
        };
        r.end()?;
        Ok(ChainEntry {
            seq,
            time_us,
            actor,
            record,
        })
    }
}

fn parsed<T, E>(
    r: &Reader,
    at: usize,
    parse: impl Fn(&str) -> Result<T, E>,
    value: String,
) -> Result<T, DecodeError>
where
    T: std::fmt::Display,
{
    match parse(&value) {
        Ok(v) if v.to_string() == value => Ok(v),
        _ => Err(r.invalid(at, format!("\"{value}\" is not a valid identifier"))),
    }
}

pub(super) fn code<T: std::fmt::Display, E>(
    r: &mut Reader,
    name: &str,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<T, DecodeError> {
    let at = r.position();
    let value = r.text(name)?;
    parsed(r, at, parse, value)
}

fn opt_code<T: std::fmt::Display, E>(
    r: &mut Reader,
    name: &str,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<T>, DecodeError> {
    let at = r.position();
    match r.opt_text(name)? {
        Some(value) => parsed(r, at, parse, value).map(Some),
        None => Ok(None),
    }
}

pub(super) fn enum_field<T: std::str::FromStr>(
    r: &mut Reader,
    name: &str,
) -> Result<T, DecodeError> {
    let at = r.position();
    let value = r.text(name)?;
    value.parse().map_err(|_| {
        r.invalid(
            at,
            format!("field {name}: \"{value}\" is not a known value"),
        )
    })
}

pub(super) fn currency_code(r: &mut Reader, name: &str) -> Result<String, DecodeError> {
    let at = r.position();
    let value = r.text(name)?;
    if value.len() == 3 && value.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(value)
    } else {
        Err(r.invalid(
            at,
            format!("field {name}: \"{value}\" is not a currency code"),
        ))
    }
}

fn fixed<const N: usize>(r: &mut Reader, name: &str) -> Result<[u8; N], DecodeError> {
    let at = r.position();
    let bytes = r.bytes(name)?;
    bytes
        .try_into()
        .map_err(|_| r.invalid(at, format!("field {name}: not {N} bytes")))
}

/// A decision's reason: text that is not blank.
fn reason(r: &mut Reader, name: &str) -> Result<String, DecodeError> {
    let at = r.position();
    let text = r.text(name)?;
    if text.trim().is_empty() {
        return Err(r.invalid(at, format!("field {name}: a decision gives its reason")));
    }
    Ok(text)
}

/// An optional DATE field: NULL or a date.
fn opt_date(r: &mut Reader, name: &str) -> Result<Option<NaiveDate>, DecodeError> {
    if r.peek_null() {
        r.null(name)?;
        Ok(None)
    } else {
        r.date(name).map(Some)
    }
}

fn decode_ledger(r: &mut Reader) -> Result<Record, DecodeError> {
    let at = r.position();
    let id = r.bytes("ledger.id")?;
    if id.len() != 16 {
        return Err(r.invalid(at, "field ledger.id: not 16 bytes"));
    }
    let name = r.text("ledger.name")?;
    let currency = currency_code(r, "ledger.currency")?;
    let at = r.position();
    let fiscal = r.text("ledger.fiscal_year_start")?;
    let fiscal_start = FiscalStart::parse(&fiscal)
        .ok()
        .filter(|f| f.to_string() == fiscal)
        .ok_or_else(|| r.invalid(at, "field ledger.fiscal_year_start: not MM-DD"))?;
    let chart = r.text("ledger.chart")?;
    let n = r.list("ledger.currencies")?;
    let mut currencies: Vec<Currency> = Vec::with_capacity(n.min(1024));
    for _ in 0..n {
        let code = currency_code(r, "currency.code")?;
        let at = r.position();
        let exponent = u8::try_from(r.int("currency.exponent")?)
            .ok()
            .filter(|e| *e <= 6)
            .ok_or_else(|| r.invalid(at, "field currency.exponent: not 0 to 6"))?;
        if currencies.last().is_some_and(|c| c.code >= code) {
            return Err(r.invalid(at, "currencies are not in strictly increasing code order"));
        }
        currencies.push(Currency { code, exponent });
    }
    let base = currencies
        .iter()
        .find(|c| c.code == currency)
        .cloned()
        .ok_or_else(|| r.invalid(at, "the base currency is not in the currency table"))?;
    Ok(Record::Ledger(LedgerInfo {
        id,
        name,
        currency: base,
        fiscal_start,
        chart,
        currencies,
    }))
}

fn decode_account(r: &mut Reader) -> Result<Record, DecodeError> {
    let code = code(r, "account.code", AccountCode::parse)?;
    let name = r.text("account.name")?;
    let kind = enum_field::<AccountType>(r, "account.type")?;
    let n = r.list("account.labels")?;
    let mut labels: Vec<Label> = Vec::with_capacity(n.min(1024));
    for _ in 0..n {
        let at = r.position();
        let lang = r.text("label.lang")?;
        if !(2..=3).contains(&lang.len()) || !lang.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(r.invalid(at, "field label.lang: not two or three lowercase letters"));
        }
        let text = r.text("label.text")?;
        if labels.last().is_some_and(|l| l.lang >= lang) {
            return Err(r.invalid(at, "labels are not in strictly increasing language order"));
        }
        labels.push(Label { lang, text });
    }
    Ok(Record::Account(Account {
        code,
        name,
        kind,
        labels,
    }))
}

fn decode_grant(r: &mut Reader) -> Result<Record, DecodeError> {
    Ok(Record::Grant(Grant {
        id: code(r, "grant.id", GrantId::parse)?,
        funder: code(r, "grant.funder", FunderId::parse)?,
        amount: Minor(r.int("grant.amount")?),
        currency: currency_code(r, "grant.currency")?,
        start: r.date("grant.start")?,
        end: r.date("grant.end")?,
        restricted: r.boolean("grant.restricted")?,
        purpose: r.opt_text("grant.purpose")?,
    }))
}

fn decode_entry(r: &mut Reader, kind_name: &str, base: &Currency) -> Result<Record, DecodeError> {
    let kind = kind_name;
    let id = EntryId(r.int("entry.id")?);
    let date = r.date("entry.date")?;
    let description = r.text("entry.description")?;
    let reference = r.opt_text("entry.reference")?;
    let at = r.position();
    let reverses = r.opt_int("entry.reverses")?;
    let reason = r.opt_text("entry.reason")?;
    let mut kind = match (kind, reverses, reason) {
        (
            "transaction" | "closing" | "year-closing" | "dedicated-funds" | "allocation"
            | "depreciation",
            None,
            None,
        ) => EntryKind::Transaction,
        ("reversal", Some(id), Some(reason)) => EntryKind::Reversal {
            reverses: EntryId(id),
            reason,
        },
        _ => {
            return Err(r.invalid(
                at,
                "only a reversal has reverses and a reason, and it has both",
            ));
        }
    };
    let batch = r.opt_int("entry.batch")?;
    let n = r.list("entry.postings")?;
    let mut postings = Vec::with_capacity(n.min(1024));
    for _ in 0..n {
        let account = code(r, "posting.account", AccountCode::parse)?;
        let amount = Minor(r.int("posting.amount")?);
        let grant = opt_code(r, "posting.grant", GrantId::parse)?;
        let line = opt_code(r, "posting.line", LineId::parse)?;
        let at = r.position();
        let original = match (r.opt_int("posting.original_amount")?, {
            let at = r.position();
            let c = r.opt_text("posting.original_currency")?;
            if let Some(code) = &c
                && !(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()))
            {
                return Err(r.invalid(at, "field posting.original_currency: not a currency code"));
            }
            c
        }) {
            (Some(a), Some(c)) => Some((Minor(a), c)),
            (None, None) => None,
            _ => {
                return Err(r.invalid(
                    at,
                    "original amount and original currency must both be present or both null",
                ));
            }
        };
        let memo = r.opt_text("posting.memo")?;
        postings.push(Posting {
            account,
            amount,
            grant,
            line,
            original,
            memo,
        });
    }
    let year = |r: &mut Reader, field: &str| -> Result<i32, DecodeError> {
        let at = r.position();
        i32::try_from(r.int(field)?)
            .map_err(|_| r.invalid(at, format!("field {field}: out of range")))
    };
    let account = |r: &mut Reader, field: &str| code(r, field, AccountCode::parse);
    match kind_name {
        "closing" => {
            kind = EntryKind::Closing {
                year: year(r, "closing.year")?,
                start: r.date("closing.start")?,
                form: ClosingForm::Restricted {
                    restricted_account: account(r, "closing.restricted_account")?,
                    unrestricted_account: account(r, "closing.unrestricted_account")?,
                },
            };
        }
        "year-closing" => {
            kind = EntryKind::Closing {
                year: year(r, "year-closing.year")?,
                start: r.date("year-closing.start")?,
                form: ClosingForm::Funds {
                    surplus_account: account(r, "year-closing.surplus_account")?,
                    deficit_account: account(r, "year-closing.deficit_account")?,
                    dedicated_account: account(r, "year-closing.dedicated_account")?,
                },
            };
        }
        "dedicated-funds" => {
            kind = EntryKind::DedicatedFunds {
                year: year(r, "dedicated-funds.year")?,
                start: r.date("dedicated-funds.start")?,
                dedicated_account: account(r, "dedicated-funds.dedicated_account")?,
                charge_account: account(r, "dedicated-funds.charge_account")?,
                release_account: account(r, "dedicated-funds.release_account")?,
            };
        }
        "allocation" => {
            kind = EntryKind::Allocation {
                year: year(r, "allocation.year")?,
                closing: r.int("allocation.closing")?,
            };
        }
        "depreciation" => kind = assets::decode_depreciation(r)?,
        _ => {}
    }
    let header = EntryHeader {
        id,
        date,
        description,
        reference,
        kind,
        batch,
    };
    let _ = base;
    Ok(Record::Entry(Entry::from_decoded(header, postings)))
}
