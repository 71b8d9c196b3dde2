//! The commands about receipts: a transaction's supporting documents (shown, attached), a
//! member's receipt with its proof of inclusion in the sealed books, and its offline check.

use amana::app::Ledger;
use amana::app::exchange::{self, MemberReceiptRequest};
use amana::domain::EntryId;
use amana::files::receipts::Status;

use super::Context;
use super::args::{Format, ReceiptCommand, ReceiptGroup};
use super::error::Failure;
use super::print;

pub fn run(ctx: &Context, command: ReceiptGroup) -> Result<(), Failure> {
    let (path, actor) = (&ctx.ledger, ctx.actor.as_str());
    match command {
        ReceiptGroup::Receipt(ReceiptCommand::Show { id }) => {
            let ledger = Ledger::open_read_only(path)?;
            let receipts = ledger.receipts_of(EntryId(id))?;
            if receipts.is_empty() {
                out!("Transaction #{id} has no receipt recorded.");
            }
            for (r, file, status) in receipts {
                let state = match status {
                    Status::Present => "present, intact".to_string(),
                    other => other.describe().to_uppercase(),
                };
                out!(
                    "{}  {}  {} bytes  sha256 {}  {state}",
                    r.file_name,
                    file.display(),
                    r.size,
                    hex::encode(r.sha256)
                );
            }
        }
        ReceiptGroup::Receipt(ReceiptCommand::Attach { id, files }) => {
            let written = Ledger::open(path, actor)?.attach_receipts(EntryId(id), &files)?;
            out!(
                "Attached {} receipt(s) to transaction #{id} (chain entries {} to {}).",
                written.len(),
                written.first().map_or(0, |w| w.seq),
                written.last().map_or(0, |w| w.seq)
            );
        }
        ReceiptGroup::Receipt(ReceiptCommand::Member { id, out, force }) => {
            let req = MemberReceiptRequest {
                transaction: EntryId(id),
                out,
                force,
            };
            let exchange::ReceiptWritten { receipt, file } =
                exchange::write_member_receipt(path, req)?;
            out!(
                "Wrote the receipt of transaction #{id} ({} {} on {}) to {}.",
                receipt.amount,
                receipt.currency,
                receipt.date,
                file.display()
            );
            match &receipt.seal {
                Some(s) => out!(
                    "It proves inclusion in seal {} (chain entry {}); check it with:\n  amana verify-receipt {} --seal {}",
                    s.fingerprint,
                    s.seq,
                    file.display(),
                    s.fingerprint
                ),
                None => out!(
                    "No seal covers this transaction yet: it carries no inclusion proof. Write it again after the next seal."
                ),
            }
        }
        ReceiptGroup::VerifyReceipt { file, seal, format } => {
            let check = exchange::check_member_receipt_file(&file, &seal)?;
            match format.resolved()? {
                Format::Json => print::json(&check),
                _ if check.ok => {
                    out!(
                        "OK: {} on {} (\"{}\"), transaction #{} of \"{}\",",
                        check.amount,
                        check.date,
                        check.description,
                        check.transaction,
                        check.ledger
                    );
                    out!(
                        "is entry {} of the books, included in the seal {} that covers entries 1 to {}.",
                        check.seq,
                        seal,
                        check.covered.unwrap_or(0)
                    );
                    if !check.signed_by.is_empty() {
                        out!("The seal is signed by: {}.", check.signed_by.join("; "));
                    }
                    if !check.unproven_signatures.is_empty() {
                        out!(
                            "Not counted (anyone can add a line to the file; these are not proven):"
                        );
                        for s in &check.unproven_signatures {
                            out!("  {s}");
                        }
                    }
                    out!(
                        "It shows the books as sealed: a reversal recorded after entry {} would not show here.",
                        check.covered.unwrap_or(0)
                    );
                }
                _ => {
                    out!("FAILED: this receipt does not prove inclusion in seal {seal}:");
                    for p in &check.problems {
                        out!("  {p}");
                    }
                }
            }
            if !check.ok {
                return Err(Failure::VerifyFailed);
            }
        }
    }
    Ok(())
}
