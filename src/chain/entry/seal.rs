//! The decoding of a `seal` entry's fields (CHAIN.md section 4): its own file, as the longest
//! of the kinds, so that the codec of the others stays readable in one screenful each.

use super::super::encoding::{DecodeError, Reader};
use super::super::records::{BankBalance, GrantTotals, Record, Seal};
use super::{code, fixed};
use crate::domain::{AccountCode, GrantId, Minor};

pub(super) fn decode_seal(r: &mut Reader) -> Result<Record, DecodeError> {
    let at = r.position();
    let period_end = if r.peek_null() {
        r.null("seal.period_end")?;
        None
    } else {
        Some(r.date("seal.period_end")?)
    };
    let covered = r.int("seal.covered")?;
    let head = fixed::<32>(r, "seal.head")?;
    let merkle_root = fixed::<32>(r, "seal.merkle_root")?;
    let previous = match r.opt_int("seal.previous_seq")? {
        Some(seq) => Some((seq, fixed::<32>(r, "seal.previous_hash")?)),
        None => {
            r.null("seal.previous_hash")?;
            None
        }
    };
    let n = r.list("seal.trial_balance")?;
    let mut trial_balance: Vec<(AccountCode, Minor)> = Vec::with_capacity(n.min(1024));
    for _ in 0..n {
        let account = code(r, "balance.account", AccountCode::parse)?;
        let balance = Minor(r.int("balance.amount")?);
        if trial_balance.last().is_some_and(|(a, _)| *a >= account) {
            return Err(r.invalid(
                at,
                "trial balance accounts are not in strictly increasing order",
            ));
        }
        trial_balance.push((account, balance));
    }
    let n = r.list("seal.grants")?;
    let mut grants: Vec<GrantTotals> = Vec::with_capacity(n.min(1024));
    for _ in 0..n {
        let grant = code(r, "grant_totals.grant", GrantId::parse)?;
        if grants.last().is_some_and(|g| g.grant >= grant) {
            return Err(r.invalid(at, "grant totals are not in strictly increasing order"));
        }
        grants.push(GrantTotals {
            grant,
            received: Minor(r.int("grant_totals.received")?),
            spent: Minor(r.int("grant_totals.spent")?),
        });
    }
    let n = r.list("seal.banks")?;
    let mut banks: Vec<BankBalance> = Vec::with_capacity(n.min(1024));
    for _ in 0..n {
        let account = code(r, "bank.account", AccountCode::parse)?;
        if banks.last().is_some_and(|b| b.account >= account) {
            return Err(r.invalid(at, "bank balances are not in strictly increasing order"));
        }
        banks.push(BankBalance {
            account,
            balance: Minor(r.int("bank.balance")?),
            statement: r.text("bank.statement")?,
        });
    }
    Ok(Record::Seal(Seal {
        period_end,
        covered,
        head,
        merkle_root,
        previous,
        trial_balance,
        grants,
        banks,
    }))
}
