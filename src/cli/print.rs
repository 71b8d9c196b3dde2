//! How the command line prints: to standard output with care for a reader that went away
//! (`amana journal | head`), and the printers several commands share (warnings, a seal, a
//! decision, JSON, the reminder to keep a ledger with its receipts). What each command says
//! of its own outcome is printed by its group's function.

use std::path::Path;

use amana::app::allocate::AllocateOutcome;
use amana::app::close::ClosePreview;
use amana::app::decisions::DecisionOutcome;
use amana::app::decisions::SealOutcome;
use amana::app::exchange::receipt_folder;
use amana::domain::{Currency, Minor, Posting, format_date};
use amana::rules::Warning;

/// `println!` that ends the program quietly when the reader went away (`amana journal | head`):
/// a closed pipe is not an error of the ledger.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            $crate::cli::print::exit_on_write_error(e);
        }
    }};
}

/// `print!` with the same care as [`out!`].
macro_rules! outp {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout(), $($arg)*) {
            $crate::cli::print::exit_on_write_error(e);
        }
    }};
}

pub fn exit_on_write_error(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("amana: error: cannot write the output: {e}");
    std::process::exit(3);
}

pub fn warn(warnings: &[Warning]) {
    for w in super::lang::warnings(warnings) {
        eprintln!("{}", super::lang::say("cli-warning", &[("message", &w)]));
    }
}

pub fn json<T: serde::Serialize>(value: &T) {
    out!(
        "{}",
        serde_json::to_string_pretty(value).expect("reports serialise")
    );
}

pub fn seal(seal: &SealOutcome) {
    out!(
        "Sealed entries 1 to {} (head {}), Merkle root {}{}.",
        seal.covered,
        seal.head,
        seal.merkle_root,
        seal.period_end
            .as_ref()
            .map(|d| format!(", for the period ending {d}"))
            .unwrap_or_default()
    );
    if seal.signed_by.is_empty() {
        out!(
            "Not signed yet: officers sign it with `amana sign {} --key KEYFILE`.",
            seal.fingerprint
        );
    } else {
        out!("Signed by: {}.", seal.signed_by.join(", "));
    }
    out!("Seal fingerprint (chain entry {}):", seal.seq);
    out!("{}", seal.fingerprint);
}

pub fn decision(verb: &str, d: &DecisionOutcome) {
    let signed = if d.signed_by.is_empty() {
        "not signed yet".to_string()
    } else {
        format!("signed by {}", d.signed_by.join(", "))
    };
    out!(
        "{verb} the {} decision (chain entry {}), {signed}.",
        d.kind,
        d.seq
    );
    if d.in_effect {
        out!("It is in effect.");
    } else if d.void {
        out!(
            "It is void: the books moved on while it waited for its signatures (see `amana verify`)."
        );
    } else {
        let missing = d.missing();
        out!(
            "It takes effect once {missing} more officer(s) sign it ({} needed): each runs `amana sign {} --key KEYFILE`{}.",
            d.required,
            d.seq,
            if d.can_sign.is_empty() {
                String::new()
            } else {
                format!(" (who can: {})", d.can_sign.join(", "))
            }
        );
    }
}

/// The line that warns against the usual mistake: copying the ledger without its receipts.
pub fn keep_together(ledger: &Path) -> String {
    super::lang::say(
        "cli-keep-together",
        &[
            ("ledger", &ledger.display()),
            ("folder", &receipt_folder(ledger).display()),
        ],
    )
}

/// What a closing would write (`close --dry-run`).
pub fn close_preview(p: &ClosePreview, currency: &Currency) {
    let amount = |m: Minor| currency.format(m);
    let posting = |posting: &Posting| {
        let grant = posting
            .grant
            .as_ref()
            .map(|g| format!("  grant={g}"))
            .unwrap_or_default();
        out!(
            "  {:<10} {:>16}{grant}",
            posting.account.as_str(),
            amount(posting.amount)
        );
    };
    out!(
        "Dry run: closing fiscal year {} ({} to {}) would write, dated {}:",
        p.year,
        format_date(p.start),
        format_date(p.end),
        format_date(p.end)
    );
    if !p.carry_postings.is_empty() {
        out!("Dedicated funds (restricted money received and not yet spent, grant by grant):");
        p.carry_postings.iter().for_each(posting);
    }
    if p.postings.is_empty() {
        out!("  no closing entry: the year had no income or expense; its period would be locked.");
    } else {
        out!("Closing entry:");
    }
    p.postings.iter().for_each(posting);
    if !p.funds.is_empty() {
        out!("Dedicated funds per grant (held before the closing, held at the year's end):");
        for fund in &p.funds {
            out!(
                "  {:<20} {:>16} {:>16}",
                fund.grant.as_str(),
                amount(fund.carried),
                amount(fund.target)
            );
        }
    }
    out!(
        "Result of the year, the association's own: {} {} ({}).",
        amount(p.result),
        currency.code,
        match p.result.0.signum() {
            1 => "a surplus",
            -1 => "a deficit",
            _ => "neither a surplus nor a deficit",
        }
    );
    if p.signatures_needed == 0 {
        out!("Nothing was written. To close, run the same command without --dry-run.");
    } else {
        out!(
            "Nothing was written. To close, run the same command without --dry-run, signed by {} officer(s) with --sign KEYFILE.",
            p.signatures_needed
        );
    }
}

/// What `allocate-result` did, or would do.
pub fn allocation(a: &AllocateOutcome) {
    let verb = if a.entry.is_some() {
        "Allocated"
    } else {
        "Dry run: would allocate"
    };
    out!(
        "{verb} fiscal year {}'s result of {} {} (on account {}, closing at chain entry {}), dated {}:",
        a.year,
        a.result,
        a.currency,
        a.result_account,
        a.closing,
        a.date
    );
    for part in &a.parts {
        out!("  {:<10} {:>16}", part.account, part.amount);
    }
    match a.entry {
        Some(id) => out!("Recorded as entry #{id}."),
        None => out!("Nothing was written. To record it, run the same command without --dry-run."),
    }
}

/// A CSV listing on standard output: as amana writes it, or with `excel` for a spreadsheet of
/// the command line's language ([`amana::formats::spreadsheet`]).
pub fn csv(
    sheet: &amana::formats::spreadsheet::Sheet,
    excel: bool,
) -> Result<(), super::error::Failure> {
    use std::io::Write as _;
    let bytes = if excel {
        sheet.for_spreadsheet(super::lang::language()?.spreadsheet())
    } else {
        sheet.csv().into_bytes()
    };
    let mut stdout = std::io::stdout();
    if let Err(e) = stdout.write_all(&bytes).and_then(|()| stdout.flush()) {
        exit_on_write_error(e);
    }
    Ok(())
}
