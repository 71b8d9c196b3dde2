//! The commands that copy the books out: the audit bundle, the backup archive and its
//! restore, and the demo ledger built from the example association.

use amana::app::exchange::receipt_folder;
use amana::app::export_grants::GrantsExportRequest;
use amana::app::{Ledger, backup, demo};
use amana::domain::GrantId;

use super::Context;
use super::args::{ArchiveGroup, ExportCommand};
use super::error::{CliError, Failure};
use super::print;
use amana::formats::books::BooksFormat;

pub fn run(ctx: &Context, command: ArchiveGroup) -> Result<(), Failure> {
    let path = &ctx.ledger;
    match command {
        ArchiveGroup::Export(ExportCommand::Audit { dir }) => {
            let ledger = Ledger::open_read_only(path)?;
            let o = ledger.export_audit(&dir)?;
            out!(
                "Wrote the audit bundle {}: {} chain entries, {} officers, {} seals, {} receipts.",
                o.dir.display(),
                o.entries,
                o.officers,
                o.seals,
                o.receipts
            );
            if o.missing_receipts > 0 {
                eprintln!(
                    "amana: warning: {} receipt(s) are missing or altered in the receipt store and were left out (run amana verify)",
                    o.missing_receipts
                );
            }
            out!(
                "Verify it with: amana verify --bundle {} --anchor {}:{}",
                o.dir.display(),
                o.entries,
                o.head
            );
        }
        ArchiveGroup::Export(ExportCommand::Hledger { out, force }) => {
            export_books(path, BooksFormat::Hledger, out.as_deref(), force)?;
        }
        ArchiveGroup::Export(ExportCommand::Beancount { out, force }) => {
            export_books(path, BooksFormat::Beancount, out.as_deref(), force)?;
        }
        ArchiveGroup::Export(ExportCommand::Iati {
            grant,
            country,
            sector,
            lang,
            out,
            force,
        }) => {
            let mut req = grants_request(grant, country, sector)?;
            req.lang = lang;
            let ledger = Ledger::open_read_only(path)?;
            let o = ledger.export_iati(&req, out.as_deref(), force)?;
            match out {
                None => outp!("{}", o.text),
                Some(file) => out!(
                    "Wrote the IATI activity file {}: {} activities, {} transactions.",
                    file.display(),
                    o.grants,
                    o.transactions
                ),
            }
        }
        ArchiveGroup::Export(ExportCommand::Giving360 { grant, out, force }) => {
            let req = grants_request(grant, None, None)?;
            let ledger = Ledger::open_read_only(path)?;
            let o = ledger.export_360giving(&req, out.as_deref(), force)?;
            match out {
                None => outp!("{}", o.text),
                Some(file) => out!(
                    "Wrote the 360Giving package {}: {} grants, {} disbursements.",
                    file.display(),
                    o.grants,
                    o.transactions
                ),
            }
        }
        ArchiveGroup::Backup { file, force } => {
            let o = backup::backup(path, &file, force)?;
            out!(
                "Wrote the backup {}: the ledger ({} chain entries, head {}:{}) and {} receipt(s).",
                o.file.display(),
                o.entries,
                o.entries,
                o.head,
                o.receipts
            );
            if !o.verify.ok {
                outp!("{}", super::lang::verify_text(&o.verify));
                return Err(CliError::BackupUnverified(path.clone()).into());
            }
            out!(
                "Restore it with: amana restore {} --to NEW_LEDGER.db",
                o.file.display()
            );
        }
        ArchiveGroup::Restore { file, to } => {
            let o = match backup::restore(&file, &to) {
                Err(e @ backup::BackupError::Unverified { .. }) => {
                    if let backup::BackupError::Unverified { report, .. } = &e {
                        outp!("{}", super::lang::verify_text(report));
                    }
                    return Err(e.into());
                }
                result => result?,
            };
            out!(
                "Restored {} into {} with {} receipt(s) in {}; verified: {} chain entries, head {} {}.",
                file.display(),
                o.ledger.display(),
                o.receipts,
                receipt_folder(&o.ledger).display(),
                o.verify.entries,
                o.verify.entries,
                o.verify.head
            );
        }
        ArchiveGroup::Demo { out, no_reports } => demo(&out, &ctx.actor, ctx.today, !no_reports)?,
    }
    Ok(())
}

/// Writes every report of the demo ledger into its folder's `reports/`, and names each file.
fn demo_reports(outcome: &demo::DemoOutcome) -> Result<(), Failure> {
    let ledger = amana::app::Ledger::open_read_only(&outcome.ledger)?;
    let dir = outcome
        .ledger
        .parent()
        .unwrap_or(std::path::Path::new("."))
        .join("reports");
    let reports =
        amana::app::demo_reports::write_all(&ledger, &dir, outcome.member_receipt_transaction)
            .map_err(|e| Failure::Environment(e.to_string()))?;
    out!(
        "\nReports, each in Arabic, French and English, as HTML (to open in a browser) and PDF (to print or e-mail):"
    );
    for path in &reports {
        out!("  {}", path.display());
    }
    Ok(())
}

/// Builds the demo ledger and says what is in it, and how to explore it.
fn demo(
    out: &std::path::Path,
    actor: &str,
    today: chrono::NaiveDate,
    with_reports: bool,
) -> Result<(), Failure> {
    let outcome = demo::run(out, actor, today)?;
    out!("Built the demo ledger of \"{}\":", demo::NAME);
    out!("  ledger: {}", outcome.ledger.display());
    out!(
        "  {} accounts added to the Moroccan chart, {} funders, {} grants, {} budget lines",
        outcome.accounts_added,
        outcome.funders,
        outcome.grants,
        outcome.budget_lines
    );
    for i in &outcome.imports {
        out!(
            "  imported {}: {} transactions from {} rows",
            i.file.display(),
            i.transactions,
            i.rows
        );
    }
    for (original, reversal) in &outcome.reversals {
        out!("  reversed transaction #{original} with #{reversal}");
    }
    out!(
        "  officers fatima (treasurer) and ahmed (president), keys in {}",
        outcome.keys[0]
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default()
    );
    out!(
        "  EU-2025 budgeted in EUR (grant terms: each cost at the rate of its day from the rate table, 90 days' closing window)"
    );
    let grant_funded = outcome
        .assets
        .iter()
        .filter(|a| a.subsidy.is_some())
        .count();
    out!(
        "  {} pieces of equipment registered as fixed assets ({} bought on grants, carried as investment subsidies), depreciated through 2026-10-31",
        outcome.assets.len(),
        grant_funded
    );
    let c = &outcome.closing;
    if let Some(carry) = c.dedicated_funds_entry {
        out!(
            "  restricted money received and not yet spent carried to dedicated funds (1561) with entry #{carry}"
        );
    }
    out!(
        "  closed fiscal year {} with entry #{}; seal {} signed by {}, locks through {}",
        c.year,
        c.closing_entry.unwrap_or(0),
        c.seal.fingerprint,
        c.seal.signed_by.join(" and "),
        c.end
    );
    let a = &outcome.allocation;
    let parts: Vec<String> = a
        .parts
        .iter()
        .map(|p| format!("{} {}", p.account, p.amount))
        .collect();
    out!(
        "  the association's own result for {}: {} {} (negative: a deficit), on {}; allocated by the general assembly of {}: {}",
        a.year,
        a.result,
        a.currency,
        a.result_account,
        a.date,
        parts.join(", ")
    );
    out!(
        "  sealed entries 1 to {} with the bank statements' balances: seal {} signed by {}",
        outcome.seal.covered,
        outcome.seal.fingerprint,
        outcome.seal.signed_by.join(", ")
    );
    out!(
        "  member's receipt with its inclusion proof: {}",
        outcome.member_receipt.display()
    );
    if !outcome.warnings.is_empty() {
        out!("  warnings the treasurer would see:");
        for w in &outcome.warnings {
            out!("    {w}");
        }
    }
    let v = &outcome.verify;
    out!(
        "Verified: {} ({} chain entries, {} transactions, {} table rows compared)",
        if v.ok { "intact" } else { "PROBLEMS FOUND" },
        v.entries,
        v.transactions,
        v.rows_checked
    );
    out!("  head: {} {}", v.entries, v.head);
    out!("  {}", print::keep_together(&outcome.ledger));
    if with_reports {
        demo_reports(&outcome)?;
    }
    let l = outcome.ledger.display();
    // The program as it was called (target/release/amana under `cargo run`), so that
    // every line below can be pasted as it is.
    let a = std::env::args().next().unwrap_or_else(|| "amana".into());
    out!(
        "\nExplore it:\n  {a} --ledger {l} balance\n  {a} --ledger {l} balance --grant EU-2025\n  {a} --ledger {l} balance --from 2025-01-01 --to 2025-12-31 --before-closing\n  {a} --ledger {l} grant list\n  {a} --ledger {l} asset list\n  {a} --ledger {l} donors --year 2026\n  {a} --ledger {l} in-kind list --year 2026\n  {a} --ledger {l} journal --account 5141 --from 2026-01-01\n  {a} --ledger {l} log --kind seal\n  {a} --ledger {l} verify --anchor {}:{}\n  {a} verify-receipt {} --seal {}\n  {a} --ledger {l} report funder --grant EU-2025 --lang fr\n  {a} --ledger {l} report annual --year 2025 --format pdf --lang ar --out rapport-annuel.pdf",
        v.entries,
        v.head,
        outcome.member_receipt.display(),
        outcome.seal.fingerprint
    );
    if !v.ok {
        outp!("{}", super::lang::verify_text(v));
        return Err(Failure::VerifyFailed);
    }
    Ok(())
}

/// The typed request of `export iati` and `export 360giving`, with the report clock.
fn grants_request(
    grant: Option<String>,
    country: Option<String>,
    sector: Option<String>,
) -> Result<GrantsExportRequest, Failure> {
    Ok(GrantsExportRequest {
        grant: grant.as_deref().map(GrantId::parse).transpose()?,
        country,
        sector,
        lang: None,
        now: amana::report::output::now().map_err(CliError::Clock)?,
    })
}

/// `export hledger` and `export beancount`: the journal printed, or written and summed up.
fn export_books(
    path: &std::path::Path,
    format: BooksFormat,
    out: Option<&std::path::Path>,
    force: bool,
) -> Result<(), Failure> {
    let ledger = Ledger::open_read_only(path)?;
    let o = ledger.export_books(format, out, force)?;
    match out {
        None => outp!("{}", o.text),
        Some(file) => out!(
            "Wrote the {} {}: {} entries, {} postings, {} accounts, read at chain head {}:{} (amana verify --anchor {}:{} checks the ledger still extends it).",
            format.file_kind(),
            file.display(),
            o.entries,
            o.postings,
            o.accounts,
            o.entries_in_chain,
            o.head,
            o.entries_in_chain,
            o.head
        ),
    }
    Ok(())
}
