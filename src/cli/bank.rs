//! `bank import`, `bank review`, `bank assign` and `reconcile`: a bank's statements in, what
//! no rule matched assigned, the books matched with a statement.

use amana::app::Ledger;
use amana::app::bank::{AssignRequest, BankError, BankImportOutcome, BankImportRequest};
use amana::domain::{Currency, Minor, parse_date};
use amana::formats::spreadsheet::Sheet;
use amana::report::render::rows_csv;

use super::Context;
use super::args::{BankCommand, BankGroup, Format, ReconcileArgs};
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
        BankGroup::Reconcile(args) => reconcile(ctx, args)?,
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
        "possibly_recorded": o.maybe_recorded.iter().map(|(line, entry, date)| serde_json::json!({
            "line": line, "entry": entry.0, "date": amana::domain::format_date(*date),
        })).collect::<Vec<_>>(),
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
    for (line, entry, date) in &o.maybe_recorded {
        out!(
            "Note: line {line} may already be recorded by hand as transaction #{entry} ({}, the same amount): if it is, reverse one of the two (`amana reverse N --reason ...`).",
            amana::domain::format_date(*date)
        );
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

fn reconcile(ctx: &Context, args: ReconcileArgs) -> Result<(), Failure> {
    use amana::app::reconcile::{ReconcileOutcome, ReconcileRequest};
    let format = args.format.resolved()?;
    let date = args.date.as_deref().map(parse_date).transpose()?;
    let mut ledger = Ledger::open(&ctx.ledger, &ctx.actor)?;
    let currency = ledger.info()?.currency;
    let o: ReconcileOutcome = ledger
        .reconcile(ReconcileRequest {
            account: &args.account,
            statement: args.statement.as_deref(),
            rules: args.rules.as_deref(),
            balance: args.balance.as_deref(),
            date,
            outstanding: &args.outstanding,
            statement_name: args.statement_name.as_deref(),
            dry_run: args.dry_run,
        })
        .map_err(|e| match e {
            BankError::Ledger(e) => Failure::from(e),
            other => Failure::Invalid(other.to_string()),
        })?;
    let m = |v: i64| money(&currency, v);
    match format {
        Format::Json => print::json(&serde_json::json!({
            "account": o.account.as_str(),
            "date": amana::domain::format_date(o.date),
            "statement": o.statement,
            "statement_balance": m(o.statement_balance),
            "book_balance": m(o.book_balance),
            "outstanding_total": m(o.outstanding_total()),
            "bank_only_total": m(o.bank_only_total()),
            "difference": m(o.difference),
            "matched_before": o.matched_before,
            "reconciled": o.difference == 0,
            "matched": o.matched.iter().map(|x| serde_json::json!({
                "entry": x.entry.entry.0, "date": amana::domain::format_date(x.entry.date),
                "description": x.entry.description, "amount": m(x.entry.amount),
                "statement_line": x.line, "by_fingerprint": x.by_fingerprint,
            })).collect::<Vec<_>>(),
            "outstanding": o.outstanding.iter().map(|x| serde_json::json!({
                "entry": x.entry.0, "date": amana::domain::format_date(x.date),
                "description": x.description, "amount": m(x.amount),
            })).collect::<Vec<_>>(),
            "bank_only": o.bank_only.iter().map(|b| serde_json::json!({
                "line": b.line, "date": b.date, "description": b.description,
                "amount": m(b.amount),
            })).collect::<Vec<_>>(),
            "chain_seq": o.seq,
            "dry_run": o.dry_run,
        })),
        Format::Csv => {
            let mut rows: Vec<Vec<String>> = vec![];
            for x in &o.matched {
                rows.push(vec![
                    "matched".into(),
                    x.entry.entry.0.to_string(),
                    x.line.map(|l| l.to_string()).unwrap_or_default(),
                    amana::domain::format_date(x.entry.date),
                    m(x.entry.amount),
                    x.entry.description.clone(),
                ]);
            }
            for x in &o.outstanding {
                rows.push(vec![
                    "outstanding".into(),
                    x.entry.0.to_string(),
                    String::new(),
                    amana::domain::format_date(x.date),
                    m(x.amount),
                    x.description.clone(),
                ]);
            }
            for b in &o.bank_only {
                rows.push(vec![
                    "bank-only".into(),
                    String::new(),
                    b.line.to_string(),
                    b.date.clone(),
                    m(b.amount),
                    b.description.clone(),
                ]);
            }
            let header = [
                "status",
                "entry",
                "statement_line",
                "date",
                "amount",
                "description",
            ];
            print::csv(&rows_csv(&header, &[4], &rows), args.format.excel)?;
        }
        Format::Table => {
            out!(
                "Reconciliation of {} with {} as of {}:",
                o.account,
                o.statement,
                amana::domain::format_date(o.date)
            );
            out!(
                "  {} transaction(s) matched with the statement.",
                o.matched.len()
            );
            if o.matched_before > 0 {
                out!(
                    "  {} statement line(s) were matched by an earlier reconciliation.",
                    o.matched_before
                );
            }
            let signed = |v: i64| {
                if v > 0 { format!("+{}", m(v)) } else { m(v) }
            };
            out!("  {:<52} {:>14}", "Balance in the books", m(o.book_balance));
            out!(
                "  {:<52} {:>14}",
                format!(
                    "{} transaction(s) not on the statement yet, taken out",
                    o.outstanding.len()
                ),
                signed(-o.outstanding_total())
            );
            for x in &o.outstanding {
                out!(
                    "      #{:<6} {}  {:>14}  {}",
                    x.entry,
                    amana::domain::format_date(x.date),
                    m(x.amount),
                    x.description
                );
            }
            out!(
                "  {:<52} {:>14}",
                format!(
                    "{} statement line(s) not in the books, added",
                    o.bank_only.len()
                ),
                signed(o.bank_only_total())
            );
            for b in &o.bank_only {
                out!(
                    "      line {:<4} {}  {:>14}  {}",
                    b.line,
                    b.date,
                    m(b.amount),
                    b.description
                );
            }
            out!(
                "  {:<52} {:>14}",
                "= the balance the statement should show",
                m(o.statement_balance - o.difference)
            );
            out!(
                "  {:<52} {:>14}",
                "The statement's balance",
                m(o.statement_balance)
            );
            if o.difference != 0 {
                out!(
                    "  {:<52} {:>14}",
                    "Unexplained difference",
                    signed(o.difference)
                );
            }
        }
    }
    match (o.difference, o.seq) {
        (0, Some(seq)) => {
            if !matches!(format, Format::Json | Format::Csv) {
                out!(
                    "Reconciled: {} transaction(s) marked as on the statement (chain entry {seq}).",
                    o.matched.len()
                );
            }
            Ok(())
        }
        (0, None) => {
            if !matches!(format, Format::Json | Format::Csv) {
                out!("Reconciled; nothing was recorded (dry run).");
            }
            Ok(())
        }
        (d, _) => Err(Failure::Invalid(format!(
            "the statement's balance is not explained: a difference of {} remains; nothing was recorded. \
Record the bank's lines not in the books (`amana bank import`), or name the transactions not on the statement.",
            m(d)
        ))),
    }
}
