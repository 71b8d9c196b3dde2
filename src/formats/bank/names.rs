//! The names banks give their columns, in French, English and Arabic, folded so that
//! "Débit (MAD)", "DEBIT" and "débit" are one name; and the columns a header row names.

use unicode_normalization::UnicodeNormalization;

/// A header's name, folded for comparison: lower case, accents and punctuation off, spaces
/// collapsed, a unit in parentheses dropped ("Débit (MAD)" is "debit").
pub(super) fn fold(name: &str) -> String {
    let base = name.split(['(', '[']).next().unwrap_or(name);
    let stripped: String = base
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Header names banks use, folded, for each column amana reads.
const NAMES: [(&str, &[&str]); 8] = [
    (
        "value_date",
        &[
            "date valeur",
            "date de valeur",
            "value date",
            "تاريخ القيمة",
        ],
    ),
    (
        "date",
        &[
            "date",
            "date operation",
            "date d operation",
            "date de l operation",
            "date op",
            "date comptable",
            "transaction date",
            "booking date",
            "التاريخ",
            "تاريخ",
            "تاريخ العملية",
        ],
    ),
    (
        "description",
        &[
            "libelle",
            "libelle operation",
            "libelle de l operation",
            "description",
            "designation",
            "operation",
            "nature de l operation",
            "nature",
            "details",
            "narration",
            "البيان",
            "الوصف",
            "العملية",
        ],
    ),
    (
        "reference",
        &[
            "reference",
            "ref",
            "n piece",
            "piece",
            "numero",
            "n operation",
            "المرجع",
        ],
    ),
    (
        "debit",
        &["debit", "debits", "montant debit", "sorties", "مدين", "سحب"],
    ),
    (
        "credit",
        &[
            "credit",
            "credits",
            "montant credit",
            "entrees",
            "دائن",
            "إيداع",
            "ايداع",
        ],
    ),
    ("amount", &["montant", "amount", "somme", "المبلغ"]),
    (
        "balance",
        &[
            "solde",
            "balance",
            "solde progressif",
            "solde comptable",
            "الرصيد",
        ],
    ),
];

fn known(name: &str) -> Option<&'static str> {
    let f = fold(name);
    NAMES
        .iter()
        .find(|(_, names)| names.iter().any(|n| fold(n) == f))
        .map(|(k, _)| *k)
}

/// A row of the file: its 1-based line and its cells.
pub(super) struct Row {
    pub(super) line: u64,
    pub(super) cells: Vec<String>,
}

/// The columns a header row names, by what amana reads in them.
#[derive(Default)]
pub(super) struct Found {
    pub(super) date: Option<usize>,
    pub(super) value_date: Option<usize>,
    pub(super) description: Vec<usize>,
    pub(super) reference: Option<usize>,
    pub(super) amount: Option<usize>,
    pub(super) debit: Option<usize>,
    pub(super) credit: Option<usize>,
    pub(super) balance: Option<usize>,
}

impl Found {
    pub(super) fn from_header(cells: &[String]) -> Found {
        let mut f = Found::default();
        for (i, c) in cells.iter().enumerate() {
            match known(c) {
                Some("date") if f.date.is_none() => f.date = Some(i),
                Some("value_date") if f.value_date.is_none() => f.value_date = Some(i),
                Some("description") => f.description.push(i),
                Some("reference") if f.reference.is_none() => f.reference = Some(i),
                Some("amount") if f.amount.is_none() => f.amount = Some(i),
                Some("debit") if f.debit.is_none() => f.debit = Some(i),
                Some("credit") if f.credit.is_none() => f.credit = Some(i),
                Some("balance") if f.balance.is_none() => f.balance = Some(i),
                _ => {}
            }
        }
        f
    }

    pub(super) fn usable(&self) -> bool {
        self.date.is_some()
            && !self.description.is_empty()
            && (self.amount.is_some() || (self.debit.is_some() && self.credit.is_some()))
    }
}
