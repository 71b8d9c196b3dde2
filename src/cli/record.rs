//! The commands that write transactions: `record` (one typed by hand, its `--post` values
//! split, then parsed into typed posting requests), `import` (a CSV file, all or nothing) and
//! `reverse`.

use amana::app::import_books::BooksImportOutcome;
use amana::app::{Ledger, PostingRequest, RecordRequest};
use amana::domain::{self, AccountCode, DomainError, EntryId, FunderId, GrantId, LineId};
use amana::formats::books::BooksFormat;
use amana::formats::books_in::LeftOutKind;

use super::Context;
use super::args::RecordGroup;
use super::error::{CliError, Failure};
use super::{lang, print};

pub fn run(ctx: &Context, command: RecordGroup) -> Result<(), Failure> {
    let (path, actor) = (&ctx.ledger, ctx.actor.as_str());
    match command {
        RecordGroup::Record {
            date,
            description,
            reference,
            postings,
            receipts,
        } => {
            let postings = postings
                .iter()
                .map(|p| split_posting(p))
                .collect::<Result<Vec<_>, _>>()?;
            let mut ledger = Ledger::open(path, actor)?;
            let req = RecordRequest {
                date: domain::parse_date(&date)?,
                description,
                reference,
                postings: postings
                    .into_iter()
                    .map(RawPosting::typed)
                    .collect::<Result<_, _>>()?,
                receipts,
                today: Some(ctx.today),
            };
            let written = ledger.record(req)?;
            print::warn(&written.warnings);
            let id = written.entry.map_or(0, |e| e.0);
            out!(
                "{}",
                lang::say("cli-recorded", &[("id", &id), ("seq", &written.seq)])
            );
        }
        RecordGroup::Import {
            first,
            file: Some(file),
            dry_run,
            force,
            accounts,
        } => {
            let format = match first.to_str() {
                Some("hledger") => BooksFormat::Hledger,
                Some("beancount") => BooksFormat::Beancount,
                _ => return Err(CliError::ImportFormat(first.display().to_string()).into()),
            };
            let outcome = Ledger::open(path, actor)?.import_books(
                format,
                &file,
                accounts.as_deref(),
                dry_run,
                force,
                Some(ctx.today),
            )?;
            print::warn(&outcome.warnings);
            print_books_import(&file, &outcome);
        }
        RecordGroup::Import {
            first: file,
            file: None,
            dry_run,
            force,
            accounts,
        } => {
            if accounts.is_some() {
                return Err(CliError::AccountsWithCsv.into());
            }
            if matches!(file.to_str(), Some("hledger" | "beancount")) && !file.exists() {
                return Err(CliError::ImportFormatFile(file.display().to_string()).into());
            }
            let outcome =
                Ledger::open(path, actor)?.import(&file, dry_run, force, Some(ctx.today))?;
            print::warn(&outcome.warnings);
            let range = match (outcome.first, outcome.last) {
                (Some(a), Some(b)) => lang::say("cli-import-range", &[("first", &a), ("last", &b)]),
                _ => String::new(),
            };
            let (file, sha256) = (file.display(), hex::encode(outcome.sha256));
            if dry_run {
                out!(
                    "{}",
                    lang::say(
                        "cli-import-dry-run",
                        &[
                            ("file", &file),
                            ("transactions", &outcome.transactions),
                            ("range", &range),
                            ("rows", &outcome.rows),
                        ]
                    )
                );
            } else {
                out!(
                    "{}",
                    lang::say(
                        "cli-imported",
                        &[
                            ("transactions", &outcome.transactions),
                            ("range", &range),
                            ("rows", &outcome.rows),
                            ("file", &file),
                            ("sha256", &sha256),
                            ("first_seq", &outcome.import_seq),
                            ("last_seq", &outcome.last_seq()),
                        ]
                    )
                );
            }
        }
        RecordGroup::Reverse { id, date, reason } => {
            let date = date.map(|d| domain::parse_date(&d)).transpose()?;
            let written = Ledger::open(path, actor)?.reverse(EntryId(id), date, &reason)?;
            print::warn(&written.warnings);
            let reversal = written.entry.map_or(0, |e| e.0);
            out!(
                "{}",
                lang::say(
                    "cli-reversed",
                    &[("id", &id), ("reversal", &reversal), ("seq", &written.seq)]
                )
            );
        }
    }
    Ok(())
}

/// What an import of books did: the summary, the accounts created, every text kept otherwise
/// than written, and everything left out, line by line (amana's own numbering once, counted).
fn print_books_import(file: &std::path::Path, o: &BooksImportOutcome) {
    let range = match (o.first, o.last) {
        (Some(a), Some(b)) => lang::say("cli-import-range", &[("first", &a), ("last", &b)]),
        _ => String::new(),
    };
    let name = file.display();
    match (o.dry_run, o.seqs) {
        (false, Some((first, last))) => out!(
            "{}",
            lang::say(
                "cli-books-imported",
                &[
                    ("transactions", &o.transactions),
                    ("range", &range),
                    ("reversals", &o.reversals),
                    ("lines", &o.lines),
                    ("file", &name),
                    ("sha256", &hex::encode(o.sha256)),
                    ("batches", &o.batches),
                    ("first_seq", &first),
                    ("last_seq", &last),
                ]
            )
        ),
        _ => out!(
            "{}",
            lang::say(
                "cli-books-dry-run",
                &[
                    ("file", &name),
                    ("transactions", &o.transactions),
                    ("range", &range),
                    ("reversals", &o.reversals),
                    ("lines", &o.lines),
                ]
            )
        ),
    }
    if !o.accounts_created.is_empty() {
        out!(
            "{}",
            lang::say(
                if o.dry_run {
                    "cli-books-accounts-to-create"
                } else {
                    "cli-books-accounts-created"
                },
                &[
                    ("count", &o.accounts_created.len()),
                    ("codes", &o.accounts_created.join(", "))
                ]
            )
        );
    }
    for c in &o.changed {
        out!(
            "{}",
            lang::say(
                "cli-books-changed",
                &[
                    ("file", &name),
                    ("line", &c.line),
                    ("field", &c.field),
                    ("written", &c.written),
                    ("kept", &c.kept),
                ]
            )
        );
    }
    let numbering = o
        .left_out
        .iter()
        .filter(|l| l.kind == LeftOutKind::Numbering)
        .count();
    let listed: Vec<_> = o
        .left_out
        .iter()
        .filter(|l| l.kind != LeftOutKind::Numbering)
        .collect();
    if !listed.is_empty() {
        out!(
            "{}",
            lang::say("cli-books-left-out", &[("count", &listed.len())])
        );
    }
    for l in listed {
        out!(
            "{}",
            lang::say(
                l.kind.id(),
                &[("file", &name), ("line", &l.line), ("text", &l.text)]
            )
        );
    }
    if numbering > 0 {
        out!(
            "{}",
            lang::say("cli-books-left-out-numbering", &[("count", &numbering)])
        );
    }
}

/// A `--post` value split into its parts, none of them parsed yet: its shape is refused
/// before the ledger is opened, its values once it is, in the order the service once read
/// them (the date first, then each posting's codes).
#[derive(Debug, Default, PartialEq)]
struct RawPosting {
    account: String,
    amount: Option<String>,
    grant: Option<String>,
    line: Option<String>,
    original: Option<(String, String)>,
    memo: Option<String>,
    funder: Option<String>,
}

impl RawPosting {
    /// The posting request, its codes parsed; amounts and currencies stay text, for the
    /// ledger to read with its currencies' decimals.
    fn typed(self) -> Result<PostingRequest, DomainError> {
        Ok(PostingRequest {
            account: AccountCode::parse(&self.account)?,
            amount: self.amount,
            grant: self.grant.as_deref().map(GrantId::parse).transpose()?,
            line: self.line.as_deref().map(LineId::parse).transpose()?,
            original: self.original,
            memo: self.memo,
            funder: self.funder.as_deref().map(FunderId::parse).transpose()?,
        })
    }
}

/// Splits `ACCOUNT [AMOUNT] [grant=G] [line=L] [funder=F] [orig=AMOUNT:CUR] [memo=TEXT...]`.
fn split_posting(text: &str) -> Result<RawPosting, CliError> {
    let err = |reason: &str| CliError::Posting {
        text: text.to_string(),
        reason: reason.to_string(),
    };
    let (head, memo) = match text.find("memo=") {
        Some(i) => (&text[..i], Some(text[i + 5..].trim().to_string())),
        None => (text, None),
    };
    let mut words = head.split_whitespace();
    let account = words
        .next()
        .ok_or_else(|| err("is empty: write the account code first"))?;
    let mut req = RawPosting {
        account: account.to_string(),
        memo,
        ..RawPosting::default()
    };
    for word in words {
        match word.split_once('=') {
            Some(("grant", v)) => req.grant = Some(v.to_string()),
            Some(("line", v)) => req.line = Some(v.to_string()),
            Some(("funder", v)) => req.funder = Some(v.to_string()),
            Some(("orig", v)) => {
                let (amount, currency) = v
                    .split_once(':')
                    .ok_or_else(|| err("orig= takes AMOUNT:CURRENCY, e.g. orig=1000.00:EUR"))?;
                req.original = Some((amount.to_string(), currency.to_string()));
            }
            Some((key, _)) => {
                return Err(err(&format!(
                    "unknown key {key}= (use grant=, line=, funder=, orig=, memo=)"
                )));
            }
            None if req.amount.is_none() => req.amount = Some(word.to_string()),
            None => return Err(err(&format!("unexpected \"{word}\" after the amount"))),
        }
    }
    Ok(req)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_parse() {
        let p = split_posting("6126 4500.00 grant=CMM-2026 line=training memo=salle et pauses")
            .unwrap();
        assert_eq!(p.account, "6126");
        assert_eq!(p.amount.as_deref(), Some("4500.00"));
        assert_eq!(p.grant.as_deref(), Some("CMM-2026"));
        assert_eq!(p.line.as_deref(), Some("training"));
        assert_eq!(p.memo.as_deref(), Some("salle et pauses"));
        let p = split_posting("5141").unwrap();
        assert!(p.amount.is_none());
        let p = split_posting("5141 100 orig=9.30:EUR").unwrap();
        assert_eq!(p.original, Some(("9.30".into(), "EUR".into())));
        assert!(split_posting("").is_err());
        assert!(split_posting("5141 1 2").is_err());
        assert!(split_posting("5141 1 gant=X").is_err());
    }

    #[test]
    fn a_split_posting_is_typed_with_the_domain_parsers() {
        let p = split_posting(" 6126 4500.00 grant=CMM-2026 line=training")
            .unwrap()
            .typed()
            .unwrap();
        assert_eq!(p.account, AccountCode::parse("6126").unwrap());
        assert_eq!(p.grant, Some(GrantId::parse("CMM-2026").unwrap()));
        assert_eq!(p.line, Some(LineId::parse("training").unwrap()));
        assert_eq!(p.amount.as_deref(), Some("4500.00"));
        // The same refusal, word for word, as the service gave when it parsed the code.
        let bad = split_posting("61/26 1").unwrap().typed().unwrap_err();
        assert_eq!(bad, AccountCode::parse("61/26").unwrap_err());
        let bad = split_posting("6126 1 line=a/b")
            .unwrap()
            .typed()
            .unwrap_err();
        assert_eq!(bad, LineId::parse("a/b").unwrap_err());
    }
}
