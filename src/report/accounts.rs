//! `amana account list`: the accounts of the chart, each with what the chart template the
//! ledger started from says of its code (status, source, company-only).

use serde::Serialize;

use crate::store::{Store, StoreError};

#[derive(Debug, Clone, Serialize)]
pub struct AccountLine {
    pub code: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// Names in other languages, by language tag.
    pub labels: std::collections::BTreeMap<String, String>,
    /// The first day it takes no posting, when it is retired.
    pub retired: Option<String>,
    /// What the chart template the ledger started from says of this code (`cgnc-base`,
    /// `amana-proposed`, `amana`), or `user` for an account the user created.
    pub status: String,
    /// The template's note on where the number comes from (empty for a user's account).
    pub source: String,
    /// An account an association never uses: listed only with `--all`.
    pub company_only: bool,
}

/// `amana account list`.
#[derive(Debug, Clone, Serialize)]
pub struct AccountsReport {
    pub accounts: Vec<AccountLine>,
}

/// The accounts (whose code starts with `prefix`), each with what the ledger's chart template
/// says of its code; company-only accounts only when `all`.
pub fn accounts(
    store: &Store,
    prefix: Option<&str>,
    all: bool,
) -> Result<AccountsReport, StoreError> {
    let chart = store.ledger_info()?.chart;
    // A ledger's chart is one amana shipped (the genesis entry names it); an unknown name
    // (none, or a future template) simply matches nothing.
    let template: std::collections::HashMap<String, crate::formats::charts::TemplateRow> =
        crate::formats::charts::template(&chart)
            .unwrap_or_default()
            .into_iter()
            .map(|r| (r.account.code.as_str().to_string(), r))
            .collect();
    Ok(AccountsReport {
        accounts: store
            .accounts(prefix)?
            .into_iter()
            .map(|a| {
                let row = template.get(&a.code);
                AccountLine {
                    status: row.map_or("user".to_string(), |r| r.status.clone()),
                    source: row.map(|r| r.source.clone()).unwrap_or_default(),
                    company_only: row.is_some_and(|r| r.company_only),
                    code: a.code,
                    name: a.name,
                    kind: a.kind,
                    labels: a.labels.into_iter().collect(),
                    retired: a.retired,
                }
            })
            .filter(|a| all || !a.company_only)
            .collect(),
    })
}
