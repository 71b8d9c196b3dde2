//! The whole journal as plain-text accounting reads it: hledger's journal and Beancount's
//! ledger (`amana export hledger`, `amana export beancount`). Pure: the books in, the text out.
//!
//! Both carry every posting in the ledger's currency, so that `hledger bal` and Beancount's
//! balances are `amana balance` to the cent; an amount first recorded in another currency keeps
//! it as a tag (hledger) or metadata (Beancount) beside it. Accounts are named by their codes
//! (what `amana balance` lists), with their names in force beside them; funders, grants and
//! budget lines are tags or metadata of the postings, a reversal is linked to what it reverses,
//! and every transaction names its journal entry (`amana-entry`).
//!
//! The file holds only what `amana import hledger|beancount` brings back, so that export →
//! import into a ledger set up the same way → export gives the same bytes (issue 10). So it
//! carries no chain entry numbers, no chain head and no entry kinds: an import writes its own
//! chain (new times, its own import entries), and a closing or a depreciation comes back as an
//! ordinary transaction. Its link to the chain is kept outside the file: `amana export` prints
//! the chain head the books were read at (`amana verify --anchor N:HEAD` checks it), and each
//! `amana-entry` number is the transaction's in `amana journal`, whose JSON gives its chain
//! entry. The one kind the file names is a carry to dedicated funds (`dedicated-funds:` with its
//! three accounts), the one entry whose tags an ordinary transaction may not carry: the import
//! writes it as that kind, under the rule that recomputes it.

use std::fmt::Write as _;

use crate::domain::Minor;

/// What the export reads of a ledger.
#[derive(Debug, Clone)]
pub struct Books {
    pub name: String,
    /// The ledger's currency and its number of decimals.
    pub currency: String,
    pub exponent: u8,
    /// The chain's length and head when the books were read.
    pub entries_in_chain: i64,
    pub head: String,
    pub accounts: Vec<BookAccount>,
    pub funders: Vec<BookFunder>,
    pub grants: Vec<BookGrant>,
    /// In journal order (entry id).
    pub entries: Vec<BookEntry>,
}

#[derive(Debug, Clone)]
pub struct BookAccount {
    pub code: String,
    pub name: String,
    /// amana's account type: asset, liability, net-assets, income, expense, memorandum.
    pub kind: String,
}

#[derive(Debug, Clone)]
pub struct BookFunder {
    pub id: String,
    pub name: String,
    pub kind: String,
}

#[derive(Debug, Clone)]
pub struct BookGrant {
    pub id: String,
    pub funder: String,
    pub currency: String,
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone)]
pub struct BookEntry {
    pub id: i64,
    pub seq: i64,
    /// `transaction`, `reversal` or `closing`, as the journal lists it.
    pub kind: String,
    pub date: String,
    pub description: String,
    pub reference: Option<String>,
    pub reverses: Option<i64>,
    pub reason: Option<String>,
    pub reversed_by: Option<i64>,
    /// A carry to (or release of) dedicated funds at a year's end: its dedicated-funds, charge
    /// and release accounts. Its grant tags sit on the dedicated-funds account, which only this
    /// kind of entry may do, so the file says what it is and an import writes it as one.
    pub dedicated_funds: Option<[String; 3]>,
    pub postings: Vec<BookPosting>,
}

#[derive(Debug, Clone)]
pub struct BookPosting {
    pub account: String,
    pub amount: Minor,
    pub grant: Option<String>,
    pub line: Option<String>,
    /// The funder a `source` names (income without a grant), a reversal's taking its
    /// original's.
    pub funder: Option<String>,
    /// The amount as recorded in another currency, formatted with that currency's decimals.
    pub original: Option<(String, String)>,
    pub memo: Option<String>,
}

/// The formats the journal is exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BooksFormat {
    Hledger,
    Beancount,
}

impl BooksFormat {
    /// What a file of this format is called.
    pub fn file_kind(self) -> &'static str {
        match self {
            BooksFormat::Hledger => "hledger journal",
            BooksFormat::Beancount => "Beancount ledger",
        }
    }

    /// The books as this format writes them.
    pub fn render(self, books: &Books) -> String {
        match self {
            BooksFormat::Hledger => hledger(books),
            BooksFormat::Beancount => beancount(books),
        }
    }
}

/// One line of text: what a one-line field may hold once written (a line break or a tab in a
/// name would end the field in either format).
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The link between a reversal and what it reverses (named by the reversed entry).
fn reversal_link(e: &BookEntry) -> Option<String> {
    e.reverses
        .or(e.reversed_by.map(|_| e.id))
        .map(|id| format!("amana-{id}"))
}

/// The comment lines both formats open with: whose books and how many entries. Not the chain
/// head, which an import cannot reproduce (see the module's documentation).
fn heading(out: &mut String, books: &Books) {
    let _ = writeln!(
        out,
        "; The books of {} exported by amana: {} journal entries, in {}.\n\
         ; amana-entry is each transaction's number in `amana journal`.\n",
        one_line(&books.name),
        books.entries.len(),
        books.currency,
    );
}

/// The funders and grants, which neither format has a directive for, as comment lines;
/// `text` makes a name safe in the format's comments.
fn registers(out: &mut String, books: &Books, text: fn(&str) -> String) {
    for f in &books.funders {
        let _ = writeln!(out, "; funder {} : {} ({})", f.id, text(&f.name), f.kind);
    }
    for g in &books.grants {
        let _ = writeln!(
            out,
            "; grant {} : funder {}, {}, {} to {}",
            g.id, g.funder, g.currency, g.start, g.end
        );
    }
    if !books.funders.is_empty() || !books.grants.is_empty() {
        out.push('\n');
    }
}

/// hledger's journal (hledger 1.25 and later read it).
pub fn hledger(books: &Books) -> String {
    let mut out = String::new();
    let c = &books.currency;
    heading(&mut out, books);
    let _ = writeln!(
        out,
        "commodity {} {c}\n",
        Minor(100_000 * 10_i64.pow(u32::from(books.exponent))).format(books.exponent)
    );
    for a in &books.accounts {
        let kind = match a.kind.as_str() {
            "asset" => "A",
            "liability" => "L",
            "net-assets" => "E",
            "income" => "R",
            "expense" => "X",
            _ => "",
        };
        let _ = write!(out, "account {}  ; name: {}", a.code, tag_value(&a.name));
        if !kind.is_empty() {
            let _ = write!(out, ", type: {kind}");
        }
        let _ = writeln!(out, ", amana-type: {}", a.kind);
    }
    out.push('\n');
    registers(&mut out, books, comment);
    for e in &books.entries {
        let description = one_line(&e.description);
        // The reference is hledger's code when it can be one; else a comment.
        let in_code = e
            .reference
            .as_deref()
            .filter(|r| !r.contains([')', ';']) && !r.chars().any(char::is_control));
        let code = match in_code {
            Some(r) => format!(" ({r})"),
            // Without one, a description that opens with `(` would be read as the code.
            None if description.starts_with('(') => " ()".to_string(),
            None => String::new(),
        };
        let _ = write!(
            out,
            "{} *{code} {}  ; amana-entry:{}",
            e.date,
            description.replace(';', ","),
            e.id,
        );
        if let Some(link) = reversal_link(e) {
            let _ = write!(out, ", link:{link}");
        }
        if let Some(accounts) = &e.dedicated_funds {
            let _ = write!(out, ", dedicated-funds:{}", accounts.join(" "));
        }
        out.push('\n');
        if description.contains(';') {
            let _ = writeln!(out, "    ; description: {}", comment(&description));
        }
        if let Some(r) = e.reference.as_deref().filter(|_| in_code.is_none()) {
            let _ = writeln!(out, "    ; reference: {}", comment(r));
        }
        if let Some(reason) = &e.reason {
            let _ = writeln!(out, "    ; reason: {}", comment(reason));
        }
        for p in &e.postings {
            let _ = write!(
                out,
                "    {}  {} {c}",
                p.account,
                p.amount.format(books.exponent)
            );
            let mut tags = vec![];
            if let Some(g) = &p.grant {
                tags.push(format!("grant:{g}"));
            }
            if let Some(l) = &p.line {
                tags.push(format!("line:{l}"));
            }
            if let Some(f) = &p.funder {
                tags.push(format!("funder:{f}"));
            }
            if let Some((amount, currency)) = &p.original {
                tags.push(format!("original:{amount} {currency}"));
            }
            if !tags.is_empty() {
                let _ = write!(out, "  ; {}", tags.join(", "));
            }
            out.push('\n');
            if let Some(memo) = &p.memo {
                let _ = writeln!(out, "        ; memo: {}", comment(memo));
            }
        }
        out.push('\n');
    }
    out
}

/// A tag's value in hledger ends at a comma.
pub(crate) fn tag_value(text: &str) -> String {
    comment(text).replace(',', " ")
}

/// Ledger text in an hledger comment, where a word followed by `:` is a tag (`date:` even
/// moves the posting) and `[2026-03-01]` a date: a space goes before such a colon and after
/// a `[`, so that hledger reads the text as text.
fn comment(text: &str) -> String {
    let mut out = String::new();
    let mut previous = ' ';
    for c in one_line(text).chars() {
        if c == ':' && !previous.is_whitespace() {
            out.push(' ');
        }
        out.push(c);
        if c == '[' {
            out.push(' ');
        }
        previous = c;
    }
    out
}

/// Beancount's top-level account of an amana account type (a memorandum account, kept beside
/// the books, under `Equity:Memorandum`, where its postings balance among themselves).
fn beancount_account(code: &str, kind: &str) -> String {
    let part = beancount_part(code);
    match kind {
        "asset" => format!("Assets:{part}"),
        "liability" => format!("Liabilities:{part}"),
        "income" => format!("Income:{part}"),
        "expense" => format!("Expenses:{part}"),
        "memorandum" => format!("Equity:Memorandum:{part}"),
        _ => format!("Equity:{part}"),
    }
}

/// An account code as a component of a Beancount account name, which starts with a capital
/// or a digit and holds letters, digits and `-` only: a code that is one already (the Moroccan
/// chart's digits) stays as it is; any other is `X` and the code with every other character as
/// `-` and its UTF-8 bytes in hex (`512.10` is `X512-2E10`). The code itself is the account's
/// `amana-code` metadata.
fn beancount_part(code: &str) -> String {
    let mut chars = code.chars();
    let valid = chars
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-');
    if valid {
        return code.to_string();
    }
    let mut out = String::from("X");
    for c in code.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else {
            let mut bytes = [0; 4];
            for b in c.encode_utf8(&mut bytes).bytes() {
                out.push_str(&format!("-{b:02X}"));
            }
        }
    }
    out
}

/// A Beancount string literal.
fn quoted(text: &str) -> String {
    let mut out = String::from('"');
    for c in one_line(text).chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// Beancount's ledger (Beancount 2.3 reads it; `bean-check` accepts it).
pub fn beancount(books: &Books) -> String {
    let mut out = String::new();
    let c = &books.currency;
    heading(&mut out, books);
    let _ = writeln!(out, "option \"title\" {}", quoted(&books.name));
    let _ = writeln!(out, "option \"operating_currency\" \"{c}\"\n");
    // Every account opens on the first day of the books, so that no entry comes before it.
    let first = books
        .entries
        .iter()
        .map(|e| e.date.as_str())
        .min()
        .unwrap_or("2000-01-01");
    let _ = writeln!(out, "{first} commodity {c}\n");
    let mut kinds = std::collections::HashMap::new();
    for a in &books.accounts {
        kinds.insert(a.code.as_str(), a.kind.as_str());
        let _ = writeln!(
            out,
            "{first} open {}\n  name: {}\n  amana-code: \"{}\"\n  amana-type: \"{}\"",
            beancount_account(&a.code, &a.kind),
            quoted(&a.name),
            a.code,
            a.kind
        );
    }
    out.push('\n');
    registers(&mut out, books, one_line);
    for e in &books.entries {
        let _ = write!(out, "{} * {}", e.date, quoted(&e.description));
        if let Some(link) = reversal_link(e) {
            let _ = write!(out, " ^{link}");
        }
        let _ = writeln!(out, "\n  amana-entry: {}", e.id);
        if let Some(accounts) = &e.dedicated_funds {
            let _ = writeln!(out, "  dedicated-funds: \"{}\"", accounts.join(" "));
        }
        if let Some(r) = &e.reference {
            let _ = writeln!(out, "  reference: {}", quoted(r));
        }
        if let Some(reason) = &e.reason {
            let _ = writeln!(out, "  reason: {}", quoted(reason));
        }
        for p in &e.postings {
            let kind = kinds.get(p.account.as_str()).copied().unwrap_or("");
            let _ = writeln!(
                out,
                "  {}  {} {c}",
                beancount_account(&p.account, kind),
                p.amount.format(books.exponent)
            );
            let mut meta = |key: &str, value: &str| {
                let _ = writeln!(out, "    {key}: {}", quoted(value));
            };
            if let Some(g) = &p.grant {
                meta("grant", g);
            }
            if let Some(l) = &p.line {
                meta("line", l);
            }
            if let Some(f) = &p.funder {
                meta("funder", f);
            }
            if let Some((amount, currency)) = &p.original {
                meta("original", &format!("{amount} {currency}"));
            }
            if let Some(memo) = &p.memo {
                meta("memo", memo);
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_a_beancount_account_name() {
        for (code, part) in [
            ("5141", "5141"),
            ("Banque-1", "Banque-1"),
            ("512.10", "X512-2E10"),
            ("caisse", "Xcaisse"),
            ("bank_1", "Xbank-5F1"),
            ("é1", "X-C3-A91"),
        ] {
            assert_eq!(beancount_part(code), part, "{code}");
        }
    }

    #[test]
    fn hledger_comments_hold_no_tag_nor_date() {
        assert_eq!(
            comment("payé date:demain [2026-01-01], lot: 3"),
            "payé date :demain [ 2026-01-01], lot : 3"
        );
    }
}
