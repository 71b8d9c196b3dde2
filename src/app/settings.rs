//! The ledger's settings for reports (`amana setting set KEY VALUE`, `amana setting list`):
//! the language a report is written in when none is asked for, and the time zone its times
//! are shown in. Each is a `setting` entry of the chain (CHAIN.md), admitted by the book like
//! any record, so `verify` replays it; the latest entry of a key is in force.
//!
//! Defaults when nothing is recorded: English; the time zone of the chart the ledger started
//! from (`ma-associations`: Africa/Casablanca), else UTC. (A ledger records no country of its
//! own, only its funders': the chart is what tells a Moroccan ledger.) Morocco's offset changes
//! around Ramadan, which is why times go through the tz database (`chrono-tz`) and never a
//! fixed offset.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::app::{Ledger, LedgerError, Written};
use crate::chain::{Record, Setting};
use crate::domain::setting::{SettingKey, timezone};
use crate::report::i18n::Lang;
use crate::rules::{RuleError, RuleKind};
use crate::store::settings::SettingRow;

type Result<T, E = LedgerError> = std::result::Result<T, E>;

/// A setting as `setting list` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettingLine {
    pub key: String,
    pub value: String,
    /// `false` when nothing is recorded and `value` is the default.
    pub recorded: bool,
    /// The chain entry that recorded the value in force.
    pub seq: Option<i64>,
}

/// The time zone a chart template implies.
fn chart_timezone(chart: &str) -> Option<Tz> {
    match chart {
        "ma-associations" => Some(chrono_tz::Africa::Casablanca),
        _ => None,
    }
}

fn default_of(ledger: &Ledger, key: SettingKey) -> String {
    match key {
        SettingKey::Language => Lang::En.code().to_string(),
        // No default: an association has the identifier a register gave it, or none yet.
        SettingKey::OrgId => String::new(),
        SettingKey::Timezone => ledger
            .store()
            .ledger_info()
            .ok()
            .and_then(|info| chart_timezone(&info.chart))
            .unwrap_or(Tz::UTC)
            .name()
            .to_string(),
    }
}

fn unknown(key: &str) -> LedgerError {
    LedgerError::Rules(vec![RuleError::from(RuleKind::SettingUnknown {
        key: key.to_string(),
    })])
}

/// Every setting amana knows, in force or by default, by key.
pub fn list(ledger: &Ledger) -> Result<Vec<SettingLine>> {
    let recorded = ledger.store().settings()?;
    Ok(SettingKey::ALL
        .into_iter()
        .map(|key| line(ledger, key, &recorded))
        .collect())
}

fn line(ledger: &Ledger, key: SettingKey, recorded: &[SettingRow]) -> SettingLine {
    match recorded.iter().find(|r| r.key == key.as_str()) {
        Some(r) => SettingLine {
            key: r.key.clone(),
            value: r.value.clone(),
            recorded: true,
            seq: Some(r.seq),
        },
        None => SettingLine {
            key: key.as_str().to_string(),
            value: default_of(ledger, key),
            recorded: false,
            seq: None,
        },
    }
}

/// Setting `key` in force (or its default); a key amana does not know is refused.
pub fn get(ledger: &Ledger, key: &str) -> Result<SettingLine> {
    let key = SettingKey::parse(key.trim()).ok_or_else(|| unknown(key.trim()))?;
    Ok(line(ledger, key, &ledger.store().settings()?))
}

/// Records `key` = `value` in the chain, as the ledger's actor; the book refuses a key it does
/// not know and a value not valid for it (exit 2), and then nothing is written.
pub fn set(ledger: &mut Ledger, key: &str, value: &str) -> Result<Written> {
    let setting = Setting {
        key: key.trim().to_string(),
        value: value.trim().to_string(),
    };
    if setting.key == SettingKey::OrgId.as_str() {
        // The shape is the chain's rule (the book checks it); the agency, the writer's.
        crate::app::org_id::check_agency(&setting.value)?;
    }
    ledger.append_all(vec![Record::Setting(setting)])
}

/// The time zone a report shows times in (see the module for the defaults). A recorded zone
/// the tz database no longer knows falls back to the default.
pub fn report_timezone(ledger: &Ledger) -> Tz {
    let recorded = ledger.store().settings().ok().and_then(|rows| {
        rows.into_iter()
            .find(|r| r.key == SettingKey::Timezone.as_str())
            .and_then(|r| timezone(&r.value))
    });
    recorded
        .unwrap_or_else(|| timezone(&default_of(ledger, SettingKey::Timezone)).unwrap_or(Tz::UTC))
}

/// The ledger's organisation identifier in force (its `org-id` setting), if one is recorded.
pub fn org_id(ledger: &Ledger) -> Result<Option<String>> {
    Ok(ledger
        .store()
        .settings()?
        .into_iter()
        .find(|r| r.key == SettingKey::OrgId.as_str())
        .map(|r| r.value))
}

/// The language a report is written in when none is asked for, if the ledger records one
/// (`None`: the caller's default, English or `AMANA_LANG`).
pub fn report_language(ledger: &Ledger) -> Option<Lang> {
    let rows = ledger.store().settings().ok()?;
    rows.into_iter()
        .find(|r| r.key == SettingKey::Language.as_str())
        .and_then(|r| r.value.parse().ok())
}

/// `utc` as a reader in `tz` reads it: `2026-11-30 23:15 (Africa/Casablanca)`.
pub fn local_time(utc: DateTime<Utc>, tz: Tz) -> String {
    format!(
        "{} ({})",
        utc.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
        tz.name()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_time_follows_morocco_around_ramadan() {
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let casa = chrono_tz::Africa::Casablanca;
        assert_eq!(
            local_time(at("2026-11-30T21:15:00Z"), casa),
            "2026-11-30 22:15 (Africa/Casablanca)"
        );
        // During Ramadan 2026 (about 18 February to 19 March) Morocco is back on UTC+0.
        assert_eq!(
            local_time(at("2026-03-01T12:00:00Z"), casa),
            "2026-03-01 12:00 (Africa/Casablanca)"
        );
        assert_eq!(
            local_time(at("2026-11-30T21:15:00Z"), Tz::UTC),
            "2026-11-30 21:15 (UTC)"
        );
    }
}
