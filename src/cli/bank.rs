//! `bank import`, `bank review`, `bank assign` and `reconcile`: a bank's statements in, what
//! no rule matched assigned, the books matched with a statement.

use amana::app::Ledger;
use amana::app::bank::{AssignRequest, BankError, BankImportOutcome, BankImportRequest};
use amana::domain::{Currency, Minor, parse_date};
use amana::formats::spreadsheet::Sheet;
use amana::report::render::rows_csv;

use super::Context;
use super::args::{BankCommand, BankGroup, Format};
use super::error::Failure;
use super::print;

pub fn run(ctx: &Context, command: BankGroup) -> Result<(), Failure> {
    let (path, actor) = (&ctx.ledger, ctx.actor.as_str());
    match command {
        BankGroup::Bank(BankCommand::Import {
            file,
            account,
            rules,
            dry_run,
            format,
        }) => {
            let format = format.resolved().map(|f| (f, format.excel))?;
            let mut ledger = Ledger::open(path, actor)?;
            let currency = ledger.info()?.currency;
            let outcome = ledger
                .bank_import(BankImportRequest {
                    file: &file,
                    account: &account,
                    rules: rules.as_deref(),
                    dry_run,
                    today: Some(ctx.today),
                })
                .map_err(|e| match e {
                    BankError::Ledger(e) => Failure::from(e),
                    other => Failure::Invalid(other.to_string()),
                })?;
            print::warn(&outcome.warnings);
            match format {
                (Format::Json, _) => print::json(&import_json(&outcome, &currency)),
                (Format::Csv, excel) => print::csv(&imported_sheet(&outcome, &currency), excel)?,
                (Format::Table, _) => say_import(&outcome, &currency),
            }
        }
        BankGroup::Bank(BankCommand::Review { account, format }) => {
            let ledger = Ledger::open_read_only(path)?;
            let currency = ledger.info()?.currency;
            let rows = ledger.bank_review(account.as_deref())?;
            match format.resolved()? {
                Format::Json => print::json(&serde_json::json!({
                    "lines": rows.iter().map(|r| serde_json::json!({
                        "entry": r.entry, "date": r.date, "description": r.description,
                        "reference": r.reference, "account": r.account,
                        "suspense": r.suspense,
                        // Money in the bank is money the suspense account holds for someone.
                        "amount": currency.format(Minor(-r.amount)),
                        "file_name": r.file_name, "import_seq": r.import_seq,
                    })).collect::<Vec<_>>(),
                })),
                Format::Csv => {
                    let rows: Vec<Vec<String>> = rows
                        .iter()
                        .map(|r| {
                            vec![
                                r.entry.to_string(),
                                r.date.clone(),
                                r.account.clone(),
                                currency.format(Minor(-r.amount)),
                                r.description.clone(),
                                r.suspense.clone(),
                                r.file_name.clone(),
                            ]
                        })
                        .collect();
                    let header = [
                        "entry",
                        "date",
                        "account",
                        "amount",
                        "description",
                        "suspense",
                        "file",
                    ];
                    print::csv(&rows_csv(&header, &[3], &rows), format.excel)?;
                }
                Format::Table => {
                    if rows.is_empty() {
                        out!("No bank line waits in suspense.");
                    } else {
                        out!(
                            "{} bank line(s) wait in suspense; assign each with `amana bank assign ENTRY --account CODE [--grant G --line L | --funder F]`:",
                            rows.len()
                        );
                        for r in &rows {
                            out!(
                                "  #{:<6} {}  {:>14}  {}  ({} → {}, from {})",
                                r.entry,
                                r.date,
                                currency.format(Minor(-r.amount)),
                                r.description,
                                r.account,
                                r.suspense,
                                r.file_name
                            );
                        }
                    }
                }
            }
        }
        BankGroup::Bank(BankCommand::Assign {
            entry,
            account,
            grant,
            line,
            funder,
            memo,
            date,
        }) => {
            let date = date.map(|d| parse_date(&d)).transpose()?;
            let mut ledger = Ledger::open(path, actor)?;
            let currency = ledger.info()?.currency;
            let outcome = ledger.bank_assign(AssignRequest {
                entry,
                account: &account,
                grant: grant.as_deref(),
                line: line.as_deref(),
                funder: funder.as_deref(),
                memo: memo.as_deref(),
                date,
                today: Some(ctx.today),
            })?;
            print::warn(&outcome.warnings);
            out!(
                "Assigned bank line #{} ({}, {}) to {}: reclassified by transaction #{} (chain entry {}).",
                outcome.line.entry,
                outcome.line.description,
                currency.format(Minor(-outcome.line.amount)),
                account.trim(),
                outcome.transaction,
                outcome.seq
            );
        }
        BankGroup::Reconcile(_args) => todo_reconcile()?,
    }
    Ok(())
}

fn money(currency: &Currency, minor: i64) -> String {
    currency.format(Minor(minor))
}

fn import_json(o: &BankImportOutcome, currency: &Currency) -> serde_json::Value {
    serde_json::json!({
        "file": o.file.display().to_string(),
        "sha256": hex::encode(o.sha256),
        "account": o.account.as_str(),
        "layout": o.layout.summary(),
        "guessed": o.layout.guessed,
        "lines_read": o.rows,
        "imported": o.imported.len(),
        "skipped": o.skipped.len(),
        "skipped_lines": o.skipped,
        "suspense_account": o.suspense.as_ref().map(|s| s.as_str()),
        "in_suspense": o.imported.iter().filter(|l| l.rule.is_none()).count(),
        "lines": o.imported.iter().map(|l| serde_json::json!({
            "line": l.line, "entry": l.entry, "date": l.date,
            "description": l.description, "amount": money(currency, l.amount),
            "counter_account": l.counter, "grant": l.grant, "budget_line": l.budget_line,
            "funder": l.funder, "rule_line": l.rule, "suspense": l.rule.is_none(),
        })).collect::<Vec<_>>(),
        "footer_lines": o.footer,
        "balance_lines": o.balance_rows,
        "continued_lines": o.continued,
        "newest_first": o.newest_first,
        "balance_days_checked": o.balance_checked,
        "balance_gap": o.balance_gap.as_ref().map(|g| serde_json::json!({
            "date": g.date, "line": g.line, "statement": money(currency, g.statement),
            "books": money(currency, g.books),
        })),
        "chain_seq": o.seq,
        "head": o.head.map(hex::encode),
        "dry_run": o.dry_run,
    })
}

fn imported_sheet(o: &BankImportOutcome, currency: &Currency) -> Sheet {
    let header = [
        "line",
        "entry",
        "date",
        "amount",
        "description",
        "account",
        "grant",
        "budget_line",
        "funder",
        "rule_line",
    ];
    let rows: Vec<Vec<String>> = o
        .imported
        .iter()
        .map(|l| {
            vec![
                l.line.to_string(),
                l.entry.to_string(),
                l.date.clone(),
                money(currency, l.amount),
                l.description.clone(),
                l.counter.clone(),
                l.grant.clone().unwrap_or_default(),
                l.budget_line.clone().unwrap_or_default(),
                l.funder.clone().unwrap_or_default(),
                l.rule.map(|r| r.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    rows_csv(&header, &[3], &rows)
}

fn say_import(o: &BankImportOutcome, currency: &Currency) {
    let file = o.file.display();
    out!("Read {file} as: {}.", o.layout.summary());
    if !o.layout.guessed.is_empty() {
        out!(
            "  Guessed from the file (no rules file said it): {}. If a guess is wrong, write it in a rules file (see examples/banks/).",
            o.layout.guessed.join(", ")
        );
    }
    if o.newest_first {
        out!("  The file lists its newest line first: lines are recorded oldest first.");
    }
    let mut left = vec![];
    if !o.balance_rows.is_empty() {
        left.push(format!(
            "{} balance line(s) (line {})",
            o.balance_rows.len(),
            join(&o.balance_rows)
        ));
    }
    if !o.footer.is_empty() {
        left.push(format!(
            "{} totals line(s) at the end (line {})",
            o.footer.len(),
            join(&o.footer)
        ));
    }
    if o.continued > 0 {
        left.push(format!(
            "{} line(s) that continue the description above",
            o.continued
        ));
    }
    if !left.is_empty() {
        out!("  Not statement lines: {}.", left.join("; "));
    }
    let (first, last) = (o.imported.first(), o.imported.last());
    let verb = if o.dry_run {
        "would be imported"
    } else {
        "imported"
    };
    let range = match (first, last) {
        (Some(a), Some(b)) if a.entry == b.entry => format!(" (transaction #{})", a.entry),
        (Some(a), Some(b)) => format!(" (transactions #{} to #{})", a.entry, b.entry),
        _ => String::new(),
    };
    out!(
        "{} statement line(s): {} {verb} into {}{range}, {} skipped as already recorded.",
        o.rows,
        o.imported.len(),
        o.account,
        o.skipped.len()
    );
    let suspense: Vec<_> = o.imported.iter().filter(|l| l.rule.is_none()).collect();
    if let (Some(account), false) = (&o.suspense, suspense.is_empty()) {
        out!(
            "{} line(s) match no rule and {} suspense account {account}; assign each with `amana bank assign ENTRY --account CODE` (see `amana bank review`):",
            suspense.len(),
            if o.dry_run { "would go to" } else { "went to" }
        );
        for l in suspense {
            out!(
                "  line {:<4} #{:<6} {}  {:>14}  {}",
                l.line,
                l.entry,
                l.date,
                money(currency, l.amount),
                l.description
            );
        }
    }
    match (&o.balance_gap, o.balance_checked) {
        (_, None) => {
            out!("The statement has no balance column: nothing to compare with the books.")
        }
        (None, Some(n)) => {
            out!("The statement's balance agrees with the books on each of its {n} day(s).")
        }
        (Some(g), _) => out!(
            "The statement's balance differs from the books on {} (line {}): the statement says {}, the books {} (a difference of {}). Are the opening balance, a cheque recorded by hand or a line of another statement missing? `amana reconcile` lists what is outstanding.",
            g.date,
            g.line,
            money(currency, g.statement),
            money(currency, g.books),
            money(currency, g.statement.saturating_sub(g.books))
        ),
    }
    match (o.dry_run, o.seq) {
        (true, _) => out!("Nothing was written (dry run)."),
        (false, Some(seq)) => out!(
            "Recorded from chain entry {seq}, head {}.",
            o.head.map(hex::encode).unwrap_or_default()
        ),
        (false, None) => out!("Nothing new: nothing was written."),
    }
}

fn join(lines: &[u64]) -> String {
    lines
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn todo_reconcile() -> Result<(), Failure> {
    Err(Failure::Invalid("reconcile: not yet".into()))
}
