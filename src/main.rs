//! The `amana` binary: parses the command line, calls the ledger, prints, and maps errors to
//! the exit statuses of the contract (0 ok, 1 verify found a problem, 2 invalid input or
//! refused, 3 environment).

/// `println!` that ends the program quietly when the reader went away (`amana journal | head`):
/// a closed pipe is not an error of the ledger.
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout(), $($arg)*) {
            exit_on_write_error(e);
        }
    }};
}

/// `print!` with the same care as [`out!`].
macro_rules! outp {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = write!(std::io::stdout(), $($arg)*) {
            exit_on_write_error(e);
        }
    }};
}

fn exit_on_write_error(e: std::io::Error) -> ! {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    eprintln!("amana: error: cannot write the output: {e}");
    std::process::exit(3);
}

mod cli;

use amana::chain::signing;
use std::process::ExitCode;

use clap::Parser;

use amana::app::amendments::{BudgetLineAmendmentRequest, GrantAmendmentRequest};
use amana::app::trust::{self, BankRequest, MemberReceipt};
use amana::app::{
    BudgetLineRequest, GrantRequest, InitRequest, Ledger, LedgerError, RecordRequest,
};
use amana::app::{backup, bundle, demo};
use amana::domain::EntryId;
use amana::report::{self, render};
use amana::rules::Warning;
use amana::store::{BalanceFilter, JournalFilter, StoreError};
use amana::{domain, verify};
use cli::{
    AccountCommand, Cli, Command, ExportCommand, Format, FunderCommand, GrantCommand, KeyCommand,
    OfficerCommand, ReceiptCommand, SignatureCommand,
};

/// What went wrong, sorted by exit status.
enum Failure {
    Invalid(String),
    Environment(String),
    VerifyFailed,
    /// What was read does not verify (a bundle listed, a backup restored): exit 1.
    Unverified(String),
}

impl From<LedgerError> for Failure {
    fn from(e: LedgerError) -> Self {
        match &e {
            LedgerError::Store(StoreError::Exists(_) | StoreError::Unencodable { .. }) => {
                Failure::Invalid(e.to_string())
            }
            LedgerError::Store(_)
            | LedgerError::Io { .. }
            | LedgerError::File(amana::files::FileError::Io { .. }) => {
                Failure::Environment(e.to_string())
            }
            LedgerError::File(_) => Failure::Invalid(e.to_string()),
            LedgerError::Invalid(_)
            | LedgerError::Rules(_)
            | LedgerError::Import(_)
            | LedgerError::Refused(_) => Failure::Invalid(e.to_string()),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        LedgerError::from(e).into()
    }
}

impl From<bundle::OpenError> for Failure {
    fn from(e: bundle::OpenError) -> Self {
        match e {
            bundle::OpenError::Ledger(e) => e.into(),
            bundle::OpenError::Unreadable(m) => Failure::Environment(m),
            e @ bundle::OpenError::NotVerified { .. } => Failure::Unverified(e.to_string()),
        }
    }
}

impl From<backup::BackupError> for Failure {
    fn from(e: backup::BackupError) -> Self {
        match e {
            backup::BackupError::Ledger(e) => e.into(),
            backup::BackupError::Refused(m) => Failure::Invalid(m.to_string()),
            backup::BackupError::Io { .. } => Failure::Environment(e.to_string()),
            backup::BackupError::Unverified { .. } => Failure::Unverified(e.to_string()),
        }
    }
}

impl From<domain::DomainError> for Failure {
    fn from(e: domain::DomainError) -> Self {
        Failure::Invalid(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::VerifyFailed) => ExitCode::from(1),
        Err(Failure::Unverified(message)) => {
            eprintln!("amana: error: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Invalid(message)) => {
            eprintln!("amana: error: {message}");
            ExitCode::from(2)
        }
        Err(Failure::Environment(message)) => {
            eprintln!("amana: error: {message}");
            ExitCode::from(3)
        }
    }
}

fn actor(cli: &Cli) -> String {
    cli.actor
        .clone()
        .filter(|a| !a.trim().is_empty())
        .or_else(|| whoami::username().ok())
        .unwrap_or_else(|| "unknown".into())
}

fn warn(warnings: &[Warning]) {
    for w in warnings {
        eprintln!("amana: warning: {w}");
    }
}

fn print_seal(seal: &trust::SealOutcome) {
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

/// A date typed as a filter, checked and written the way the ledger stores dates.
fn date_filter(text: Option<String>) -> Result<Option<String>, Failure> {
    text.map(|d| domain::parse_date(&d).map(domain::format_date))
        .transpose()
        .map_err(Failure::from)
}

/// A grant typed as a filter must exist: a typo would otherwise give an empty report.
fn grant_filter(ledger: &Ledger, grant: Option<String>) -> Result<Option<String>, Failure> {
    let Some(g) = grant.map(|g| g.trim().to_string()) else {
        return Ok(None);
    };
    let known = ledger.store().grant_ids()?;
    if known.contains(&g) {
        Ok(Some(g))
    } else {
        Err(Failure::Invalid(format!(
            "grant \"{g}\" does not exist in this ledger (its grants: {})",
            if known.is_empty() {
                "none".to_string()
            } else {
                known.join(", ")
            }
        )))
    }
}

fn print_decision(verb: &str, d: &amana::app::decisions::DecisionOutcome) {
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
        let missing = d.required.saturating_sub(d.signed_by.len());
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
fn keep_together(ledger: &std::path::Path) -> String {
    format!(
        "Keep {} and its receipt folder {} together (copy both, or make one archive with `amana backup FILE`).",
        ledger.display(),
        amana::files::receipts::ReceiptStore::for_ledger(ledger)
            .dir()
            .display()
    )
}

fn print_json<T: serde::Serialize>(value: &T) {
    out!(
        "{}",
        serde_json::to_string_pretty(value).expect("reports serialise")
    );
}

fn run(cli: Cli) -> Result<(), Failure> {
    let actor = actor(&cli);
    let path = cli.ledger.clone();
    if bundle::is_bundle(&path) && !cli.command.reads_bundles() {
        return Err(Failure::Invalid(format!(
            "{}: is an audit bundle, which amana only reads (balance, journal, log, account list, grant list, funder list) and verifies; nothing is written to it or exported from it. Give --ledger the ledger file itself",
            path.display()
        )));
    }
    match cli.command {
        Command::Init {
            name,
            currency,
            chart,
            fiscal_year_start,
        } => {
            let req = InitRequest {
                name,
                currency,
                chart,
                fiscal_start: fiscal_year_start,
                id: None,
            };
            let (ledger, written) = Ledger::init(&path, req, &actor)?;
            let info = ledger.info()?;
            out!(
                "Created ledger \"{}\" in {} ({}, chart {}, {} chain entries).",
                info.name,
                path.display(),
                info.currency.code,
                info.chart,
                written.seq
            );
            out!("head: {} {}", written.seq, hex::encode(written.head));
            out!("{}", keep_together(&path));
        }
        Command::Account(AccountCommand::List { prefix, format }) => {
            let ledger = bundle::open_read_only(&path)?;
            let report = report::accounts(ledger.store(), prefix.as_deref().map(str::trim))?;
            match format.format {
                Format::Table => out!("{}", render::accounts_table(&report)),
                Format::Csv => outp!("{}", render::accounts_csv(&report)),
                Format::Json => print_json(&report),
            }
        }
        Command::Funder(FunderCommand::List { format }) => {
            let ledger = bundle::open_read_only(&path)?;
            let info = ledger.info()?;
            let report = report::funders(ledger.store(), &info)?;
            match format.format {
                Format::Table => out!("{}", render::funders_table(&report)),
                Format::Csv => outp!("{}", render::funders_csv(&report)),
                Format::Json => print_json(&report),
            }
        }
        Command::Grant(GrantCommand::List { grant, format }) => {
            let ledger = bundle::open_read_only(&path)?;
            let info = ledger.info()?;
            let grant = grant_filter(&ledger, grant)?;
            let report = report::grants(ledger.store(), &info, grant.as_deref())?;
            match format.format {
                Format::Table => outp!("{}", render::grants_text(&report)),
                Format::Csv => outp!("{}", render::grants_csv(&report)),
                Format::Json => print_json(&report),
            }
        }
        Command::Account(AccountCommand::Add {
            code,
            name,
            kind,
            labels,
        }) => {
            let labels = labels
                .iter()
                .map(|l| {
                    cli::parse_label(l).ok_or_else(|| {
                        Failure::Invalid(format!("--label \"{l}\": write LANG=TEXT, e.g. ar=البنك"))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            let written = Ledger::open(&path, &actor)?.add_account(&code, &name, &kind, &labels)?;
            out!("Added account {code} (chain entry {}).", written.seq);
        }
        Command::Funder(FunderCommand::Add {
            id,
            name,
            kind,
            country,
        }) => {
            let written =
                Ledger::open(&path, &actor)?.add_funder(&id, &name, &kind, country.as_deref())?;
            out!("Added funder {id} (chain entry {}).", written.seq);
        }
        Command::Funder(FunderCommand::Rename { id, name, reason }) => {
            let written = Ledger::open(&path, &actor)?.rename_funder(&id, &name, &reason)?;
            out!("Renamed funder {id} (chain entry {}).", written.seq);
        }
        Command::Grant(GrantCommand::Add {
            id,
            funder,
            amount,
            currency,
            start,
            end,
            unrestricted,
            purpose,
        }) => {
            let written = Ledger::open(&path, &actor)?.add_grant(GrantRequest {
                id: id.clone(),
                funder,
                amount,
                currency,
                start,
                end,
                restricted: !unrestricted,
                purpose,
            })?;
            out!("Added grant {id} (chain entry {}).", written.seq);
        }
        Command::Grant(GrantCommand::Budget {
            grant,
            line,
            amount,
            label,
            account,
        }) => {
            let written = Ledger::open(&path, &actor)?.add_budget_line(BudgetLineRequest {
                grant: grant.clone(),
                line: line.clone(),
                label,
                amount,
                account,
            })?;
            out!(
                "Added budget line {grant}/{line} (chain entry {}).",
                written.seq
            );
        }
        Command::Account(AccountCommand::Rename {
            code,
            name,
            reason,
            effective,
        }) => {
            let written = Ledger::open(&path, &actor)?.rename_account(
                &code,
                &name,
                effective.as_deref(),
                &reason,
            )?;
            out!("Renamed account {code} (chain entry {}).", written.seq);
        }
        Command::Account(AccountCommand::Retire {
            code,
            effective,
            reason,
        }) => {
            let written =
                Ledger::open(&path, &actor)?.retire_account(&code, &effective, &reason)?;
            out!(
                "Retired account {code} from {effective} (chain entry {}).",
                written.seq
            );
        }
        Command::Grant(GrantCommand::Amend {
            id,
            amount,
            end,
            effective,
            reason,
        }) => {
            let written = Ledger::open(&path, &actor)?.amend_grant(GrantAmendmentRequest {
                grant: id.clone(),
                effective,
                amount,
                end,
                reason,
            })?;
            out!("Amended grant {id} (chain entry {}).", written.seq);
        }
        Command::Grant(GrantCommand::BudgetAmend {
            grant,
            line,
            amount,
            withdraw,
            effective,
            reason,
        }) => {
            let written =
                Ledger::open(&path, &actor)?.amend_budget_line(BudgetLineAmendmentRequest {
                    grant: grant.clone(),
                    line: line.clone(),
                    effective,
                    amount,
                    withdraw,
                    reason,
                })?;
            out!(
                "Amended budget line {grant}/{line} (chain entry {}).",
                written.seq
            );
        }
        Command::Record {
            date,
            description,
            reference,
            postings,
            receipts,
        } => {
            let postings = postings
                .iter()
                .map(|p| cli::parse_posting(p).map_err(|e| Failure::Invalid(e.to_string())))
                .collect::<Result<Vec<_>, _>>()?;
            let written = Ledger::open(&path, &actor)?.record(RecordRequest {
                date,
                description,
                reference,
                postings,
                receipts,
            })?;
            warn(&written.warnings);
            out!(
                "Recorded transaction #{} (chain entry {}).",
                written.entry.map_or(0, |e| e.0),
                written.seq
            );
        }
        Command::Import {
            file,
            dry_run,
            force,
        } => {
            let outcome = Ledger::open(&path, &actor)?.import(&file, dry_run, force)?;
            warn(&outcome.warnings);
            let range = match (outcome.first, outcome.last) {
                (Some(a), Some(b)) => format!(" #{a} to #{b}"),
                _ => String::new(),
            };
            if dry_run {
                out!(
                    "Dry run: {} would import {} transactions{range} from {} rows; nothing was written.",
                    file.display(),
                    outcome.transactions,
                    outcome.rows
                );
            } else {
                out!(
                    "Imported {} transactions{range} from {} rows of {} (sha256 {}), chain entries {} to {}.",
                    outcome.transactions,
                    outcome.rows,
                    file.display(),
                    hex::encode(outcome.sha256),
                    outcome.import_seq,
                    outcome.import_seq + outcome.transactions as i64
                );
            }
        }
        Command::Reverse { id, date, reason } => {
            let date = date.map(|d| domain::parse_date(&d)).transpose()?;
            let written = Ledger::open(&path, &actor)?.reverse(id, date, &reason)?;
            warn(&written.warnings);
            out!(
                "Reversed transaction #{id} with transaction #{} (chain entry {}). Record the correct transaction if there is one.",
                written.entry.map_or(0, |e| e.0),
                written.seq
            );
        }
        Command::Balance {
            as_of,
            grant,
            format,
        } => {
            let as_of = date_filter(as_of)?;
            let ledger = bundle::open_read_only(&path)?;
            let info = ledger.info()?;
            let grant = grant_filter(&ledger, grant)?;
            let report = report::balance(ledger.store(), &info, &BalanceFilter { as_of, grant })?;
            match format.format {
                Format::Table => out!("{}", render::balance_table(&report)),
                Format::Csv => outp!("{}", render::balance_csv(&report)),
                Format::Json => print_json(&report),
            }
        }
        Command::Journal {
            from,
            to,
            account,
            grant,
            format,
        } => {
            let (from, to) = (date_filter(from)?, date_filter(to)?);
            let ledger = bundle::open_read_only(&path)?;
            let info = ledger.info()?;
            let grant = grant_filter(&ledger, grant)?;
            let account = account.map(|a| a.trim().to_string());
            let filter = JournalFilter {
                from,
                to,
                account,
                grant,
            };
            let report = report::journal(ledger.store(), &info, &filter)?;
            match format.format {
                Format::Table => outp!("{}", render::journal_text(&report)),
                Format::Csv => outp!("{}", render::journal_csv(&report)),
                Format::Json => print_json(&report),
            }
        }
        Command::Log { kind, format } => {
            let ledger = bundle::open_read_only(&path)?;
            let info = ledger.info()?;
            let report = report::log(ledger.store(), &info, kind.as_deref())?;
            match format.format {
                Format::Table => out!("{}", render::log_table(&report)),
                Format::Csv => outp!("{}", render::log_csv(&report)),
                Format::Json => print_json(&report),
            }
        }
        Command::Verify {
            anchors,
            seals,
            bundle,
            format,
        } => {
            let options = verify::Options {
                anchors: anchors
                    .iter()
                    .map(|a| verify::Anchor::parse(a))
                    .collect::<Result<_, _>>()
                    .map_err(Failure::Invalid)?,
                now_us: None,
                seals: seals
                    .iter()
                    .map(|s| verify::SealAnchor::parse(s))
                    .collect::<Result<_, _>>()
                    .map_err(Failure::Invalid)?,
            };
            let bundle = bundle.or_else(|| bundle::is_bundle(&path).then(|| path.clone()));
            let report = match bundle {
                Some(dir) => verify::verify_bundle(&dir, &options).map_err(Failure::Environment)?,
                None => {
                    let ledger = Ledger::open_read_only(&path)?;
                    verify::verify_with(ledger.store(), &options)?
                }
            };
            match format.format {
                Format::Table => outp!("{}", render::verify_text(&report)),
                Format::Csv => outp!("{}", render::verify_csv(&report)),
                Format::Json => print_json(&report),
            }
            if !report.ok {
                return Err(Failure::VerifyFailed);
            }
        }
        Command::Key(KeyCommand::Generate { file, passphrase }) => {
            use amana::files::keys::{self, PrivateKey};
            let key = if passphrase {
                PrivateKey::generate_protected(&file, || keys::new_passphrase(&file))
            } else {
                PrivateKey::generate(&file)
            }
            .map_err(|e| Failure::Invalid(e.to_string()))?;
            if !passphrase && std::env::var_os(keys::PASSPHRASE_ENV).is_some() {
                eprintln!(
                    "amana: warning: {} is set, but without --passphrase the key is not encrypted",
                    keys::PASSPHRASE_ENV
                );
            }
            out!(
                "Wrote the private key {} (keep it secret, off this computer{}) and the public key {}.",
                file.display(),
                if passphrase {
                    "; encrypted: amana asks for its passphrase each time it signs"
                } else {
                    ""
                },
                keys::public_path(&file).display()
            );
            out!("public key: {}", hex::encode(key.public_key()));
            out!(
                "key fingerprint: {}",
                signing::fingerprint(&key.public_key())
            );
        }
        Command::Officer(OfficerCommand::Add {
            id,
            name,
            role,
            key,
            approve,
        }) => {
            let written =
                Ledger::open(&path, &actor)?.add_officer(&id, &name, &role, &key, &approve)?;
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
        Command::Officer(OfficerCommand::Approve { id, key }) => {
            let outcome = Ledger::open(&path, &actor)?.approve_officer(&id, &key)?;
            if outcome.in_effect {
                out!(
                    "Approved officer {id} (registered at chain entry {}): their signatures now count.",
                    outcome.seq
                );
            } else {
                print_decision("Approved", &outcome);
            }
        }
        Command::Seal {
            month,
            through,
            banks,
            sign,
        } => {
            let period_end = match (month, through) {
                (Some(m), _) => Some(domain::month_end(&m)?),
                (None, Some(d)) => Some(domain::parse_date(&d)?),
                (None, None) => None,
            };
            let banks = banks
                .iter()
                .map(|b| {
                    cli::parse_bank(b)
                        .map(|(account, amount, statement)| BankRequest { account, amount, statement })
                        .ok_or_else(|| Failure::Invalid(format!("--bank \"{b}\": write ACCOUNT=AMOUNT@STATEMENT, e.g. 51411=100870.19@Relevé 03/2026")))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let outcome = Ledger::open(&path, &actor)?.seal(period_end, &banks, &sign)?;
            print_seal(&outcome);
        }
        Command::Sign {
            seal,
            key,
            bundle: Some(dir),
            out: Some(out),
        } => {
            // Refused before the bundle is read and the passphrase asked.
            amana::files::check_output(&out, false).map_err(LedgerError::from)?;
            let file = amana::app::signatures::sign_from_bundle(&dir, &seal, &key)?;
            let json =
                serde_json::to_string_pretty(&file).expect("signature files serialise") + "\n";
            amana::files::write_new(&out, json.as_bytes(), false).map_err(LedgerError::from)?;
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
        Command::Signature(SignatureCommand::Add { file }) => {
            let added = Ledger::open(&path, &actor)?.add_signature(&file)?;
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
        Command::Sign { seal, key, .. } => {
            match Ledger::open(&path, &actor)?.sign_entry(&seal, &key)? {
                amana::app::decisions::Signed::Seal(outcome) => {
                    out!(
                        "Signed seal {} (chain entry {}); signed by: {}.",
                        outcome.fingerprint,
                        outcome.seq,
                        outcome.signed_by.join(", ")
                    );
                    out!("{}", outcome.fingerprint);
                }
                amana::app::decisions::Signed::Decision(outcome) => {
                    print_decision("Signed", &outcome)
                }
            }
        }
        Command::Lock {
            through,
            reason,
            sign,
        } => {
            let through = domain::parse_date(&through)?;
            let today = chrono::Local::now().date_naive();
            let outcome = Ledger::open(&path, &actor)?.lock(through, &reason, &sign, today)?;
            print_decision("Recorded", &outcome);
        }
        Command::Reopen { year, reason, sign } => {
            let outcome = Ledger::open(&path, &actor)?.reopen(year, &reason, &sign)?;
            print_decision("Recorded", &outcome);
        }
        Command::Policy { quorum, sign } => {
            let outcome = Ledger::open(&path, &actor)?.set_policy(quorum, &sign)?;
            print_decision("Recorded", &outcome);
        }
        Command::Officer(OfficerCommand::Revoke { id, reason, sign }) => {
            let outcome = Ledger::open(&path, &actor)?.revoke(&id, &reason, &sign)?;
            print_decision("Recorded", &outcome);
        }
        Command::Close {
            year,
            restricted_account,
            unrestricted_account,
            sign,
        } => {
            let mut ledger = Ledger::open(&path, &actor)?;
            let chart = ledger.info()?.chart;
            let default = |generic: &str| (chart == "generic").then(|| generic.to_string());
            let restricted = restricted_account.or_else(|| default("3100")).ok_or_else(|| {
                Failure::Invalid("give --restricted-account and --unrestricted-account: the net-asset accounts that receive the year's result on restricted grants and on the rest (this chart has no default)".into())
            })?;
            let unrestricted = unrestricted_account.or_else(|| default("3000")).ok_or_else(|| {
                Failure::Invalid("give --unrestricted-account: the net-asset account that receives the year's result on unrestricted funds".into())
            })?;
            let today = chrono::Local::now().date_naive();
            let outcome = ledger.close(year, &restricted, &unrestricted, &sign, today)?;
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
            print_seal(&outcome.seal);
        }
        Command::Receipt(ReceiptCommand::Show { id }) => {
            let ledger = Ledger::open_read_only(&path)?;
            let receipts = ledger.receipts_of(EntryId(id))?;
            if receipts.is_empty() {
                out!("Transaction #{id} has no receipt recorded.");
            }
            for (r, file, status) in receipts {
                let state = match status {
                    amana::files::receipts::Status::Present => "present, intact".to_string(),
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
        Command::Receipt(ReceiptCommand::Attach { id, files }) => {
            let written = Ledger::open(&path, &actor)?.attach_receipts(EntryId(id), &files)?;
            out!(
                "Attached {} receipt(s) to transaction #{id} (chain entries {} to {}).",
                written.len(),
                written.first().map_or(0, |w| w.seq),
                written.last().map_or(0, |w| w.seq)
            );
        }
        Command::Receipt(ReceiptCommand::Member { id, out, force }) => {
            let out = out.unwrap_or_else(|| std::path::PathBuf::from(format!("receipt-{id}.json")));
            amana::files::check_output(&out, force).map_err(LedgerError::from)?;
            let receipt = Ledger::open_read_only(&path)?.member_receipt(EntryId(id))?;
            let json = serde_json::to_string_pretty(&receipt).expect("receipts serialise");
            amana::files::write_new(&out, json.as_bytes(), force).map_err(LedgerError::from)?;
            out!(
                "Wrote the receipt of transaction #{id} ({} {} on {}) to {}.",
                receipt.amount,
                receipt.currency,
                receipt.date,
                out.display()
            );
            match &receipt.seal {
                Some(s) => out!(
                    "It proves inclusion in seal {} (chain entry {}); check it with:\n  amana verify-receipt {} --seal {}",
                    s.fingerprint,
                    s.seq,
                    out.display(),
                    s.fingerprint
                ),
                None => out!(
                    "No seal covers this transaction yet: it carries no inclusion proof. Write it again after the next seal."
                ),
            }
        }
        Command::VerifyReceipt { file, seal, format } => {
            // A member's receipt is a few hundred kilobytes; it comes from anyone.
            let text = amana::files::read_text(&file, 64 * 1024 * 1024)
                .map_err(|e| Failure::from(LedgerError::from(e)))?;
            let receipt: MemberReceipt = serde_json::from_str(&text).map_err(|e| {
                Failure::Invalid(format!(
                    "{}: not an amana member receipt ({e})",
                    file.display()
                ))
            })?;
            let check = trust::check_member_receipt(&receipt, &seal);
            match format.format {
                Format::Json => print_json(&check),
                _ => {
                    if check.ok {
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
                    } else {
                        out!("FAILED: this receipt does not prove inclusion in seal {seal}:");
                        for p in &check.problems {
                            out!("  {p}");
                        }
                    }
                }
            }
            if !check.ok {
                return Err(Failure::VerifyFailed);
            }
        }
        Command::Export(ExportCommand::Audit { dir }) => {
            let ledger = Ledger::open_read_only(&path)?;
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
        Command::Backup { file, force } => {
            let o = backup::backup(&path, &file, force)?;
            out!(
                "Wrote the backup {}: the ledger ({} chain entries, head {}:{}) and {} receipt(s).",
                o.file.display(),
                o.entries,
                o.entries,
                o.head,
                o.receipts
            );
            if !o.verify.ok {
                outp!("{}", render::verify_text(&o.verify));
                return Err(Failure::Unverified(format!(
                    "{}: the ledger does not verify; the backup holds it as it is, but `amana restore` will refuse it until the problems above are resolved",
                    path.display()
                )));
            }
            out!(
                "Restore it with: amana restore {} --to NEW_LEDGER.db",
                o.file.display()
            );
        }
        Command::Restore { file, to } => {
            let o = match backup::restore(&file, &to) {
                Err(e @ backup::BackupError::Unverified { .. }) => {
                    if let backup::BackupError::Unverified { report, .. } = &e {
                        outp!("{}", render::verify_text(report));
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
                amana::files::receipts::ReceiptStore::for_ledger(&o.ledger)
                    .dir()
                    .display(),
                o.verify.entries,
                o.verify.entries,
                o.verify.head
            );
        }
        Command::Demo { out } => {
            let outcome = demo::run(&out, &actor)?;
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
            let c = &outcome.closing;
            out!(
                "  closed fiscal year {} with entry #{}; seal {} signed by {}, locks through {}",
                c.year,
                c.closing_entry.unwrap_or(0),
                c.seal.fingerprint,
                c.seal.signed_by.join(" and "),
                c.end
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
            out!("  {}", keep_together(&outcome.ledger));
            let l = outcome.ledger.display();
            // The program as it was called (target/release/amana under `cargo run`), so that
            // every line below can be pasted as it is.
            let a = std::env::args().next().unwrap_or_else(|| "amana".into());
            out!(
                "\nExplore it:\n  {a} --ledger {l} balance\n  {a} --ledger {l} balance --grant EU-2025\n  {a} --ledger {l} journal --account 5141 --from 2026-01-01\n  {a} --ledger {l} log --kind seal\n  {a} --ledger {l} verify --anchor {}:{}\n  {a} verify-receipt {} --seal {}",
                v.entries,
                v.head,
                outcome.member_receipt.display(),
                outcome.seal.fingerprint
            );
            if !v.ok {
                outp!("{}", render::verify_text(v));
                return Err(Failure::VerifyFailed);
            }
        }
    }
    Ok(())
}
