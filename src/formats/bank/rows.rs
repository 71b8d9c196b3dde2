//! A statement's rows read into lines, once its layout is known: each row is a statement line,
//! an opening balance, the continuation of the description above, or a footer the layout
//! leaves out; anything else is an error at its line and column. Then the running balance is
//! checked line by line.

use super::names::{Row, fold};
use super::number::{self, NumberProblem};
use super::{AmountColumns, Layout, RowError, Statement, StatementError, StatementLine};

/// Words that open a footer row: totals and closing balances.
fn is_footer_word(text: &str) -> bool {
    let f = fold(text);
    [
        "total",
        "totaux",
        "solde",
        "nouveau solde",
        "balance",
        "الرصيد",
        "المجموع",
    ]
    .iter()
    .any(|w| f.starts_with(&fold(w)))
}

pub(super) fn read_rows(
    layout: Layout,
    data: &[&Row],
    footer: &mut Vec<u64>,
    exponent: u8,
) -> Result<Statement, StatementError> {
    let cell =
        |r: &Row, i: usize| -> String { r.cells.get(i).map_or("", |c| c.trim()).to_string() };
    let mut errors = vec![];
    let mut lines: Vec<StatementLine> = vec![];
    let mut balance_rows = vec![];
    let mut zero_rows = vec![];
    // Balance-only rows: (line, balance, how many statement lines come before it in the file).
    let mut opening_rows: Vec<(u64, i64, usize)> = vec![];
    let mut continued = 0;
    let figure = |r: &Row, i: usize, errors: &mut Vec<RowError>| -> Option<Option<i64>> {
        let raw = cell(r, i);
        let problem = match number::parse(&raw, layout.decimal, &layout.thousands) {
            Ok(None) => return Some(None),
            Ok(Some(d)) => match number::to_minor(d, exponent) {
                Ok(m) => return Some(Some(m)),
                Err(p) => p,
            },
            Err(p) => p,
        };
        let hint = match problem {
            NumberProblem::NotANumber => format!(
                "not an amount with decimal mark \"{}\" (set decimal and thousands in the rules file if the statement writes figures otherwise)",
                layout.decimal
            ),
            NumberProblem::BadGrouping => format!(
                "its thousands separators do not fall every three digits: is the decimal mark \"{}\" right? (decimal and thousands in the rules file)",
                layout.decimal
            ),
            NumberProblem::TooManyDecimals { exponent } => {
                format!("more than {exponent} decimals: the account's currency has {exponent}")
            }
            NumberProblem::TooLarge => "too large an amount".into(),
        };
        errors.push(RowError {
            line: r.line,
            column: Some(layout.column_name(i)),
            value: Some(raw),
            problem: hint,
        });
        None
    };
    let last_dated = data
        .iter()
        .rposition(|r| super::parse_date(&cell(r, layout.date), &layout.date_format).is_some());
    for (index, r) in data.iter().enumerate() {
        let raw_date = cell(r, layout.date);
        let description: Vec<String> = layout
            .description
            .iter()
            .map(|&i| cell(r, i))
            .filter(|s| !s.is_empty())
            .collect();
        let description = description.join(" ");
        // Totals and a closing balance after the last dated line: a footer, shown, not read.
        let undated = super::parse_date(&raw_date, &layout.date_format).is_none();
        if undated
            && last_dated.is_none_or(|l| index > l)
            && (is_footer_word(&raw_date) || is_footer_word(&description))
        {
            footer.push(r.line);
            continue;
        }
        let amount = match &layout.amounts {
            AmountColumns::Signed(a) => figure(r, *a, &mut errors).map(|v| v.map(|m| (m, *a))),
            AmountColumns::DebitCredit { debit, credit } => {
                let d = figure(r, *debit, &mut errors);
                let c = figure(r, *credit, &mut errors);
                match (d, c) {
                    (Some(d), Some(c)) => match (d, c) {
                        (None, None) => Some(None),
                        (Some(d), None) => Some(Some((-d.abs(), *debit))),
                        // A negative credit takes money back out (a credit reversed).
                        (None, Some(c)) => Some(Some((c, *credit))),
                        (Some(0), Some(c)) => Some(Some((c, *credit))),
                        (Some(d), Some(0)) => Some(Some((-d.abs(), *debit))),
                        (Some(_), Some(_)) => {
                            errors.push(RowError {
                                line: r.line,
                                column: Some(format!(
                                    "{} and {}",
                                    layout.column_name(*debit),
                                    layout.column_name(*credit)
                                )),
                                value: Some(format!("{} / {}", cell(r, *debit), cell(r, *credit))),
                                problem: "both a debit and a credit on one line: amana reads one movement per line".into(),
                            });
                            None
                        }
                    },
                    _ => None,
                }
            }
        };
        let balance = match layout.balance {
            Some(b) => figure(r, b, &mut errors),
            None => Some(None),
        };
        let date = match super::parse_date(&raw_date, &layout.date_format) {
            Some(d) => Some(d),
            None if raw_date.is_empty() => None,
            None => {
                errors.push(RowError {
                    line: r.line,
                    column: Some(layout.column_name(layout.date)),
                    value: Some(raw_date.clone()),
                    problem: format!(
                        "not a date in the format {} (a day that does not exist, a year before 1900, or another format: set date_format in the rules file, %y for a two-digit year)",
                        layout.date_format
                    ),
                });
                continue;
            }
        };
        let (Some(amount), Some(balance)) = (amount, balance) else {
            continue;
        };
        let Some(date) = date else {
            // After the last dated line, such a row is a note at the end ("Sauf erreur ou
            // omission"), never part of the last line's description.
            if amount.is_none() && balance.is_none() && last_dated.is_none_or(|l| index > l) {
                footer.push(r.line);
                continue;
            }
            if amount.is_none() && !description.is_empty() && !lines.is_empty() && balance.is_none()
            {
                // The bank wrapped a long description onto the next row.
                let last = lines.last_mut().expect("checked non-empty");
                last.description.push(' ');
                last.description.push_str(&description);
                continued += 1;
                continue;
            }
            errors.push(RowError {
                line: r.line,
                column: Some(layout.column_name(layout.date)),
                value: Some(String::new()),
                problem: "a line with an amount has no date".into(),
            });
            continue;
        };
        let value_date = match layout
            .value_date
            .map(|i| cell(r, i))
            .filter(|c| !c.is_empty())
        {
            None => None,
            Some(v) => match super::parse_date(&v, &layout.date_format) {
                Some(d) => Some(d),
                None => {
                    errors.push(RowError {
                        line: r.line,
                        column: layout.value_date.map(|i| layout.column_name(i)),
                        value: Some(v),
                        problem: format!("not a date in the format {}", layout.date_format),
                    });
                    continue;
                }
            },
        };
        // A line of nothing (an information line, 0,00): shown, not recorded.
        if matches!(amount, Some((0, _))) {
            zero_rows.push(r.line);
            continue;
        }
        let Some((amount, _)) = amount else {
            if let Some(b) = balance {
                balance_rows.push(r.line);
                opening_rows.push((r.line, b, lines.len()));
                continue;
            }
            errors.push(RowError {
                line: r.line,
                column: Some(match &layout.amounts {
                    AmountColumns::Signed(a) => layout.column_name(*a),
                    AmountColumns::DebitCredit { debit, credit } => format!(
                        "{} and {}",
                        layout.column_name(*debit),
                        layout.column_name(*credit)
                    ),
                }),
                value: Some(String::new()),
                problem: "a dated line without an amount".into(),
            });
            continue;
        };
        if description.is_empty() {
            errors.push(RowError {
                line: r.line,
                column: Some(layout.column_name(layout.description[0])),
                value: Some(String::new()),
                problem: "a line without a description".into(),
            });
            continue;
        }
        let reference = layout
            .reference
            .map(|i| cell(r, i))
            .filter(|s| !s.is_empty());
        lines.push(StatementLine {
            line: r.line,
            date,
            value_date,
            own_description: description.clone(),
            description,
            reference,
            amount,
            balance,
        });
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(StatementError::Rows(errors));
    }
    if lines.is_empty() {
        return Err(StatementError::File {
            line: 0,
            problem: "the statement has no line with a date and an amount".into(),
        });
    }
    // Oldest first: a file that lists its newest line first is turned round.
    let mut newest_first = lines.first().map(|l| l.date) > lines.last().map(|l| l.date);
    if newest_first {
        lines.reverse();
    }
    let mut checked = check_balances(&layout, &lines, &opening_rows, newest_first, exponent);
    // Lines of one day only: the dates do not tell the order, the running balance does.
    if checked.is_err() && lines.first().map(|l| l.date) == lines.last().map(|l| l.date) {
        lines.reverse();
        let other = check_balances(&layout, &lines, &opening_rows, true, exponent);
        if other.is_ok() {
            newest_first = true;
            checked = other;
        } else {
            lines.reverse();
        }
    }
    let opening = checked?;
    Ok(Statement {
        layout,
        lines,
        opening,
        newest_first,
        continued,
        balance_rows,
        zero_rows,
        footer: footer.clone(),
    })
}

/// The running balance must add up line by line: a line where it does not is a figure read
/// wrong (a decimal mark, a sign, a column) or a line missing, and nothing is imported.
fn check_balances(
    layout: &Layout,
    lines: &[StatementLine],
    opening_rows: &[(u64, i64, usize)],
    newest_first: bool,
    exponent: u8,
) -> Result<Option<i64>, StatementError> {
    let Some(col) = layout.balance else {
        return Ok(None);
    };
    // The opening balance is a row before the first line (after the last, in a file that
    // lists its newest line first); a row on the other side is the closing balance.
    let (before, after): (Vec<_>, Vec<_>) = opening_rows.iter().partition(|(_, _, n)| {
        if newest_first {
            *n == lines.len()
        } else {
            *n == 0
        }
    });
    let opening_row = if newest_first {
        before.last()
    } else {
        before.first()
    };
    let mut previous: Option<i64> = match opening_row {
        Some((_, b, _)) => Some(*b),
        None => lines
            .first()
            .and_then(|l| l.balance.and_then(|b| b.checked_sub(l.amount))),
    };
    let opening = previous;
    let money = |m: i64| crate::domain::Minor(m).format(exponent);
    for l in lines {
        if let (Some(p), Some(b)) = (previous, l.balance) {
            let expected = p.checked_add(l.amount);
            if expected != Some(b) {
                return Err(StatementError::Rows(vec![RowError {
                    line: l.line,
                    column: Some(layout.column_name(col)),
                    value: Some(money(b)),
                    problem: format!(
                        "the statement's balance does not follow from the line before: {} {} {} makes {}; a figure is read wrong (decimal mark, sign, debit and credit columns) or a line is missing",
                        money(p),
                        if l.amount < 0 { "-" } else { "+" },
                        money(l.amount.abs()),
                        expected.map_or_else(|| "too much".into(), money)
                    ),
                }]));
            }
        }
        if l.balance.is_some() {
            previous = l.balance;
        } else {
            previous = previous.and_then(|p| p.checked_add(l.amount));
        }
    }
    // A closing balance row after the last line must be where the lines lead.
    let closing = after.iter().find(|(_, _, n)| {
        if newest_first {
            *n == 0
        } else {
            *n == lines.len()
        }
    });
    if let (Some((line, b, _)), Some(p)) = (closing, previous)
        && *b != p
    {
        return Err(StatementError::Rows(vec![RowError {
            line: *line,
            column: Some(layout.column_name(col)),
            value: Some(money(*b)),
            problem: format!(
                "the statement's closing balance is not where its lines lead ({}): a figure is read wrong or a line is missing",
                money(p)
            ),
        }]));
    }
    Ok(opening)
}
