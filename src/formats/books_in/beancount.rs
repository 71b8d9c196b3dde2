//! Beancount's ledger, the single-currency subset simple books use: `option
//! "operating_currency"`, `open` (with `name`, `amana-code` or `code`, `amana-type` metadata),
//! transactions `DATE * ["PAYEE"] "NARRATION" #tags ^links` with their metadata
//! (`reference`, `reason`, `dedicated-funds`), postings `ACCOUNT AMOUNT CURRENCY` (one may leave its amount out)
//! with theirs (`grant`, `line`, `funder`, `original`, `memo`), and `balance` assertions,
//! checked. Account names (`Assets:Bank:CIH`) map to codes as [`super::AccountMap`] says.
//!
//! Refused, at their line and column: `pad` (it makes money up to a balance), `include`, costs
//! and prices (`{}`, `@`), a second currency. Left out and listed: `close`, `commodity`,
//! `price`, `note`, `document`, `event`, `query`, `custom`, `plugin`, `pushtag`, options
//! other than the operating currency, tags, links other than amana's, metadata amana has no
//! field for.

use std::collections::BTreeMap;

use super::{
    AccountMap, AssertAt, Assertion, BooksProblem, InTxn, LeftOutKind, OpenAccount, ParsedBooks,
    Reader, column_of, lines,
};
use crate::domain::{AccountCode, AccountType, FunderId, LedgerInfo, Minor, Posting};

/// A Beancount string at the start of `s`: its value (escapes undone) and what follows.
fn string(s: &str) -> Option<(String, &str)> {
    let body = s.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                let (_, next) = chars.next()?;
                out.push(match next {
                    'n' => '\n',
                    't' => '\t',
                    other => other,
                });
            }
            '"' => return Some((out, &body[i + 1..])),
            c => out.push(c),
        }
    }
    None
}

/// A metadata line `key: value`: the key and the value (a string's text, or the value as
/// written).
fn metadata(line: &str) -> Option<(&str, String, &str)> {
    let (key, value) = line.split_once(':')?;
    let mut chars = key.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !ok || !(value.is_empty() || value.starts_with([' ', '\t'])) {
        return None;
    }
    let value = value.trim();
    // A string ends at its closing quote (a `;` inside it is text); another value at a comment.
    if let Some((v, _)) = string(value) {
        return Some((key, v, value));
    }
    let value_text = value.split(" ;").next().unwrap_or(value).trim();
    Some((key, value_text.to_string(), value_text))
}

/// The account type of a Beancount name's root.
fn root_type(name: &str) -> Option<AccountType> {
    match name.split(':').next()? {
        "Assets" => Some(AccountType::Asset),
        "Liabilities" => Some(AccountType::Liability),
        "Equity" => Some(AccountType::NetAssets),
        "Income" => Some(AccountType::Income),
        "Expenses" => Some(AccountType::Expense),
        _ => None,
    }
}

struct Open {
    txn: InTxn,
    postings: Vec<(Posting, Option<Minor>, u64, usize)>,
    funders: Vec<Option<FunderId>>,
    /// The indentation of the last posting, so that deeper metadata is the posting's.
    posting_indent: usize,
    bad: bool,
}

enum Block {
    None,
    Txn(Box<Open>),
    Account(usize),
    Skip,
}

/// Reads a Beancount ledger.
pub fn parse(bytes: &[u8], info: &LedgerInfo, map: &AccountMap) -> ParsedBooks {
    let mut r = Reader::new(info, map);
    let lines = match lines(bytes) {
        Ok(l) => l,
        Err(e) => {
            r.out.errors.push(*e);
            return r.out;
        }
    };
    r.out.lines = lines.len();
    // The codes `open` directives give their names (`amana-code:` or `code:`), wherever the
    // directive stands: Beancount's order is by date, not by line.
    let mut opening: Option<String> = None;
    for (_, l) in &lines {
        if !l.starts_with([' ', '\t']) {
            let words: Vec<&str> = l.split_whitespace().collect();
            opening = (words.get(1) == Some(&"open"))
                .then(|| words.get(2).map(|s| s.to_string()))
                .flatten();
        } else if let (Some(name), Some((key, value, _))) = (&opening, metadata(l.trim()))
            && (key == "amana-code" || key == "code")
            && let Ok(code) = AccountCode::parse(&value)
        {
            r.declared.insert(name.clone(), code);
        }
    }
    let mut assertions = vec![];
    let mut block = Block::None;
    let mut opened: BTreeMap<String, u64> = BTreeMap::new();
    for &(n, l) in &lines {
        let indented = l.starts_with([' ', '\t']);
        if (l.trim().is_empty() || !indented)
            && let Block::Txn(open) = std::mem::replace(&mut block, Block::None)
        {
            close(&mut r, *open);
        }
        let content = l.trim_start();
        if content.is_empty() || content.starts_with(';') {
            continue;
        }
        if indented {
            match &mut block {
                Block::Txn(open) => indented_in_txn(&mut r, open, n, l),
                Block::Account(i) => {
                    let i = *i;
                    match metadata(content) {
                        Some((key, value, written)) => {
                            let column = column_of(l, written);
                            match key {
                                "name" => {
                                    r.out.accounts[i].name = r.text(n, column, "name", &value)
                                }
                                "amana-type" => match value.parse() {
                                    Ok(t) => r.out.accounts[i].kind = Some(t),
                                    Err(e) => r.error(n, column, &value, BooksProblem::Value(e)),
                                },
                                "amana-code" | "code" => {}
                                _ => r.left_out(n, LeftOutKind::Tag, content),
                            }
                        }
                        None => r.error(
                            n,
                            column_of(l, content),
                            content,
                            BooksProblem::Syntax {
                                expected: "metadata (key: value) under an open directive",
                            },
                        ),
                    }
                }
                Block::Skip => {}
                Block::None => r.error(
                    n,
                    column_of(l, content),
                    content,
                    BooksProblem::Syntax {
                        expected: "a dated directive before indented lines",
                    },
                ),
            }
            continue;
        }
        if content.starts_with('*') || content.starts_with('#') {
            // An org-mode heading, or a comment.
            continue;
        }
        let words: Vec<&str> = l.split_whitespace().collect();
        let first = words.first().copied().unwrap_or("");
        if !first.starts_with(|c: char| c.is_ascii_digit()) {
            block = Block::Skip;
            match first {
                "option" => option(&mut r, n, l),
                "plugin" | "pushtag" | "poptag" | "pushmeta" | "popmeta" => {
                    r.left_out(n, LeftOutKind::Directive, l)
                }
                "include" => r.error(
                    n,
                    1,
                    l.trim(),
                    BooksProblem::Unsupported {
                        what: "include",
                        hint: "the included file's transactions would be missing: join the files into one, or import each",
                    },
                ),
                _ => r.error(
                    n,
                    1,
                    l.trim(),
                    BooksProblem::Syntax {
                        expected: "a date, option, plugin or include",
                    },
                ),
            }
            continue;
        }
        let when = match super::date(first) {
            Ok(d) => Some(d),
            Err(e) => {
                r.error(n, 1, first, BooksProblem::Value(e));
                None
            }
        };
        let keyword = words.get(1).copied().unwrap_or("");
        let after_keyword = l[first.len()..].trim_start()[keyword.len()..].trim_start();
        block = Block::Skip;
        match keyword {
            "open" => {
                let name = words.get(2).copied().unwrap_or("");
                let column = column_of(l, name);
                if let Some(first) = opened.get(name) {
                    let first = *first;
                    r.error(n, column, name, BooksProblem::OpenedTwice { first });
                    continue;
                }
                opened.insert(name.to_string(), n);
                for currency in words.iter().skip(3).filter(|w| !w.starts_with('"')) {
                    for c in currency.split(',').filter(|c| !c.is_empty()) {
                        if c != info.currency.code {
                            r.error(
                                n,
                                column_of(l, currency),
                                c,
                                BooksProblem::Commodity {
                                    found: c.to_string(),
                                    expected: info.currency.code.clone(),
                                },
                            );
                        }
                    }
                }
                if let Some(code) = r.account(n, column, name) {
                    r.out.accounts.push(OpenAccount {
                        line: n,
                        written: name.to_string(),
                        code,
                        name: None,
                        kind: None,
                    });
                    let i = r.out.accounts.len() - 1;
                    block = Block::Account(i);
                }
            }
            "balance" => {
                let name = words.get(2).copied().unwrap_or("");
                let amount_text = words.get(3..).map(|w| w.join(" ")).unwrap_or_default();
                let amount_text = amount_text.split(';').next().unwrap_or("").trim();
                let column = words.get(3).map_or(1, |w| column_of(l, w));
                let code = r.account(n, column_of(l, name), name);
                let (number, commodity) = amount_text
                    .rsplit_once(' ')
                    .unwrap_or((amount_text, ""));
                if number.contains('~') {
                    r.error(
                        n,
                        column,
                        amount_text,
                        BooksProblem::Unsupported {
                            what: "a balance tolerance (~)",
                            hint: "amana checks balances to the centime: give the exact balance",
                        },
                    );
                    continue;
                }
                let amount = r.amount(n, column, amount_text, number, commodity);
                if let (Some(account), Some(amount), Some(date)) = (code, amount, when) {
                    assertions.push(Assertion {
                        line: n,
                        column,
                        written: amount_text.to_string(),
                        account,
                        amount,
                        at: AssertAt::StartOf(date),
                    });
                }
            }
            "pad" => r.error(
                n,
                column_of(l, keyword),
                l.trim(),
                BooksProblem::Unsupported {
                    what: "pad",
                    hint: "it makes up whatever amount a later balance needs: write the opening transaction with its amounts",
                },
            ),
            "close" | "commodity" | "price" | "note" | "document" | "event" | "query"
            | "custom" => r.left_out(n, LeftOutKind::Directive, l),
            "*" | "!" | "txn" => {
                block = match header(&mut r, n, l, after_keyword, when) {
                    Some(txn) => Block::Txn(Box::new(Open {
                        txn,
                        postings: vec![],
                        funders: vec![],
                        posting_indent: 0,
                        bad: false,
                    })),
                    None => Block::Txn(Box::new(Open {
                        txn: empty_txn(n),
                        postings: vec![],
                        funders: vec![],
                        posting_indent: 0,
                        bad: true,
                    })),
                };
            }
            _ if keyword.starts_with('"') => {
                let rest = l[first.len()..].trim_start();
                block = match header(&mut r, n, l, rest, when) {
                    Some(txn) => Block::Txn(Box::new(Open {
                        txn,
                        postings: vec![],
                        funders: vec![],
                        posting_indent: 0,
                        bad: false,
                    })),
                    None => Block::Skip,
                };
            }
            _ => r.error(
                n,
                column_of(l, keyword),
                keyword,
                BooksProblem::Syntax {
                    expected: "open, close, balance, a transaction (*, !, txn) or another Beancount directive",
                },
            ),
        }
    }
    if let Block::Txn(open) = block {
        close(&mut r, *open);
    }
    for account in &mut r.out.accounts {
        if account.kind.is_none() {
            account.kind = root_type(&account.written);
        }
    }
    r.finish(assertions)
}

/// `option "operating_currency" "MAD"` must be the ledger's currency; other options are left
/// out.
fn option(r: &mut Reader<'_>, n: u64, l: &str) {
    let rest = l["option".len()..].trim_start();
    let parsed = string(rest).and_then(|(key, after)| {
        let after = after.trim_start();
        string(after).map(|(value, _)| (key, value, after))
    });
    match parsed {
        Some((key, value, written)) if key == "operating_currency" => {
            if value != r.info.currency.code {
                let ledger = r.info.currency.code.clone();
                r.error(
                    n,
                    column_of(l, written),
                    &value,
                    BooksProblem::OperatingCurrency { ledger },
                );
            }
        }
        Some(_) => r.left_out(n, LeftOutKind::Option, l),
        None => r.error(
            n,
            column_of(l, rest),
            rest,
            BooksProblem::Syntax {
                expected: "option \"NAME\" \"VALUE\"",
            },
        ),
    }
}

fn empty_txn(line: u64) -> InTxn {
    InTxn {
        line,
        end: line,
        date: chrono::NaiveDate::MIN,
        description: String::new(),
        reference: None,
        link: None,
        reason: None,
        dedicated_funds: None,
        postings: vec![],
        posting_lines: vec![],
        funders: vec![],
    }
}

/// `["PAYEE"] "NARRATION" #tags ^links` after the flag: the description is the narration, or
/// `PAYEE | NARRATION` (hledger's way of writing both in one).
fn header(
    r: &mut Reader<'_>,
    n: u64,
    l: &str,
    rest: &str,
    when: Option<chrono::NaiveDate>,
) -> Option<InTxn> {
    let mut strings = vec![];
    let mut rest = rest.trim_start();
    while let Some((s, after)) = string(rest) {
        strings.push((s, rest));
        rest = after.trim_start();
    }
    let mut txn = empty_txn(n);
    let description = match strings.as_slice() {
        [(narration, at)] => r.text(n, column_of(l, at), "description", narration),
        [(payee, at), (narration, _)] => {
            let both = if payee.is_empty() {
                narration.clone()
            } else if narration.is_empty() {
                payee.clone()
            } else {
                format!("{payee} | {narration}")
            };
            r.text(n, column_of(l, at), "description", &both)
        }
        _ => {
            r.error(
                n,
                column_of(l, rest),
                rest,
                BooksProblem::Syntax {
                    expected: "\"NARRATION\" or \"PAYEE\" \"NARRATION\"",
                },
            );
            None
        }
    };
    for word in rest.split(';').next().unwrap_or("").split_whitespace() {
        if let Some(link) = word.strip_prefix('^') {
            match link.strip_prefix("amana-").map(str::parse::<i64>) {
                Some(Ok(id)) if txn.link.is_none() => txn.link = Some(id),
                _ => r.left_out(n, LeftOutKind::Link, word),
            }
        } else if word.starts_with('#') {
            r.left_out(n, LeftOutKind::Tag, word);
        } else {
            r.error(
                n,
                column_of(l, word),
                word,
                BooksProblem::Syntax {
                    expected: "a #tag or a ^link after the narration",
                },
            );
            return None;
        }
    }
    txn.description = description?;
    txn.date = when?;
    Some(txn)
}

/// An indented line of a transaction: its metadata, a posting, or a posting's metadata.
fn indented_in_txn(r: &mut Reader<'_>, open: &mut Open, n: u64, l: &str) {
    open.txn.end = n;
    let content = l.trim_start();
    let indent = l.len() - content.len();
    if let Some((key, value, written)) = metadata(content) {
        let column = column_of(l, written);
        let of_posting = !open.postings.is_empty() && indent > open.posting_indent;
        if of_posting {
            let last = open.postings.len() - 1;
            let mut posting = open.postings[last].0.clone();
            let mut funder = open.funders[last].clone();
            if r.posting_field(n, column, key, &value, &mut posting, &mut funder) {
                open.postings[last].0 = posting;
                open.funders[last] = funder;
            } else {
                r.left_out(n, LeftOutKind::Tag, content);
            }
            return;
        }
        match key {
            "reference" => open.txn.reference = r.text(n, column, "reference", &value),
            "reason" => open.txn.reason = r.text(n, column, "reason", &value),
            "dedicated-funds" => open.txn.dedicated_funds = r.dedicated_funds(n, column, &value),
            "amana-entry" | "chain-entry" | "amana-kind" => {
                r.left_out(n, LeftOutKind::Numbering, content)
            }
            _ => r.left_out(n, LeftOutKind::Tag, content),
        }
        return;
    }
    posting(r, open, n, l, content, indent);
}

/// `[FLAG] ACCOUNT [NUMBER CURRENCY]  [; comment]`.
fn posting(r: &mut Reader<'_>, open: &mut Open, n: u64, l: &str, content: &str, indent: usize) {
    let mut content = content;
    if let Some(after) = content.strip_prefix(['*', '!'])
        && after.starts_with([' ', '\t'])
    {
        content = after.trim_start();
    }
    let (main, comment) = match content.split_once(';') {
        Some((m, c)) => (m, Some(c)),
        None => (content, None),
    };
    let mut words = main.split_whitespace();
    let name = words.next().unwrap_or("");
    let account_column = column_of(l, name);
    let amount_words: Vec<&str> = words.collect();
    if amount_words
        .iter()
        .any(|w| w.starts_with(['{', '@']) || w.contains('{'))
    {
        let at = amount_words.join(" ");
        r.error(
            n,
            account_column,
            &at,
            BooksProblem::Unsupported {
                what: "a cost or a price ({} or @)",
                hint: "amana's books are in one currency: give the amount in it, and the other currency's amount as the metadata original: \"AMOUNT CURRENCY\"",
            },
        );
        open.bad = true;
        return;
    }
    let code = r.account(n, account_column, name);
    let amount = match amount_words.as_slice() {
        [] => None,
        [.., currency] if amount_words.len() >= 2 => {
            let number = amount_words[..amount_words.len() - 1].join("");
            let written = amount_words.join(" ");
            let column = column_of(l, amount_words[0]);
            match r.amount(n, column, &written, &number, currency) {
                Some(m) => Some(m),
                None => {
                    open.bad = true;
                    return;
                }
            }
        }
        _ => {
            let written = amount_words.join(" ");
            let column = column_of(l, amount_words[0]);
            r.error(
                n,
                column,
                &written,
                BooksProblem::Syntax {
                    expected: "NUMBER CURRENCY",
                },
            );
            open.bad = true;
            return;
        }
    };
    let Some(code) = code else {
        open.bad = true;
        return;
    };
    open.postings.push((
        Posting {
            account: code,
            amount: amount.unwrap_or(Minor(0)),
            grant: None,
            line: None,
            original: None,
            memo: None,
        },
        amount,
        n,
        account_column,
    ));
    open.funders.push(None);
    open.posting_indent = indent;
    if let Some(c) = comment.map(str::trim).filter(|c| !c.is_empty()) {
        r.left_out(n, LeftOutKind::Comment, c);
    }
}

fn close(r: &mut Reader<'_>, mut open: Open) {
    if open.bad {
        return;
    }
    if open.postings.is_empty() {
        let line = open.txn.line;
        let d = open.txn.description.clone();
        r.error(line, 1, &d, BooksProblem::NoPostings);
        return;
    }
    if !r.complete(&mut open.postings) {
        return;
    }
    let mut txn = open.txn;
    for (p, _, line, _) in open.postings {
        txn.postings.push(p);
        txn.posting_lines.push(line);
    }
    txn.funders = open.funders;
    r.out.transactions.push(txn);
}
