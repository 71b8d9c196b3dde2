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
use super::lang::say;
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
                        out!("{}", say("cli-bank-review-none", &[]));
                    } else {
                        out!("{}", say("cli-bank-review", &[("count", &rows.len())]));
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
            let amount = currency.format(Minor(-outcome.line.amount));
            out!(
                "{}",
                say(
                    "cli-bank-assigned",
                    &[
                        ("entry", &outcome.line.entry),
                        ("description", &outcome.line.description),
                        ("amount", &amount),
                        ("account", &account.trim()),
                        ("transaction", &outcome.transaction),
                        ("seq", &outcome.seq),
                    ]
                )
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
        "zero_lines": o.zero_rows,
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
    out!(
        "{}",
        say(
            "cli-bank-read",
            &[("file", &file), ("layout", &o.layout.summary())]
        )
    );
    if !o.layout.guessed.is_empty() {
        let guessed = o.layout.guessed.join(", ");
        out!("  {}", say("cli-bank-guessed", &[("guessed", &guessed)]));
    }
    if o.newest_first {
        out!("  {}", say("cli-bank-newest-first", &[]));
    }
    let mut left = vec![];
    if !o.balance_rows.is_empty() {
        let (count, lines) = (o.balance_rows.len(), join(&o.balance_rows));
        left.push(say(
            "cli-bank-balance-rows",
            &[("count", &count), ("lines", &lines)],
        ));
    }
    if !o.footer.is_empty() {
        let (count, lines) = (o.footer.len(), join(&o.footer));
        left.push(say(
            "cli-bank-footer-rows",
            &[("count", &count), ("lines", &lines)],
        ));
    }
    if o.continued > 0 {
        left.push(say("cli-bank-continued-rows", &[("count", &o.continued)]));
    }
    if !o.zero_rows.is_empty() {
        let (count, lines) = (o.zero_rows.len(), join(&o.zero_rows));
        left.push(say(
            "cli-bank-zero-rows",
            &[("count", &count), ("lines", &lines)],
        ));
    }
    if !left.is_empty() {
        out!(
            "  {}",
            say("cli-bank-not-lines", &[("list", &left.join("; "))])
        );
    }
    let range = match (o.imported.first(), o.imported.last()) {
        (Some(a), Some(b)) if a.entry == b.entry => {
            say("cli-bank-range-one", &[("first", &a.entry)])
        }
        (Some(a), Some(b)) => say("cli-bank-range", &[("first", &a.entry), ("last", &b.entry)]),
        _ => String::new(),
    };
    let counts = if o.dry_run {
        "cli-bank-counts-dry-run"
    } else {
        "cli-bank-counts"
    };
    out!(
        "{}",
        say(
            counts,
            &[
                ("read", &o.rows),
                ("imported", &o.imported.len()),
                ("account", &o.account),
                ("range", &range),
                ("skipped", &o.skipped.len()),
            ]
        )
    );
    let suspense: Vec<_> = o.imported.iter().filter(|l| l.rule.is_none()).collect();
    if let (Some(account), false) = (&o.suspense, suspense.is_empty()) {
        let id = if o.dry_run {
            "cli-bank-suspense-dry-run"
        } else {
            "cli-bank-suspense"
        };
        out!(
            "{}",
            say(id, &[("count", &suspense.len()), ("account", account)])
        );
        for l in suspense {
            out!(
                "  {:>5}: #{:<6} {}  {:>14}  {}",
                l.line,
                l.entry,
                l.date,
                money(currency, l.amount),
                l.description
            );
        }
    }
    for (line, entry, date) in &o.maybe_recorded {
        let date = amana::domain::format_date(*date);
        out!(
            "{}",
            say(
                "cli-bank-maybe-recorded",
                &[("line", line), ("entry", entry), ("date", &date)]
            )
        );
    }
    match (&o.balance_gap, o.balance_checked) {
        (_, None) => out!("{}", say("cli-bank-no-balance", &[])),
        (None, Some(n)) => out!("{}", say("cli-bank-balance-agrees", &[("days", &n)])),
        (Some(g), _) => {
            let (statement, books) = (money(currency, g.statement), money(currency, g.books));
            let difference = money(currency, g.statement.saturating_sub(g.books));
            out!(
                "{}",
                say(
                    "cli-bank-balance-differs",
                    &[
                        ("date", &g.date),
                        ("line", &g.line),
                        ("statement", &statement),
                        ("books", &books),
                        ("difference", &difference),
                    ]
                )
            );
        }
    }
    match (o.dry_run, o.seq) {
        (true, _) => out!("{}", say("cli-bank-dry-run", &[])),
        (false, Some(seq)) => {
            let head = o.head.map(hex::encode).unwrap_or_default();
            out!(
                "{}",
                say("cli-bank-recorded", &[("seq", &seq), ("head", &head)])
            );
        }
        (false, None) => out!("{}", say("cli-bank-nothing-new", &[])),
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
            "already_recorded": o.already,
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
            let date = amana::domain::format_date(o.date);
            out!(
                "{}",
                say(
                    "cli-reconcile-title",
                    &[
                        ("account", &o.account),
                        ("statement", &o.statement),
                        ("date", &date)
                    ]
                )
            );
            out!(
                "  {}",
                say("cli-reconcile-matched", &[("count", &o.matched.len())])
            );
            if o.matched_before > 0 {
                out!(
                    "  {}",
                    say(
                        "cli-reconcile-matched-before",
                        &[("count", &o.matched_before)]
                    )
                );
            }
            let signed = |v: i64| {
                if v > 0 { format!("+{}", m(v)) } else { m(v) }
            };
            out!(
                "  {:<52} {:>14}",
                say("cli-reconcile-books", &[]),
                m(o.book_balance)
            );
            out!(
                "  {:<52} {:>14}",
                say(
                    "cli-reconcile-outstanding",
                    &[("count", &o.outstanding.len())]
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
                say("cli-reconcile-bank-only", &[("count", &o.bank_only.len())]),
                signed(o.bank_only_total())
            );
            for b in &o.bank_only {
                out!(
                    "      {:>5}: {}  {:>14}  {}",
                    b.line,
                    b.date,
                    m(b.amount),
                    b.description
                );
            }
            out!(
                "  {:<52} {:>14}",
                say("cli-reconcile-explained", &[]),
                m(o.statement_balance - o.difference)
            );
            out!(
                "  {:<52} {:>14}",
                say("cli-reconcile-statement", &[]),
                m(o.statement_balance)
            );
            if o.difference != 0 {
                out!(
                    "  {:<52} {:>14}",
                    say("cli-reconcile-difference", &[]),
                    signed(o.difference)
                );
            }
        }
    }
    match (o.difference, o.seq) {
        (0, Some(seq)) => {
            if !matches!(format, Format::Json | Format::Csv) {
                let count = o.matched.len();
                out!(
                    "{}",
                    say("cli-reconcile-done", &[("count", &count), ("seq", &seq)])
                );
            }
            Ok(())
        }
        (0, None) => {
            if !matches!(format, Format::Json | Format::Csv) {
                match o.already {
                    Some(seq) => out!("{}", say("cli-reconcile-already", &[("seq", &seq)])),
                    None => out!("{}", say("cli-reconcile-dry-run", &[])),
                }
            }
            Ok(())
        }
        (d, _) => Err(Failure::Invalid(say(
            "cli-reconcile-unexplained",
            &[("difference", &m(d))],
        ))),
    }
}
