//! hledger's journal, the subset simple books use: `account`, `commodity`, `D` and
//! `decimal-mark` directives; transactions `DATE[=DATE2] [*|!] [(CODE)] DESCRIPTION  ; tags`
//! with postings `ACCOUNT  AMOUNT  ; tags`, one of them perhaps without its amount; balance
//! assertions (`= AMOUNT`), checked; comments (`;`, `#`, `*`, `comment` blocks). amana's own
//! export reads back exactly: its `; description:`, `; reference:`, `; reason:` and `; memo:`
//! comment lines, its `grant`, `line`, `funder` and `original` tags, its `link:amana-N` and its
//! `dedicated-funds:` accounts of a carry to dedicated funds.
//!
//! Refused, at their line and column (they change amounts, accounts or dates): prices and costs
//! (`@`, `@@`), virtual postings (`(a)`, `[a]`), automated postings (`=`), `include`, `alias`,
//! `apply account`, `Y`. Left out and listed (they move no money): `P` prices, periodic
//! transactions (`~`), `payee` and `tag` declarations, secondary dates, tags and comments that
//! are not amana's fields.

use std::collections::BTreeMap;

use super::{
    AccountMap, AssertAt, Assertion, BooksProblem, InTxn, LeftOutKind, OpenAccount, ParsedBooks,
    Reader, account_type, column_of, lines, split_amount,
};
use crate::domain::{AccountCode, FunderId, LedgerInfo, Minor, Posting};

/// A comment's parts: its tags (name, value, the value's text as a slice for its column) and
/// its free text.
fn tags(comment: &str) -> (Vec<(&str, &str)>, Vec<&str>) {
    let mut tags = vec![];
    let mut free = vec![];
    for part in comment.split(',') {
        let Some((before, value)) = part.split_once(':') else {
            if !part.trim().is_empty() {
                free.push(part);
            }
            continue;
        };
        let name_start = before
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let name = &before[name_start..];
        if name.is_empty() {
            free.push(part);
            continue;
        }
        if !before[..name_start].trim().is_empty() {
            free.push(&before[..name_start]);
        }
        tags.push((name, value.trim()));
    }
    (tags, free)
}

/// The transaction being read, with its postings as read (an amount perhaps left out).
struct Open {
    txn: InTxn,
    postings: Vec<(Posting, Option<Minor>, u64, usize)>,
    funders: Vec<Option<FunderId>>,
    bad: bool,
    /// Assertions at this transaction's postings (index into `postings`).
    assertions: Vec<(usize, u64, usize, String, AccountCode, Minor)>,
}

/// What the indented lines that follow belong to.
enum Block {
    None,
    Txn(Box<Open>),
    Account(usize),
    /// A `commodity` directive (its `format` line), a periodic transaction or a comment
    /// block: lines skipped.
    Skip,
    Commodity,
}

/// Reads an hledger journal.
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
    // The codes that `account NAME  ; code:CODE` directives give names, wherever they stand.
    for (_, l) in &lines {
        if let Some(rest) = l.strip_prefix("account ") {
            let (name, comment) = rest.split_once(';').unwrap_or((rest, ""));
            if let Some((_, code)) = tags(comment).0.into_iter().find(|(n, _)| *n == "code")
                && let Ok(code) = AccountCode::parse(code)
            {
                r.declared.insert(name.trim().to_string(), code);
            }
        }
    }
    let mut assertions = vec![];
    let mut block = Block::None;
    let mut in_comment_block = false;
    let mut opened: BTreeMap<String, u64> = BTreeMap::new();
    for &(n, l) in &lines {
        if in_comment_block {
            if l.trim_end() == "end comment" {
                in_comment_block = false;
            }
            continue;
        }
        let indented = l.starts_with([' ', '\t']);
        if (l.trim().is_empty() || !indented)
            && let Block::Txn(open) = std::mem::replace(&mut block, Block::None)
        {
            close(&mut r, *open, &mut assertions);
        }
        if l.trim().is_empty() {
            continue;
        }
        if indented {
            match &mut block {
                Block::Txn(open) => indented_in_txn(&mut r, open, n, l),
                Block::Account(i) => {
                    let i = *i;
                    let comment = l.trim_start();
                    match comment.strip_prefix([';', '#']) {
                        Some(c) => account_tags(&mut r, i, n, l, c),
                        None => r.error(
                            n,
                            1,
                            l.trim(),
                            BooksProblem::Syntax {
                                expected: "a comment under an account directive",
                            },
                        ),
                    }
                }
                Block::Commodity => {
                    if let Some(format) = l.trim_start().strip_prefix("format ") {
                        commodity_format(&mut r, format);
                    }
                }
                Block::Skip => {}
                Block::None => {
                    let c = l.trim_start();
                    if c.starts_with([';', '#']) {
                        continue;
                    }
                    r.error(
                        n,
                        column_of(l, c),
                        c,
                        BooksProblem::Syntax {
                            expected: "a transaction's date before its postings",
                        },
                    );
                }
            }
            continue;
        }
        let first = l.chars().next().unwrap_or(' ');
        let word = l.split_whitespace().next().unwrap_or("");
        match first {
            ';' | '#' | '*' => {}
            '0'..='9' => {
                block = match header(&mut r, n, l) {
                    Some(txn) => Block::Txn(Box::new(Open {
                        txn,
                        postings: vec![],
                        funders: vec![],
                        bad: false,
                        assertions: vec![],
                    })),
                    None => Block::Txn(Box::new(Open {
                        txn: empty_txn(n),
                        postings: vec![],
                        funders: vec![],
                        bad: true,
                        assertions: vec![],
                    })),
                };
            }
            '~' => {
                r.left_out(n, LeftOutKind::Directive, l);
                block = Block::Skip;
            }
            '=' => {
                r.error(
                    n,
                    1,
                    l.trim(),
                    BooksProblem::Unsupported {
                        what: "an automated posting rule (=)",
                        hint: "it adds postings to transactions: write them in the transactions themselves",
                    },
                );
                block = Block::Skip;
            }
            _ => match word {
                "comment" => in_comment_block = true,
                "account" => {
                    let rest = l["account".len()..].trim_start();
                    let (name, comment) = rest.split_once(';').unwrap_or((rest, ""));
                    let name = name.split("  ").next().unwrap_or("").trim();
                    let column = column_of(l, name);
                    if let Some(first) = opened.get(name) {
                        let first = *first;
                        r.error(n, column, name, BooksProblem::OpenedTwice { first });
                        block = Block::Skip;
                        continue;
                    }
                    opened.insert(name.to_string(), n);
                    match r.account(n, column, name) {
                        Some(code) => {
                            r.out.accounts.push(OpenAccount {
                                line: n,
                                written: name.to_string(),
                                code,
                                name: None,
                                kind: None,
                            });
                            let i = r.out.accounts.len() - 1;
                            account_tags(&mut r, i, n, l, comment);
                            block = Block::Account(i);
                        }
                        None => block = Block::Skip,
                    }
                }
                "commodity" => {
                    let rest = l["commodity".len()..]
                        .split(';')
                        .next()
                        .unwrap_or("")
                        .trim();
                    if rest.chars().any(|c| c.is_ascii_digit()) {
                        commodity_format(&mut r, rest);
                    }
                    let (_, symbol) = split_amount(rest);
                    let symbol = if symbol.is_empty() { rest } else { &symbol };
                    if symbol != info.currency.code {
                        r.left_out(n, LeftOutKind::Directive, l);
                    }
                    block = Block::Commodity;
                }
                "D" => {
                    let rest = l[1..].split(';').next().unwrap_or("").trim();
                    commodity_format(&mut r, rest);
                    let (_, symbol) = split_amount(rest);
                    if symbol != info.currency.code {
                        r.error(
                            n,
                            column_of(l, rest),
                            rest,
                            BooksProblem::Commodity {
                                found: symbol,
                                expected: info.currency.code.clone(),
                            },
                        );
                    }
                    block = Block::Skip;
                }
                "decimal-mark" => {
                    r.decimal_comma = l.trim_end().ends_with(',');
                }
                "P" | "payee" | "tag" => {
                    r.left_out(n, LeftOutKind::Directive, l);
                    block = Block::Skip;
                }
                _ => {
                    let (what, hint) = match word {
                        "include" => (
                            "include",
                            "the included file's transactions would be missing: join the files into one, or import each",
                        ),
                        "alias" => (
                            "an account alias",
                            "it renames accounts: write the names the postings mean, or map them with --accounts",
                        ),
                        "apply" | "end" => (
                            "apply account",
                            "it renames accounts: write each posting's full account name",
                        ),
                        "Y" | "year" => ("a default year", "write every date in full, YYYY-MM-DD"),
                        _ => (
                            "this directive",
                            "amana imports account, commodity, D, decimal-mark and transactions; P, payee, tag and ~ are left out",
                        ),
                    };
                    r.error(n, 1, l.trim(), BooksProblem::Unsupported { what, hint });
                    block = Block::Skip;
                }
            },
        }
    }
    if let Block::Txn(open) = block {
        close(&mut r, *open, &mut assertions);
    }
    r.finish(assertions)
}

/// A commodity's format (`1.000,00 MAD`) says whether the file writes decimal commas: its last
/// separator is the decimal mark.
fn commodity_format(r: &mut Reader<'_>, format: &str) {
    if let Some(mark) = format.chars().rev().find(|c| *c == '.' || *c == ',') {
        r.decimal_comma = mark == ',';
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

/// The tags of an account directive's comment: `name`, `type`, `amana-type` (and `code`, read
/// before); others are left out.
fn account_tags(r: &mut Reader<'_>, i: usize, n: u64, l: &str, comment: &str) {
    let (found, free) = tags(comment);
    for (tag, value) in found {
        let column = column_of(l, value);
        match tag {
            "name" => r.out.accounts[i].name = r.text(n, column, "name", value),
            "amana-type" => match value.parse() {
                Ok(t) => r.out.accounts[i].kind = Some(t),
                Err(e) => r.error(n, column, value, BooksProblem::Value(e)),
            },
            "type" => {
                if r.out.accounts[i].kind.is_none() {
                    match account_type(value) {
                        Some(t) => r.out.accounts[i].kind = Some(t),
                        None => r.left_out(n, LeftOutKind::Tag, &format!("type:{value}")),
                    }
                }
            }
            "code" => {}
            _ => r.left_out(n, LeftOutKind::Tag, &format!("{tag}:{value}")),
        }
    }
    for text in free {
        r.left_out(n, LeftOutKind::Comment, text);
    }
}

/// `DATE[=DATE2] [*|!] [(CODE)] DESCRIPTION  ; tags`.
fn header(r: &mut Reader<'_>, n: u64, l: &str) -> Option<InTxn> {
    let (head, comment) = match l.split_once(';') {
        Some((h, c)) => (h, Some(c)),
        None => (l, None),
    };
    let date_text = head.split_whitespace().next().unwrap_or("");
    let (primary, secondary) = match date_text.split_once('=') {
        Some((a, b)) => (a, Some(b)),
        None => (date_text, None),
    };
    let when = match super::date(primary) {
        Ok(d) => Some(d),
        Err(e) => {
            r.error(n, 1, primary, BooksProblem::Value(e));
            None
        }
    };
    if let Some(d2) = secondary {
        r.left_out(n, LeftOutKind::SecondaryDate, &format!("={d2}"));
    }
    let mut rest = head[date_text.len()..].trim_start();
    if let Some(after) = rest.strip_prefix(['*', '!']) {
        rest = after.trim_start();
    }
    let mut reference = None;
    if let Some(after) = rest.strip_prefix('(')
        && let Some((code, after)) = after.split_once(')')
    {
        if !code.is_empty() {
            reference = r.text(n, column_of(l, code), "reference", code);
        }
        rest = after.trim_start();
    }
    let written = rest.trim_end();
    let description = if written.is_empty() {
        // The `; description:` comment line may give it.
        Some(String::new())
    } else {
        r.text(n, column_of(l, written), "description", written)
    };
    let mut txn = InTxn {
        reference,
        ..empty_txn(n)
    };
    if let Some(comment) = comment {
        txn_tags(r, &mut txn, n, l, comment);
    }
    txn.date = when?;
    txn.description = description?;
    Some(txn)
}

/// A transaction's tags: amana's link; amana's numbering (the ledger numbers its own: left
/// out, counted once); anything else is left out and listed.
fn txn_tags(r: &mut Reader<'_>, txn: &mut InTxn, n: u64, l: &str, comment: &str) {
    let (found, free) = tags(comment);
    for (tag, value) in found {
        match tag {
            "link" => match value.strip_prefix("amana-").map(str::parse::<i64>) {
                Some(Ok(id)) if txn.link.is_none() => txn.link = Some(id),
                _ => r.left_out(n, LeftOutKind::Link, &format!("link:{value}")),
            },
            "dedicated-funds" => {
                txn.dedicated_funds = r.dedicated_funds(n, column_of(l, value), value)
            }
            "amana-entry" | "chain-entry" | "kind" => {
                r.left_out(n, LeftOutKind::Numbering, &format!("{tag}:{value}"))
            }
            _ => r.left_out(n, LeftOutKind::Tag, &format!("{tag}:{value}")),
        }
    }
    for text in free {
        r.left_out(n, LeftOutKind::Comment, text);
    }
}

/// An indented line of a transaction: a comment (amana's fields, tags, free text) or a posting.
fn indented_in_txn(r: &mut Reader<'_>, open: &mut Open, n: u64, l: &str) {
    open.txn.end = n;
    let content = l.trim_start();
    if let Some(comment) = content.strip_prefix([';', '#']) {
        let c = comment.trim_start();
        for field in ["description", "reference", "reason", "memo"] {
            let Some(value) = c.strip_prefix(field).and_then(|v| v.strip_prefix(':')) else {
                continue;
            };
            let value = value.trim();
            let column = column_of(l, value);
            match field {
                "description" => {
                    // amana's export writes this line when the description holds a `;`, which
                    // its header line shows as `,`; the comment has spaces put before `:` and
                    // after `[` (so that hledger reads no tag). The header and the comment
                    // together give back the text exactly; a comment written by hand is read
                    // as it is.
                    let value =
                        restore(&open.txn.description, value).unwrap_or_else(|| value.to_string());
                    if let Some(d) = r.text(n, column, "description", &value) {
                        open.txn.description = d;
                    }
                }
                "reference" => open.txn.reference = r.text(n, column, "reference", value),
                "reason" => open.txn.reason = r.text(n, column, "reason", value),
                _ => match open.postings.last_mut() {
                    Some(p) => p.0.memo = r.text(n, column, "memo", value),
                    None => r.left_out(n, LeftOutKind::Comment, content),
                },
            }
            return;
        }
        // Tags on their own line: the posting's, once a posting is read; else the transaction's.
        if open.postings.is_empty() {
            let mut txn = std::mem::replace(&mut open.txn, empty_txn(0));
            txn_tags(r, &mut txn, n, l, comment);
            open.txn = txn;
        } else {
            posting_tags(r, open, n, l, comment);
        }
        return;
    }
    posting(r, open, n, l, content);
}

/// The description amana wrote in a header line (`;` as `,`) and in a `; description:` comment
/// (spaces put before `:` and after `[`), merged back into the text it was; `None` when the
/// two are not one text written those two ways.
pub(super) fn restore(header: &str, comment: &str) -> Option<String> {
    let h: Vec<char> = header.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    for c in comment.chars() {
        match h.get(i) {
            Some(&hc) if hc == c => {
                out.push(c);
                i += 1;
            }
            Some(',') if c == ';' => {
                out.push(';');
                i += 1;
            }
            _ if c == ' ' => {}
            _ => return None,
        }
    }
    (i == h.len() && out.contains(';')).then_some(out)
}

/// The tags of a posting: grant, line, funder, original, memo; others left out.
fn posting_tags(r: &mut Reader<'_>, open: &mut Open, n: u64, l: &str, comment: &str) {
    let (found, free) = tags(comment);
    let Some(last) = open.postings.len().checked_sub(1) else {
        return;
    };
    for (tag, value) in found {
        let column = column_of(l, value);
        let mut posting = open.postings[last].0.clone();
        let mut funder = open.funders[last].clone();
        if r.posting_field(n, column, tag, value, &mut posting, &mut funder) {
            open.postings[last].0 = posting;
            open.funders[last] = funder;
        } else {
            r.left_out(n, LeftOutKind::Tag, &format!("{tag}:{value}"));
        }
    }
    for text in free {
        r.left_out(n, LeftOutKind::Comment, text);
    }
}

/// `[*|!] ACCOUNT  [AMOUNT] [= ASSERTED]  [; tags]`.
fn posting(r: &mut Reader<'_>, open: &mut Open, n: u64, l: &str, content: &str) {
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
    let split = main
        .find("  ")
        .into_iter()
        .chain(main.find('\t'))
        .min()
        .unwrap_or(main.len());
    let (name, amount_text) = main.split_at(split);
    let name = name.trim_end();
    let account_column = column_of(l, name);
    if name.starts_with(['(', '[']) {
        r.error(
            n,
            account_column,
            name,
            BooksProblem::Unsupported {
                what: "a virtual posting",
                hint: "it need not balance: post to a real account, in a balanced transaction",
            },
        );
        open.bad = true;
        return;
    }
    let code = r.account(n, account_column, name);
    let amount_text = amount_text.trim();
    let (amount_part, asserted) = match amount_text.split_once('=') {
        Some((a, b)) => (a.trim(), Some(b.trim_start_matches(['=', '*']).trim())),
        None => (amount_text, None),
    };
    if amount_part.contains('@') {
        r.error(
            n,
            column_of(l, amount_part),
            amount_part,
            BooksProblem::Unsupported {
                what: "a price or cost (@)",
                hint: "amana's books are in one currency: give the amount in it, and the other currency's amount as the tag original:AMOUNT CURRENCY",
            },
        );
        open.bad = true;
        return;
    }
    let amount = if amount_part.is_empty() {
        None
    } else {
        let (number, commodity) = split_amount(amount_part);
        match r.amount(
            n,
            column_of(l, amount_part),
            amount_part,
            &number,
            &commodity,
        ) {
            Some(m) => Some(m),
            None => {
                open.bad = true;
                return;
            }
        }
    };
    let Some(code) = code else {
        open.bad = true;
        return;
    };
    if let Some(asserted) = asserted.filter(|a| !a.is_empty()) {
        let (number, commodity) = split_amount(asserted);
        if let Some(m) = r.amount(n, column_of(l, asserted), asserted, &number, &commodity) {
            open.assertions.push((
                open.postings.len(),
                n,
                column_of(l, asserted),
                asserted.to_string(),
                code.clone(),
                m,
            ));
        } else {
            open.bad = true;
        }
    }
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
    open.txn.end = n;
    if let Some(comment) = comment {
        posting_tags(r, open, n, l, comment);
    }
}

/// The end of a transaction: its elided amount completed, its assertions kept.
fn close(r: &mut Reader<'_>, mut open: Open, assertions: &mut Vec<Assertion>) {
    if open.bad {
        return;
    }
    if open.postings.is_empty() {
        let line = open.txn.line;
        r.error(
            line,
            1,
            &open.txn.description.clone(),
            BooksProblem::NoPostings,
        );
        return;
    }
    if open.txn.description.is_empty() {
        let line = open.txn.line;
        if let Err(e) = crate::domain::text::clean("description", "") {
            r.error(line, 1, "", BooksProblem::Value(e));
        }
        return;
    }
    if !r.complete(&mut open.postings) {
        return;
    }
    let index = r.out.transactions.len();
    for (posting, line, column, written, account, amount) in open.assertions {
        assertions.push(Assertion {
            line,
            column,
            written,
            account,
            amount,
            at: AssertAt::AfterPosting {
                txn: index,
                posting,
            },
        });
    }
    let mut txn = open.txn;
    for (p, _, line, _) in open.postings {
        txn.postings.push(p);
        txn.posting_lines.push(line);
    }
    txn.funders = open.funders;
    r.out.transactions.push(txn);
}
