//! A member's receipt on paper (`amana report receipt`): the member's receipt with its proof
//! ([`Ledger::member_receipt`]), the payer the books name, and the seal's signers, as one
//! printable page (`report::receipt`).

use std::path::Path;

use crate::app::{Ledger, LedgerError};
use crate::domain::EntryId;
pub use crate::report::receipt::MemberReceiptReport;
use crate::report::receipt::{ReceiptFacts, ReceiptSealMark};

/// The printable receipt of transaction `transaction`: refused as `receipt member` refuses
/// (not money received, reversed, unknown). `proof_file` names the JSON proof the member is
/// given (`receipt member --out FILE`), for the command printed on the paper; `None`:
/// `recu-membre-N.json`, as the demo names it.
pub fn member_receipt_report(
    ledger: &Ledger,
    transaction: EntryId,
    proof_file: Option<&Path>,
) -> Result<MemberReceiptReport, LedgerError> {
    let receipt = ledger.member_receipt(transaction)?;
    let store = ledger.store();
    let payers = store.payers_of(transaction)?;
    let reference = store.entry_reference(transaction)?;
    let seal = receipt.seal.as_ref().map(|s| {
        let covered =
            crate::chain::ChainEntry::decode(&hex::decode(&s.body).unwrap_or_default(), None)
                .ok()
                .and_then(|e| match e.record {
                    crate::chain::Record::Seal(sl) => Some(sl.covered),
                    _ => None,
                })
                .unwrap_or(s.seq - 1);
        ReceiptSealMark {
            seq: s.seq,
            fingerprint: s.fingerprint.clone(),
            covered,
            signed_by: s
                .signatures
                .iter()
                .map(|g| format!("{} ({})", g.name, g.role))
                .collect(),
        }
    });
    let proof_file = proof_file.map_or_else(
        || format!("recu-membre-{}.json", transaction.0),
        |p| p.display().to_string(),
    );
    Ok(MemberReceiptReport::new(ReceiptFacts {
        association: receipt.ledger,
        transaction: receipt.transaction,
        date: receipt.date,
        description: receipt.description,
        reference,
        payers,
        amount: receipt.amount,
        currency: receipt.currency,
        seq: receipt.seq,
        entry_hash: receipt.entry_hash,
        seal,
        proof_file,
    }))
}
