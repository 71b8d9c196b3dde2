//! The IATI codelists amana checks its codes against, embedded in the binary from
//! `schema/standards/iati-codelists/` (copied unchanged from IATI's repositories: see the
//! README there). Nothing is read from disk at run time. A code counts when the list has it
//! and does not mark it `withdrawn`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use quick_xml::Reader;
use quick_xml::events::Event;

/// A codelist amana writes codes of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Codelist {
    ActivityDateType,
    ActivityStatus,
    BudgetStatus,
    BudgetType,
    Country,
    Currency,
    DescriptionType,
    Language,
    OrganisationRegistrationAgency,
    OrganisationRole,
    OrganisationType,
    Sector,
    SectorVocabulary,
    TransactionType,
}

impl Codelist {
    pub const ALL: [Codelist; 14] = [
        Codelist::ActivityDateType,
        Codelist::ActivityStatus,
        Codelist::BudgetStatus,
        Codelist::BudgetType,
        Codelist::Country,
        Codelist::Currency,
        Codelist::DescriptionType,
        Codelist::Language,
        Codelist::OrganisationRegistrationAgency,
        Codelist::OrganisationRole,
        Codelist::OrganisationType,
        Codelist::Sector,
        Codelist::SectorVocabulary,
        Codelist::TransactionType,
    ];

    /// The list's name, as IATI's files and `mapping.xml` name it.
    pub fn name(self) -> &'static str {
        match self {
            Codelist::ActivityDateType => "ActivityDateType",
            Codelist::ActivityStatus => "ActivityStatus",
            Codelist::BudgetStatus => "BudgetStatus",
            Codelist::BudgetType => "BudgetType",
            Codelist::Country => "Country",
            Codelist::Currency => "Currency",
            Codelist::DescriptionType => "DescriptionType",
            Codelist::Language => "Language",
            Codelist::OrganisationRegistrationAgency => "OrganisationRegistrationAgency",
            Codelist::OrganisationRole => "OrganisationRole",
            Codelist::OrganisationType => "OrganisationType",
            Codelist::Sector => "Sector",
            Codelist::SectorVocabulary => "SectorVocabulary",
            Codelist::TransactionType => "TransactionType",
        }
    }

    fn file(self) -> &'static str {
        macro_rules! list {
            ($name:literal) => {
                include_str!(concat!(
                    "../../../schema/standards/iati-codelists/",
                    $name,
                    ".xml"
                ))
            };
        }
        match self {
            Codelist::ActivityDateType => list!("ActivityDateType"),
            Codelist::ActivityStatus => list!("ActivityStatus"),
            Codelist::BudgetStatus => list!("BudgetStatus"),
            Codelist::BudgetType => list!("BudgetType"),
            Codelist::Country => list!("Country"),
            Codelist::Currency => list!("Currency"),
            Codelist::DescriptionType => list!("DescriptionType"),
            Codelist::Language => list!("Language"),
            Codelist::OrganisationRegistrationAgency => list!("OrganisationRegistrationAgency"),
            Codelist::OrganisationRole => list!("OrganisationRole"),
            Codelist::OrganisationType => list!("OrganisationType"),
            Codelist::Sector => list!("Sector"),
            Codelist::SectorVocabulary => list!("SectorVocabulary"),
            Codelist::TransactionType => list!("TransactionType"),
        }
    }

    /// Whether `code` is an active code of the list.
    pub fn has(self, code: &str) -> bool {
        static LISTS: OnceLock<Vec<BTreeSet<String>>> = OnceLock::new();
        let lists = LISTS.get_or_init(|| Codelist::ALL.iter().map(|l| codes(l.file())).collect());
        let i = Codelist::ALL
            .iter()
            .position(|l| *l == self)
            .expect("every list is in ALL");
        lists[i].contains(code)
    }
}

/// The codes of a codelist file that are not withdrawn. The files are IATI's own, embedded
/// at build time and read by a test of every list: a file that does not parse is a bug caught
/// there, and reads here as an empty list (every code refused, never one let through).
fn codes(xml: &str) -> BTreeSet<String> {
    let mut reader = Reader::from_str(xml);
    let mut out = BTreeSet::new();
    let (mut withdrawn, mut in_item, mut in_code) = (false, false, false);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                "codelist-item" => {
                    in_item = true;
                    withdrawn = e
                        .try_get_attribute("status")
                        .ok()
                        .flatten()
                        .is_some_and(|a| a.value.as_ref() == "withdrawn");
                }
                "code" if in_item => in_code = true,
                _ => {}
            },
            Ok(Event::Text(t)) if in_code && !withdrawn => {
                let code: &str = t.as_ref();
                out.insert(code.trim().to_string());
            }
            Ok(Event::End(e)) => match e.name().as_ref() {
                "codelist-item" => in_item = false,
                "code" => in_code = false,
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_list_reads_and_knows_its_codes() {
        for list in Codelist::ALL {
            assert!(codes(list.file()).len() >= 2, "{}", list.name());
        }
        assert!(Codelist::TransactionType.has("11"));
        assert!(Codelist::TransactionType.has("4"));
        assert!(!Codelist::TransactionType.has("99"));
        assert!(Codelist::Currency.has("MAD") && Codelist::Currency.has("EUR"));
        assert!(Codelist::Country.has("MA") && !Codelist::Country.has("XM"));
        assert!(Codelist::OrganisationRegistrationAgency.has("XM-DAC"));
        assert!(Codelist::OrganisationRegistrationAgency.has("GB-CHC"));
        assert!(!Codelist::OrganisationRegistrationAgency.has("MA-XXX"));
        assert!(Codelist::Sector.has("99810") && Codelist::Sector.has("11230"));
        assert!(Codelist::Language.has("fr") && Codelist::Language.has("ar"));
        assert!(Codelist::OrganisationType.has("22"));
    }
}
