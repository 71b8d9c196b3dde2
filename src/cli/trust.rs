//! The officers' commands: their keys and their registration, seals and signatures (in the
//! ledger, or from an audit bundle away from it), and their decisions: closing a year, locks,
//! reopenings, revocations and the policy; and the allocation of a closed year's result.

use amana::app::Ledger;
use amana::app::allocate::AllocateRequest;
use amana::app::decisions::Signed;
use amana::app::exchange;
use amana::app::keys::generate_key;
use amana::app::periods::{CloseRequest, seal_period_end};
use amana::app::seal::BankRequest;
use amana::domain::{self, AccountCode, DomainError, OfficerId, OfficerRole};
use amana::files::keys::PASSPHRASE_ENV;

use super::Context;
use super::args::{Format, KeyCommand, OfficerCommand, SignatureCommand, TrustGroup};
use super::error::{CliError, Failure};
use super::print;

pub fn run(ctx: &Context, command: TrustGroup) -> Result<(), Failure> {
    let (path, actor) = (&ctx.ledger, ctx.actor.as_str());
    match command {
        TrustGroup::Key(KeyCommand::Generate { file, passphrase }) => {
            let key = generate_key(&file, passphrase)?;
            if key.passphrase_ignored {
                eprintln!(
                    "amana: warning: {PASSPHRASE_ENV} is set, but without --passphrase the key is not encrypted"
                );
            }
            out!(
                "Wrote the private key {} (keep it secret, off this computer{}) and the public key {}.",
                key.file.display(),
                if key.encrypted {
                    "; encrypted: amana asks for its passphrase each time it signs"
                } else {
                    ""
                },
                key.public_file.display()
            );
            out!("public key: {}", hex::encode(key.public_key));
            out!("key fingerprint: {}", key.fingerprint);
        }
        TrustGroup::Officer(OfficerCommand::Add {
            id,
            name,
            role,
            key,
            approve,
        }) => {
            let mut ledger = Ledger::open(path, actor)?;
            let (officer, kind) = (OfficerId::parse(&id)?, role.parse::<OfficerRole>()?);
            let written = ledger.add_officer(&officer, &name, kind, &key, &approve)?;
            out!(
                "Added officer {id} ({role}) with public key from {} (chain entry {}){}.",
                key.display(),
                written.seq,
                if approve.is_empty() {
                    String::new()
                } else {
                    format!(", approved by {} officer(s)", approve.len())
                }
            );
        }
        TrustGroup::Officer(OfficerCommand::Approve { id, key }) => {
            let mut ledger = Ledger::open(path, actor)?;
            let outcome = ledger.approve_officer(&OfficerId::parse(&id)?, &key)?;
            if outcome.in_effect {
                out!(
                    "Approved officer {id} (registered at chain entry {}): their signatures now count.",
                    outcome.seq
                );
            } else {
                print::decision("Approved", &outcome);
            }
        }
        TrustGroup::Officer(OfficerCommand::Revoke { id, reason, sign }) => {
            let mut ledger = Ledger::open(path, actor)?;
            let outcome = ledger.revoke(&OfficerId::parse(&id)?, &reason, &sign)?;
            print::decision("Recorded", &outcome);
        }
        TrustGroup::Seal {
            month,
            through,
            banks,
            sign,
        } => {
            let period_end = seal_period_end(month.as_deref(), through.as_deref())?;
            let banks = banks
                .iter()
                .map(|b| split_bank(b).ok_or_else(|| CliError::Bank(b.clone())))
                .collect::<Result<Vec<_>, _>>()?;
            let mut ledger = Ledger::open(path, actor)?;
            let banks = banks
                .into_iter()
                .map(|(account, amount, statement)| {
                    Ok(BankRequest {
                        account: AccountCode::parse(account)?,
                        amount: amount.into(),
                        statement: statement.into(),
                    })
                })
                .collect::<Result<Vec<_>, DomainError>>()?;
            let outcome = ledger.seal(period_end, &banks, &sign, ctx.today)?;
            print::seal(&outcome);
        }
        TrustGroup::Sign {
            seal,
            key,
            bundle: Some(dir),
            out: Some(out),
        } => {
            let file = exchange::sign_from_bundle_to_file(&dir, &seal, &key, &out)?;
            out!(
                "The audit bundle {} verifies. Signed the seal {} (chain entry {}) of \"{}\" as officer {}.",
                dir.display(),
                file.fingerprint,
                file.seq,
                file.ledger,
                file.officer
            );
            out!(
                "Wrote the signature to {}: send it to the treasurer, who adds it with `amana signature add FILE`.",
                out.display()
            );
            out!("{}", file.fingerprint);
        }
        TrustGroup::Sign { seal, key, .. } => {
            match Ledger::open(path, actor)?.sign_entry(&seal, &key)? {
                Signed::Seal(outcome) => {
                    out!(
                        "Signed seal {} (chain entry {}); signed by: {}.",
                        outcome.fingerprint,
                        outcome.seq,
                        outcome.signed_by.join(", ")
                    );
                    out!("{}", outcome.fingerprint);
                }
                Signed::Decision(outcome) => print::decision("Signed", &outcome),
            }
        }
        TrustGroup::Signature(SignatureCommand::Add { file }) => {
            let added = Ledger::open(path, actor)?.add_signature(&file)?;
            out!(
                "Added officer {}'s signature of the seal {} (chain entry {}) from {} (chain entry {}); signed by: {}.",
                added.officer,
                added.fingerprint,
                added.seal,
                file.display(),
                added.seq,
                added.signed_by.join(", ")
            );
            out!("{}", added.fingerprint);
        }
        TrustGroup::Close {
            year,
            restricted_account,
            unrestricted_account,
            deficit_account,
            dedicated_account,
            charge_account,
            release_account,
            sign,
            dry_run,
        } => {
            let mut ledger = Ledger::open(path, actor)?;
            let account = |a: Option<String>| a.as_deref().map(AccountCode::parse).transpose();
            if let Some(code) = restricted_account {
                eprintln!(
                    "note: --restricted-account {code} is no longer used: restricted money received and not yet spent is carried to dedicated funds (--dedicated-account), and the result is the association's own"
                );
            }
            let req = CloseRequest {
                year,
                unrestricted_account: account(unrestricted_account)?,
                deficit_account: account(deficit_account)?,
                dedicated_account: account(dedicated_account)?,
                charge_account: account(charge_account)?,
                release_account: account(release_account)?,
                key_files: sign,
                today: ctx.today,
            };
            if dry_run {
                let currency = ledger.info()?.currency;
                print::close_preview(&ledger.close_year_preview(req)?, &currency);
                return Ok(());
            }
            let outcome = ledger.close_year(req)?;
            if let Some(id) = outcome.dedicated_funds_entry {
                out!(
                    "Carried restricted money received and not yet spent to dedicated funds with entry #{id}."
                );
            }
            match outcome.closing_entry {
                Some(id) => out!(
                    "Closed fiscal year {} ({} to {}) with closing entry #{id}.",
                    outcome.year,
                    outcome.start,
                    outcome.end
                ),
                None => out!(
                    "Closed fiscal year {} ({} to {}): it had no income or expense.",
                    outcome.year,
                    outcome.start,
                    outcome.end
                ),
            }
            out!(
                "Nothing dated on or before {} can be recorded any more: correct a mistake with a reversal dated later (or, as the officers decide, `amana reopen --year {}`).",
                outcome.end,
                outcome.year
            );
            print::seal(&outcome.seal);
        }
        TrustGroup::Lock {
            through,
            reason,
            sign,
        } => {
            let through = domain::parse_date(&through)?;
            let outcome = Ledger::open(path, actor)?.lock(through, &reason, &sign, ctx.today)?;
            print::decision("Recorded", &outcome);
        }
        TrustGroup::AllocateResult {
            year,
            to,
            date,
            dry_run,
            format,
        } => {
            let date = match date {
                Some(d) => domain::parse_date(&d)?,
                None => ctx.today,
            };
            let parts = to
                .iter()
                .map(|part| {
                    let (account, amount) = part
                        .split_once('=')
                        .ok_or_else(|| CliError::AllocationPart(part.clone()))?;
                    Ok((
                        AccountCode::parse(account.trim())?,
                        amount.trim().to_string(),
                    ))
                })
                .collect::<Result<Vec<_>, Failure>>()?;
            let outcome = Ledger::open(path, actor)?.allocate_result(AllocateRequest {
                year,
                date,
                parts,
                dry_run,
            })?;
            if let Format::Json = format.format {
                print::json(&outcome);
                return Ok(());
            }
            print::allocation(&outcome);
        }
        TrustGroup::Reopen { year, reason, sign } => {
            let outcome = Ledger::open(path, actor)?.reopen(year, &reason, &sign)?;
            print::decision("Recorded", &outcome);
        }
        TrustGroup::Policy { quorum, sign } => {
            let outcome = Ledger::open(path, actor)?.set_policy(quorum, &sign)?;
            print::decision("Recorded", &outcome);
        }
    }
    Ok(())
}

/// Splits `ACCOUNT=AMOUNT@STATEMENT` into its three parts, trimmed.
fn split_bank(text: &str) -> Option<(&str, &str, &str)> {
    let (account, rest) = text.split_once('=')?;
    let (amount, statement) = rest.split_once('@')?;
    Some((account.trim(), amount.trim(), statement.trim()))
}
