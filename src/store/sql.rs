//! How the domain's values are stored in SQLite, and what a read of one accepts.
//!
//! The domain knows nothing of SQLite: these `ToSql`/`FromSql` impls live in the store (the
//! orphan rule allows it, the traits' types and this module being one crate). chrono's
//! `NaiveDate` is another crate's type, so a date goes through the store-local [`SqlDate`].
//!
//! Every read validates, because the file can be edited behind amana's back: an amount beyond
//! ±[`Minor::MAX`], a code that does not parse (or that carries spaces amana would have
//! trimmed), a date not written `YYYY-MM-DD`, an entry number below 1 is a `FromSqlError`, so a
//! query gives a read error (and the user is sent to `amana verify`) instead of a figure. A
//! total computed by SQL is not one amount and may pass [`Minor::MAX`]: it is read as a
//! [`Total`], which takes any integer and nothing else.
//!
//! | type            | column  | stored as                          |
//! |-----------------|---------|------------------------------------|
//! | [`Minor`]       | INTEGER | minor units, within ±`Minor::MAX`  |
//! | [`Total`]       | INTEGER | a sum of minor units (read only)   |
//! | [`EntryId`]     | INTEGER | 1, 2, 3, ...                       |
//! | the codes       | TEXT    | exactly as `parse` accepts them    |
//! | [`SqlDate`]     | TEXT    | `YYYY-MM-DD`, years 0001 to 9999   |

use std::fmt;

use chrono::NaiveDate;
use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::domain::{
    AccountCode, EntryId, FunderId, GrantId, LineId, Minor, OfficerId, format_date, parse_date,
};

/// A stored value that amana would never have written.
#[derive(Debug, thiserror::Error)]
#[error("{what} {value:?} is not a value amana writes")]
pub struct Malformed {
    pub what: &'static str,
    pub value: String,
}

fn malformed(what: &'static str, value: &str) -> FromSqlError {
    FromSqlError::Other(Box::new(Malformed {
        what,
        value: value.to_string(),
    }))
}

/// One amount: minor units of the base currency or of a grant's own.
impl ToSql for Minor {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0))
    }
}

impl FromSql for Minor {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let n = i64::column_result(value)?;
        Some(Minor(n))
            .filter(|m| m.in_range())
            .ok_or(FromSqlError::OutOfRange(n))
    }
}

/// A total SQL computed (`sum(amount)` and the like): exact minor units, but not bounded by
/// [`Minor::MAX`] as a single amount is (SQLite itself fails a sum beyond 64 bits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Total(pub Minor);

impl FromSql for Total {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        i64::column_result(value).map(|n| Total(Minor(n)))
    }
}

impl ToSql for EntryId {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0))
    }
}

impl FromSql for EntryId {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        match i64::column_result(value)? {
            n if n >= 1 => Ok(EntryId(n)),
            n => Err(FromSqlError::OutOfRange(n)),
        }
    }
}

/// The codes and ids: text, read back only if `parse` takes it as it stands (it trims, and
/// amana never stores the spaces it would have trimmed).
macro_rules! sql_code {
    ($($name:ident => $what:literal),+ $(,)?) => {$(
        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                match $name::parse(text) {
                    Ok(code) if code.as_str() == text => Ok(code),
                    _ => Err(malformed($what, text)),
                }
            }
        }
    )+};
}

sql_code!(
    AccountCode => "account code",
    FunderId => "funder id",
    GrantId => "grant id",
    LineId => "budget line id",
    OfficerId => "officer id",
);

/// A date as the chain and every table write it: `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SqlDate(pub NaiveDate);

impl fmt::Display for SqlDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_date(self.0))
    }
}

impl ToSql for SqlDate {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(format_date(self.0)))
    }
}

impl FromSql for SqlDate {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        match parse_date(text) {
            Ok(date) if format_date(date) == text => Ok(SqlDate(date)),
            _ => Err(malformed("date", text)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;
    use rusqlite::types::Value;

    /// `value` written to a column without type affinity (so SQLite keeps it as it is given)
    /// and read back as a `T`.
    fn through<T: FromSql>(value: impl ToSql) -> rusqlite::Result<T> {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t (v)").unwrap();
        conn.execute("INSERT INTO t (v) VALUES (?1)", [&value])
            .unwrap();
        conn.query_row("SELECT v FROM t", [], |r| r.get(0))
    }

    /// What `value` is stored as.
    fn stored(value: impl ToSql) -> Value {
        through::<Value>(value).unwrap()
    }

    fn refused<T: FromSql + fmt::Debug>(value: impl ToSql) {
        let read = through::<T>(value);
        assert!(
            matches!(
                read,
                Err(rusqlite::Error::FromSqlConversionFailure(..))
                    | Err(rusqlite::Error::IntegralValueOutOfRange(..))
                    | Err(rusqlite::Error::InvalidColumnType(..))
            ),
            "{read:?}"
        );
    }

    #[test]
    fn an_amount_is_an_integer_of_minor_units_within_the_bound() {
        for m in [0, 1, -1, 120_050, Minor::MAX, -Minor::MAX] {
            assert_eq!(stored(Minor(m)), Value::Integer(m));
            assert_eq!(through::<Minor>(Minor(m)).unwrap(), Minor(m));
        }
        refused::<Minor>(Minor::MAX + 1);
        refused::<Minor>(-Minor::MAX - 1);
        refused::<Minor>(i64::MIN);
        refused::<Minor>(1.5);
        refused::<Minor>("100");
        refused::<Minor>(Value::Null);
        assert_eq!(through::<Option<Minor>>(Value::Null).unwrap(), None);
    }

    #[test]
    fn a_total_takes_any_integer_and_nothing_else() {
        assert_eq!(through::<Total>(i64::MAX).unwrap(), Total(Minor(i64::MAX)));
        assert_eq!(through::<Total>(-7).unwrap(), Total(Minor(-7)));
        refused::<Total>(0.5);
        refused::<Total>("7");
        refused::<Total>(Value::Null);
    }

    #[test]
    fn an_entry_number_is_a_positive_integer() {
        assert_eq!(stored(EntryId(42)), Value::Integer(42));
        assert_eq!(through::<EntryId>(EntryId(1)).unwrap(), EntryId(1));
        refused::<EntryId>(0);
        refused::<EntryId>(-3);
        refused::<EntryId>("1");
    }

    #[test]
    fn codes_are_text_read_back_only_as_parse_takes_them() {
        let code = AccountCode::parse("5141").unwrap();
        assert_eq!(stored(&code), Value::Text("5141".into()));
        assert_eq!(through::<AccountCode>(&code).unwrap(), code);
        for bad in ["", "51 41", " 5141", "5141 ", "-5141", "é", &"7".repeat(65)] {
            refused::<AccountCode>(bad);
        }
        refused::<AccountCode>(5141);
        refused::<AccountCode>(b"5141".to_vec());

        let grant = GrantId::parse("CMM-2026").unwrap();
        assert_eq!(through::<GrantId>(&grant).unwrap(), grant);
        refused::<GrantId>("CMM 2026");
        let line = LineId::parse("training").unwrap();
        assert_eq!(through::<LineId>(&line).unwrap(), line);
        refused::<LineId>("training\n");
        let funder = FunderId::parse("INDH").unwrap();
        assert_eq!(through::<FunderId>(&funder).unwrap(), funder);
        refused::<FunderId>("IN/DH");
        let officer = OfficerId::parse("fatima").unwrap();
        assert_eq!(through::<OfficerId>(&officer).unwrap(), officer);
        refused::<OfficerId>("_fatima");
    }

    #[test]
    fn a_malformed_code_is_named_in_the_error() {
        let err = through::<GrantId>("CMM 2026").unwrap_err();
        assert!(
            err.to_string()
                .contains("grant id \"CMM 2026\" is not a value amana writes"),
            "{err}"
        );
    }

    #[test]
    fn a_date_is_text_in_the_one_form_amana_writes() {
        let d = SqlDate(NaiveDate::from_ymd_opt(2026, 2, 13).unwrap());
        assert_eq!(stored(d), Value::Text("2026-02-13".into()));
        assert_eq!(through::<SqlDate>(d).unwrap(), d);
        assert_eq!(d.to_string(), "2026-02-13");
        let first = SqlDate(NaiveDate::from_ymd_opt(1, 1, 1).unwrap());
        assert_eq!(through::<SqlDate>(first).unwrap(), first);
        for bad in [
            "2026-02-30",
            "2026-2-13",
            " 2026-02-13",
            "2026-02-13 ",
            "13/02/2026",
            "2026-02-13T00:00",
            "0000-01-01",
            "",
        ] {
            refused::<SqlDate>(bad);
        }
        refused::<SqlDate>(20260213);
    }
}
