//! Journal entries: their postings, what kind of entry each is (a transaction, a reversal, a
//! closing, a carry to dedicated funds, an allocation of a result), and the checks every entry
//! passes whatever its kind (balanced, two postings or more, amounts in range).

use chrono::NaiveDate;

use super::{
    AccountCode, AssetId, Currency, DomainError, EntryId, GrantId, LineId, Minor, checked_sum,
};

/// One line of an entry. Debits are positive, credits negative (as hledger).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    pub account: AccountCode,
    /// In the ledger's base currency.
    pub amount: Minor,
    pub grant: Option<GrantId>,
    pub line: Option<LineId>,
    /// For money that moved in another currency: the amount in that currency's minor units.
    pub original: Option<(Minor, String)>,
    pub memo: Option<String>,
}

impl Posting {
    /// A posting of `amount` to `account` and nothing else (no grant, line, original amount or
    /// memo): what amana writes when it computes an entry.
    pub fn plain(account: AccountCode, amount: Minor) -> Posting {
        Posting {
            account,
            amount,
            grant: None,
            line: None,
            original: None,
            memo: None,
        }
    }
}

/// What an entry is: an ordinary transaction, the reversal of an earlier one, the closing of a
/// fiscal year's income and expense, the carry of unspent restricted money to dedicated funds
/// at a year's end, or the allocation of a closed year's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryKind {
    Transaction,
    Reversal {
        reverses: EntryId,
        reason: String,
    },
    Closing {
        /// The fiscal year, named by the calendar year it starts in.
        year: i32,
        /// First day of the fiscal year (the entry is dated on its last day).
        start: NaiveDate,
        /// Where the result goes: the form of closing this entry is.
        form: ClosingForm,
    },
    /// Kind `dedicated-funds`: restricted money received and not yet used at the end of a
    /// fiscal year carried, grant by grant, to dedicated funds (a charge and a liability), or
    /// released from them (the liability and an income) as it was spent. Dated on the year's
    /// last day.
    DedicatedFunds {
        year: i32,
        start: NaiveDate,
        /// The liability that holds the dedicated funds.
        dedicated_account: AccountCode,
        /// The expense "engagements à réaliser sur ressources affectées".
        charge_account: AccountCode,
        /// The income "report des ressources non utilisées des exercices antérieurs".
        release_account: AccountCode,
    },
    /// Kind `allocation`: the general assembly's decision on what becomes of a closed year's
    /// result (report à nouveau, reserves).
    Allocation {
        year: i32,
        /// The sequence number of the `year-closing` entry whose result is allocated.
        closing: i64,
    },
    /// Kind `depreciation`: a fixed asset's depreciation for the months from `start`'s
    /// through the entry's date's.
    Depreciation {
        asset: AssetId,
        /// The first day of the first month it covers (the entry is dated on the last day of
        /// the last one).
        start: NaiveDate,
    },
}

/// The chain kinds of journal entries: each takes the next transaction number.
pub const ENTRY_KINDS: [&str; 7] = [
    "transaction",
    "reversal",
    "closing",
    "year-closing",
    "dedicated-funds",
    "allocation",
    "depreciation",
];

/// The two forms of a closing entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClosingForm {
    /// Kind `closing`, as amana wrote it before dedicated funds: the result on restricted
    /// grants to one net-assets account and the rest to another. Read and verified, never
    /// written again.
    Restricted {
        restricted_account: AccountCode,
        unrestricted_account: AccountCode,
    },
    /// Kind `year-closing`: unspent restricted money held in dedicated funds (a liability), and
    /// the result, which is then only the association's own, to the surplus or the deficit
    /// account by its sign.
    Funds {
        surplus_account: AccountCode,
        deficit_account: AccountCode,
        dedicated_account: AccountCode,
    },
}

impl EntryKind {
    /// The entry's kind as the chain names it.
    pub fn name(&self) -> &'static str {
        match self {
            EntryKind::Transaction => "transaction",
            EntryKind::Reversal { .. } => "reversal",
            EntryKind::Closing {
                form: ClosingForm::Restricted { .. },
                ..
            } => "closing",
            EntryKind::Closing {
                form: ClosingForm::Funds { .. },
                ..
            } => "year-closing",
            EntryKind::DedicatedFunds { .. } => "dedicated-funds",
            EntryKind::Allocation { .. } => "allocation",
            EntryKind::Depreciation { .. } => "depreciation",
        }
    }

    /// True for what the officers record by hand (a transaction or its reversal), false for
    /// what amana computes at a year's end (closings, dedicated funds, allocations): a grant's
    /// received and spent count only the former.
    pub fn is_recorded_flow(&self) -> bool {
        matches!(self, EntryKind::Transaction | EntryKind::Reversal { .. })
    }
}

/// Everything about an entry but its postings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryHeader {
    pub id: EntryId,
    pub date: NaiveDate,
    pub description: String,
    pub reference: Option<String>,
    pub kind: EntryKind,
    /// The chain sequence number of the import this entry came in with, if any.
    pub batch: Option<i64>,
}

/// A journal entry: balanced by construction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub header: EntryHeader,
    postings: Vec<Posting>,
}

impl Entry {
    /// Builds an entry, refusing fewer than two postings, an unbalanced sum, a budget line
    /// without its grant and an original amount without its currency.
    pub fn new(
        header: EntryHeader,
        postings: Vec<Posting>,
        currency: &Currency,
    ) -> Result<Entry, DomainError> {
        let entry = Entry { header, postings };
        entry.validate(currency)?;
        Ok(entry)
    }

    /// An entry as read from the chain, not checked yet: the rules check it when they replay
    /// it ([`Entry::validate`]), so that an unbalanced entry is reported as the rule it breaks.
    pub fn from_decoded(header: EntryHeader, postings: Vec<Posting>) -> Entry {
        Entry { header, postings }
    }

    /// Two postings or more, each amount in range, a budget line only with its grant, and a
    /// sum of exactly zero.
    pub fn validate(&self, currency: &Currency) -> Result<(), DomainError> {
        let postings = &self.postings;
        if postings.len() < 2 {
            return Err(DomainError::TooFewPostings(postings.len()));
        }
        for p in postings {
            if let (None, Some(line)) = (&p.grant, &p.line) {
                return Err(DomainError::LineWithoutGrant {
                    account: p.account.to_string(),
                    line: line.to_string(),
                });
            }
            for amount in std::iter::once(p.amount).chain(p.original.as_ref().map(|o| o.0)) {
                if !amount.in_range() {
                    return Err(DomainError::OutOfRange {
                        account: p.account.to_string(),
                        amount: amount.0,
                    });
                }
            }
        }
        let sum = checked_sum(postings.iter().map(|p| p.amount)).ok_or(DomainError::Overflow)?;
        if !sum.is_zero() {
            return Err(DomainError::Unbalanced {
                sum: currency.format(sum),
                currency: currency.code.clone(),
            });
        }
        Ok(())
    }

    pub fn id(&self) -> EntryId {
        self.header.id
    }

    pub fn postings(&self) -> &[Posting] {
        &self.postings
    }

    pub fn reverses(&self) -> Option<EntryId> {
        match &self.header.kind {
            EntryKind::Reversal { reverses, .. } => Some(*reverses),
            _ => None,
        }
    }
}
