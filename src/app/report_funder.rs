//! The funder report and the explanations of variances it prints: `amana report funder` and
//! `amana grant explain`.

use chrono::NaiveDate;

use crate::app::queries::QueryError;
use crate::app::{Ledger, Refusal, Result, Written};
use crate::chain::{Record, VarianceNote};
use crate::domain::{GrantId, LineId, parse_date, text};
use crate::report::funder::{FunderQuery, FunderReport, funder};

impl Ledger {
    /// `amana report funder --grant ID [--from DATE] [--to DATE]`: the grant must exist and
    /// the period must not end before it starts. `today` tells whether the grant's
    /// eligibility has ended (what becomes of its unspent balance) when `to` is not given.
    pub fn funder_report(
        &self,
        grant: &str,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<FunderReport, QueryError> {
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(QueryError::PeriodBackwards { from, to });
        }
        let grant = self.grant_filter(Some(grant))?.expect("a grant was given");
        let info = self.store.ledger_info()?;
        let query = FunderQuery {
            grant,
            from,
            to,
            today,
        };
        Ok(funder(&self.store, &info, &query)?)
    }

    /// `amana grant explain --grant ID --line LINE --text TEXT [--through DATE]`: the
    /// treasurer's explanation of a budget line's variance, kept in the chain
    /// (`variance-note`). It explains the figures through `through`; by default the grant's
    /// last day in force, or `today` when that is later. The rules refuse a line the grant
    /// does not have and a text longer than 2,000 characters.
    pub fn explain_variance(
        &mut self,
        grant: &GrantId,
        line: &LineId,
        text: &str,
        through: Option<NaiveDate>,
        today: NaiveDate,
    ) -> Result<Written> {
        let text = text::clean("text", text)?;
        let row = self
            .store
            .grants(Some(grant.as_str()))?
            .into_iter()
            .next()
            .ok_or_else(|| Refusal::GrantNotFound {
                grant: grant.clone(),
            })?;
        let through = match through {
            Some(day) => day,
            None => parse_date(&row.end).map_or(today, |end| end.min(today)),
        };
        self.append_all(vec![Record::VarianceNote(VarianceNote {
            grant: grant.clone(),
            line: line.clone(),
            through,
            text,
        })])
    }
}
