//! The ledger's settings (CHAIN.md, `setting`): a key amana knows and a value valid for it.
//! `language` is the language reports are written in when none is asked for (`ar`, `fr`,
//! `en`); `timezone` the zone report times are shown in, an IANA name checked against the tz
//! database (`Africa/Casablanca`); `org-id` the association's own organisation identifier, as
//! IATI and 360Giving files name it (`GB-CHC-202918`, shape checked by [`super::orgid`]).
//! A key not defined here is refused until it is defined, so a
//! ledger never holds a setting no amana reads.

use std::fmt;

use chrono_tz::Tz;

/// A setting amana knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SettingKey {
    Language,
    Timezone,
    OrgId,
}

impl SettingKey {
    pub const ALL: [SettingKey; 3] = [
        SettingKey::Language,
        SettingKey::Timezone,
        SettingKey::OrgId,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SettingKey::Language => "language",
            SettingKey::Timezone => "timezone",
            SettingKey::OrgId => "org-id",
        }
    }

    pub fn parse(key: &str) -> Option<SettingKey> {
        SettingKey::ALL.into_iter().find(|k| k.as_str() == key)
    }

    /// What the key takes, for a message: `ar, fr or en`.
    pub fn expects(self) -> &'static str {
        match self {
            SettingKey::Language => "ar, fr or en",
            SettingKey::Timezone => "an IANA time zone name, e.g. Africa/Casablanca or UTC",
            SettingKey::OrgId => {
                "an organisation identifier: a registration agency's code, a hyphen and the identifier it gives, e.g. GB-CHC-202918 or XM-DAC-41114 (see org-id.guide)"
            }
        }
    }
}

impl fmt::Display for SettingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The languages a report is written in.
pub const LANGUAGES: [&str; 3] = ["ar", "fr", "en"];

/// Why a setting cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SettingProblem {
    UnknownKey,
    InvalidValue(SettingKey),
}

/// `key` and `value` as the chain holds them, checked: exact text, no trimming or case
/// folding (a verifier compares the bytes).
pub fn check(key: &str, value: &str) -> Result<SettingKey, SettingProblem> {
    let key = SettingKey::parse(key).ok_or(SettingProblem::UnknownKey)?;
    let valid = match key {
        SettingKey::Language => LANGUAGES.contains(&value),
        SettingKey::Timezone => timezone(value).is_some(),
        SettingKey::OrgId => super::orgid::split(value).is_some(),
    };
    if valid {
        Ok(key)
    } else {
        Err(SettingProblem::InvalidValue(key))
    }
}

/// The time zone named `name` exactly (`Africa/Casablanca`), from the tz database.
pub fn timezone(name: &str) -> Option<Tz> {
    name.parse::<Tz>().ok().filter(|tz| tz.name() == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_keys_and_valid_values_pass() {
        assert_eq!(check("language", "fr"), Ok(SettingKey::Language));
        assert_eq!(
            check("timezone", "Africa/Casablanca"),
            Ok(SettingKey::Timezone)
        );
        assert_eq!(check("timezone", "UTC"), Ok(SettingKey::Timezone));
        assert_eq!(check("currency", "MAD"), Err(SettingProblem::UnknownKey));
        assert_eq!(check("Language", "fr"), Err(SettingProblem::UnknownKey));
        assert_eq!(
            check("language", "de"),
            Err(SettingProblem::InvalidValue(SettingKey::Language))
        );
        assert_eq!(
            check("timezone", "Africa/Rabat"),
            Err(SettingProblem::InvalidValue(SettingKey::Timezone))
        );
        assert!(check("timezone", "africa/casablanca").is_err());
        assert!(check("timezone", "+01:00").is_err());
        assert_eq!(check("org-id", "XM-DAC-41114"), Ok(SettingKey::OrgId));
        assert_eq!(
            check("org-id", "MA 123"),
            Err(SettingProblem::InvalidValue(SettingKey::OrgId))
        );
    }
}
