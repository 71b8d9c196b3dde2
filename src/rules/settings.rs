//! A ledger setting (CHAIN.md rule 23): its key is one amana knows, its value valid for it.
//! A setting changes no other rule; nothing in the book depends on it.

use super::error::{RuleError, RuleKind};
use crate::chain::Setting;
use crate::domain::setting::{SettingProblem, check};

pub(super) fn admit(s: &Setting) -> Result<(), Vec<RuleError>> {
    match check(&s.key, &s.value) {
        Ok(_) => Ok(()),
        Err(SettingProblem::UnknownKey) => Err(vec![RuleError::from(RuleKind::SettingUnknown {
            key: s.key.clone(),
        })]),
        Err(SettingProblem::InvalidValue(key)) => {
            Err(vec![RuleError::from(RuleKind::SettingInvalid {
                key,
                value: s.value.clone(),
            })])
        }
    }
}
