//! Organisation identifiers: the ledger's own (`amana setting set org-id ID`, in
//! [`super::settings`]) and each funder's (`amana funder identify FUNDER ID`, a
//! `funder-identifier` entry of the chain, rule 28), by which the IATI and 360Giving exports
//! name them. The book admits an identifier of the right shape (`domain::orgid`); amana's
//! writer also refuses one whose registration agency IATI's OrganisationRegistrationAgency
//! codelist does not list: not a chain rule, since the list grows.

use crate::app::{Ledger, Refusal, Result, Written};
use crate::chain::{FunderIdentifier, Record};
use crate::domain::FunderId;
use crate::domain::orgid;
use crate::formats::iati::codelists::Codelist;

/// Refuses an identifier of the right shape whose agency is not in the codelist (a wrong
/// shape is left to the book, which names the rule).
pub fn check_agency(org_id: &str) -> Result<()> {
    if let Some((agency, _)) = orgid::split(org_id)
        && !Codelist::OrganisationRegistrationAgency.has(agency)
    {
        return Err(Refusal::OrgIdAgencyUnknown {
            org_id: org_id.to_string(),
            agency: agency.to_string(),
        }
        .into());
    }
    Ok(())
}

impl Ledger {
    /// `amana funder identify FUNDER ORG-ID`: records the funder's organisation identifier
    /// (a later one replaces it in the listings and exports; the log keeps every one).
    pub fn identify_funder(&mut self, funder: &FunderId, org_id: &str) -> Result<Written> {
        let org_id = org_id.trim();
        check_agency(org_id)?;
        self.append_all(vec![Record::FunderIdentifier(FunderIdentifier {
            funder: funder.clone(),
            org_id: org_id.to_string(),
        })])
    }
}
