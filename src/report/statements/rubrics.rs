//! The one table that maps the accounts of the Moroccan chart (`ma-associations`) to the
//! rubrics of the Bilan, the CPC and the ETIC, with each rubric's label in French, Arabic and
//! English.
//!
//! An account goes to the rubric with the longest prefix of its code in `accounts` or `less`
//! (so 6593 goes to its own line before 659, and 2835 to the depreciation of 23): every code
//! has a rubric, because each class has a one-digit prefix somewhere (class 6 outside 61, 63,
//! 65 and 67 reads as other operating charges, and so on). The layout is amana's reading of the
//! CGNC models of the Bilan and the CPC (classes 1-5 the Bilan, 6-7 the CPC, 61/71 operating,
//! 63/73 financial, 65/75 non-current, 67 tax), with the association-specific rubrics (fonds
//! dédiés 156, 6593, 7593) where `/work/shared/reference/` marks the association plan's own
//! numbers unconfirmed; the report says so.

/// The groups of the Bilan's assets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActifGroup {
    Immobilise,
    Circulant,
    Tresorerie,
}

/// The groups of the Bilan's liabilities and funds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassifGroup {
    Permanent,
    Circulant,
    Tresorerie,
}

/// The parts of the CPC whose rubrics are accounts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CpcPart {
    ProduitsExploitation,
    ChargesExploitation,
    ProduitsFinanciers,
    ChargesFinancieres,
    ProduitsNonCourants,
    ChargesNonCourantes,
    Impots,
}

impl CpcPart {
    pub const ALL: [CpcPart; 7] = [
        CpcPart::ProduitsExploitation,
        CpcPart::ChargesExploitation,
        CpcPart::ProduitsFinanciers,
        CpcPart::ChargesFinancieres,
        CpcPart::ProduitsNonCourants,
        CpcPart::ChargesNonCourantes,
        CpcPart::Impots,
    ];

    /// Income (a credit balance reads positive) or expense (a debit reads positive).
    pub fn is_income(self) -> bool {
        matches!(
            self,
            CpcPart::ProduitsExploitation
                | CpcPart::ProduitsFinanciers
                | CpcPart::ProduitsNonCourants
        )
    }
}

/// Where a rubric is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Actif(ActifGroup),
    Passif(PassifGroup),
    Cpc(CpcPart),
    /// Class 0, the memorandum accounts of contributions in kind: in the ETIC only.
    Memorandum,
}

/// A line whose figure no account holds: the Bilan computes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Computed {
    /// The year's result, as the CPC gives it (the Bilan's result before allocation).
    YearResult,
    /// Income and expense of earlier years that no closing moved to net assets.
    Unclosed,
}

/// One rubric of a statement.
#[derive(Debug, Clone, Copy)]
pub struct Rubric {
    pub code: &'static str,
    pub place: Place,
    /// The prefixes of the accounts it sums (gross value, for an asset).
    pub accounts: &'static [&'static str],
    /// The prefixes of its depreciation and impairment accounts (assets only).
    pub less: &'static [&'static str],
    pub computed: Option<Computed>,
    pub fr: &'static str,
    pub ar: &'static str,
    pub en: &'static str,
}

/// Whether an account is summed in a rubric as its gross value or as its depreciation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Gross,
    Less,
}

const fn r(
    code: &'static str,
    place: Place,
    accounts: &'static [&'static str],
    less: &'static [&'static str],
    labels: [&'static str; 3],
) -> Rubric {
    Rubric {
        code,
        place,
        accounts,
        less,
        computed: None,
        fr: labels[0],
        ar: labels[1],
        en: labels[2],
    }
}

const fn computed(code: &'static str, what: Computed, labels: [&'static str; 3]) -> Rubric {
    Rubric {
        code,
        place: Place::Passif(PassifGroup::Permanent),
        accounts: &[],
        less: &[],
        computed: Some(what),
        fr: labels[0],
        ar: labels[1],
        en: labels[2],
    }
}

use ActifGroup as A;
use CpcPart as C;
use PassifGroup as P;

/// Every rubric, in the order the statements print them.
#[rustfmt::skip]
pub const RUBRICS: &[Rubric] = &[
    // Bilan, actif immobilisé
    r("AI-A", Place::Actif(A::Immobilise), &["21"], &["281"], [
        "Immobilisations en non-valeurs",
        "الأصول الثابتة عديمة القيمة",
        "Deferred charges (non-value assets)"]),
    r("AI-B", Place::Actif(A::Immobilise), &["22"], &["282", "292"], [
        "Immobilisations incorporelles",
        "الأصول الثابتة غير المادية",
        "Intangible assets"]),
    r("AI-C", Place::Actif(A::Immobilise), &["23", "2"], &["283", "293", "28", "29"], [
        "Immobilisations corporelles",
        "الأصول الثابتة المادية",
        "Tangible fixed assets"]),
    r("AI-D", Place::Actif(A::Immobilise), &["24", "25"], &["294", "295"], [
        "Immobilisations financières",
        "الأصول الثابتة المالية",
        "Financial fixed assets"]),
    r("AI-E", Place::Actif(A::Immobilise), &["27"], &[], [
        "Écarts de conversion - actif",
        "فروق التحويل - أصول",
        "Translation differences - assets"]),
    // Bilan, actif circulant (hors trésorerie)
    r("AC-F", Place::Actif(A::Circulant), &["31"], &["391"], [
        "Stocks",
        "المخزونات",
        "Inventories"]),
    r("AC-G", Place::Actif(A::Circulant), &["34", "3"], &["394", "39"], [
        "Créances de l'actif circulant (subventions à recevoir, débiteurs)",
        "حقوق الأصول المتداولة (إعانات مستحقة القبض ومدينون)",
        "Current receivables (grants receivable, debtors)"]),
    r("AC-H", Place::Actif(A::Circulant), &["35"], &["395"], [
        "Titres et valeurs de placement",
        "سندات وقيم التوظيف",
        "Short-term investments"]),
    r("AC-I", Place::Actif(A::Circulant), &["37"], &[], [
        "Écarts de conversion - actif (éléments circulants)",
        "فروق التحويل - أصول (عناصر متداولة)",
        "Translation differences - current assets"]),
    // Bilan, trésorerie-actif
    r("AT", Place::Actif(A::Tresorerie), &["51", "5"], &["59"], [
        "Trésorerie - actif (banques, caisses)",
        "الخزينة - أصول (الأبناك والصناديق)",
        "Cash and bank"]),
    // Bilan, financement permanent
    r("FP-A", Place::Passif(P::Permanent), &["111", "112", "11", "1"], &[], [
        "Fonds associatifs et fonds de dotation",
        "الأموال الجمعوية وأموال التخصيص",
        "Association funds and endowment"]),
    r("FP-B", Place::Passif(P::Permanent), &["113"], &[], [
        "Écarts de réévaluation",
        "فروق إعادة التقييم",
        "Revaluation differences"]),
    r("FP-C", Place::Passif(P::Permanent), &["114", "115"], &[], [
        "Réserves",
        "الاحتياطيات",
        "Reserves"]),
    r("FP-D", Place::Passif(P::Permanent), &["116"], &[], [
        "Report à nouveau",
        "المرحل من جديد",
        "Retained surplus or deficit brought forward"]),
    r("FP-E", Place::Passif(P::Permanent), &["118", "119", "8"], &[], [
        "Résultats nets en instance d'affectation",
        "النتائج الصافية في انتظار التخصيص",
        "Results awaiting allocation"]),
    computed("FP-F", Computed::YearResult, [
        "Résultat net de l'exercice (excédent ou insuffisance)",
        "النتيجة الصافية للسنة المالية (فائض أو عجز)",
        "Net result of the year (surplus or deficit)"]),
    computed("FP-F2", Computed::Unclosed, [
        "Résultats d'exercices antérieurs non clôturés",
        "نتائج سنوات مالية سابقة غير مقفلة",
        "Results of earlier years not closed"]),
    r("FP-G", Place::Passif(P::Permanent), &["131", "13"], &[], [
        "Subventions d'investissement",
        "إعانات الاستثمار",
        "Investment subsidies"]),
    r("FP-H", Place::Passif(P::Permanent), &["135"], &[], [
        "Provisions réglementées",
        "المؤونات المقننة",
        "Regulated provisions"]),
    r("FP-I", Place::Passif(P::Permanent), &["14"], &[], [
        "Dettes de financement",
        "ديون التمويل",
        "Long-term borrowings"]),
    r("FP-J", Place::Passif(P::Permanent), &["15"], &[], [
        "Provisions durables pour risques et charges",
        "المؤونات الدائمة للمخاطر والتكاليف",
        "Long-term provisions for risks and charges"]),
    r("FP-K", Place::Passif(P::Permanent), &["156"], &[], [
        "Fonds dédiés (ressources affectées non encore utilisées)",
        "الأموال المخصصة (موارد مخصصة لم تستعمل بعد)",
        "Dedicated funds (restricted resources not yet used)"]),
    r("FP-L", Place::Passif(P::Permanent), &["17"], &[], [
        "Écarts de conversion - passif",
        "فروق التحويل - خصوم",
        "Translation differences - liabilities"]),
    r("FP-M", Place::Passif(P::Permanent), &["16"], &[], [
        "Comptes de liaison des établissements",
        "حسابات الربط بين المؤسسات",
        "Inter-branch accounts"]),
    // Bilan, passif circulant (hors trésorerie)
    r("PC-N", Place::Passif(P::Circulant), &["44", "4"], &[], [
        "Dettes du passif circulant (fournisseurs, personnel, organismes sociaux, État)",
        "ديون الخصوم المتداولة (الموردون والمستخدمون والهيئات الاجتماعية والدولة)",
        "Current liabilities (suppliers, staff, social security, State)"]),
    r("PC-O", Place::Passif(P::Circulant), &["45"], &[], [
        "Autres provisions pour risques et charges",
        "مؤونات أخرى للمخاطر والتكاليف",
        "Other provisions for risks and charges"]),
    r("PC-P", Place::Passif(P::Circulant), &["47"], &[], [
        "Écarts de conversion - passif (éléments circulants)",
        "فروق التحويل - خصوم (عناصر متداولة)",
        "Translation differences - current liabilities"]),
    // Bilan, trésorerie-passif
    r("PT", Place::Passif(P::Tresorerie), &["55"], &[], [
        "Trésorerie - passif (crédits de trésorerie, banques créditrices)",
        "الخزينة - خصوم (قروض الخزينة والأبناك الدائنة)",
        "Bank overdrafts and short-term credit"]),
    // CPC, produits d'exploitation
    r("PE-711", Place::Cpc(C::ProduitsExploitation), &["711"], &[], [
        "Ventes de marchandises",
        "مبيعات البضائع",
        "Sales of goods"]),
    r("PE-712", Place::Cpc(C::ProduitsExploitation), &["712"], &[], [
        "Ventes de biens et services produits",
        "مبيعات السلع والخدمات المنتجة",
        "Sales of goods and services produced"]),
    r("PE-713", Place::Cpc(C::ProduitsExploitation), &["713"], &[], [
        "Variation de stocks de produits",
        "تغير مخزونات المنتوجات",
        "Change in inventories of products"]),
    r("PE-714", Place::Cpc(C::ProduitsExploitation), &["714"], &[], [
        "Immobilisations produites par l'association pour elle-même",
        "الأصول الثابتة التي أنتجتها الجمعية لنفسها",
        "Fixed assets produced by the association for itself"]),
    r("PE-716", Place::Cpc(C::ProduitsExploitation), &["716"], &[], [
        "Subventions d'exploitation (de fonctionnement)",
        "إعانات الاستغلال (التسيير)",
        "Operating grants"]),
    r("PE-718", Place::Cpc(C::ProduitsExploitation), &["718", "71", "7"], &[], [
        "Autres produits d'exploitation (cotisations, dons manuels)",
        "عائدات استغلال أخرى (الاشتراكات والهبات اليدوية)",
        "Other operating income (members' dues, gifts)"]),
    r("PE-719", Place::Cpc(C::ProduitsExploitation), &["719"], &[], [
        "Reprises d'exploitation ; transferts de charges",
        "استردادات الاستغلال؛ تحويلات التكاليف",
        "Operating write-backs; expense transfers"]),
    // CPC, charges d'exploitation
    r("CE-611", Place::Cpc(C::ChargesExploitation), &["611"], &[], [
        "Achats revendus de marchandises",
        "مشتريات البضائع المعاد بيعها",
        "Goods purchased for resale"]),
    r("CE-612", Place::Cpc(C::ChargesExploitation), &["612"], &[], [
        "Achats consommés de matières et fournitures",
        "مشتريات المواد والتوريدات المستهلكة",
        "Materials and supplies consumed"]),
    r("CE-613", Place::Cpc(C::ChargesExploitation), &["613", "614"], &[], [
        "Autres charges externes",
        "تكاليف خارجية أخرى",
        "Other external charges"]),
    r("CE-616", Place::Cpc(C::ChargesExploitation), &["616"], &[], [
        "Impôts et taxes",
        "الضرائب والرسوم",
        "Taxes and duties"]),
    r("CE-617", Place::Cpc(C::ChargesExploitation), &["617"], &[], [
        "Charges de personnel",
        "تكاليف المستخدمين",
        "Staff costs"]),
    r("CE-618", Place::Cpc(C::ChargesExploitation), &["618", "61", "6"], &[], [
        "Autres charges d'exploitation",
        "تكاليف استغلال أخرى",
        "Other operating charges"]),
    r("CE-619", Place::Cpc(C::ChargesExploitation), &["619"], &[], [
        "Dotations d'exploitation (amortissements et provisions)",
        "مخصصات الاستغلال (الاستهلاكات والمؤونات)",
        "Depreciation and provisions (operating)"]),
    // CPC, produits financiers
    r("PF-732", Place::Cpc(C::ProduitsFinanciers), &["732"], &[], [
        "Produits des titres de participation et autres titres immobilisés",
        "عائدات سندات المساهمة والسندات المثبتة الأخرى",
        "Income from investments"]),
    r("PF-733", Place::Cpc(C::ProduitsFinanciers), &["733"], &[], [
        "Gains de change",
        "أرباح الصرف",
        "Exchange gains"]),
    r("PF-738", Place::Cpc(C::ProduitsFinanciers), &["738", "73"], &[], [
        "Intérêts et autres produits financiers",
        "الفوائد وعائدات مالية أخرى",
        "Interest and other financial income"]),
    r("PF-739", Place::Cpc(C::ProduitsFinanciers), &["739"], &[], [
        "Reprises financières ; transferts de charges",
        "استردادات مالية؛ تحويلات التكاليف",
        "Financial write-backs; expense transfers"]),
    // CPC, charges financières
    r("CF-631", Place::Cpc(C::ChargesFinancieres), &["631"], &[], [
        "Charges d'intérêts",
        "تكاليف الفوائد",
        "Interest expense"]),
    r("CF-633", Place::Cpc(C::ChargesFinancieres), &["633"], &[], [
        "Pertes de change",
        "خسائر الصرف",
        "Exchange losses"]),
    r("CF-638", Place::Cpc(C::ChargesFinancieres), &["638", "63"], &[], [
        "Autres charges financières",
        "تكاليف مالية أخرى",
        "Other financial charges"]),
    r("CF-639", Place::Cpc(C::ChargesFinancieres), &["639"], &[], [
        "Dotations financières",
        "المخصصات المالية",
        "Financial provisions"]),
    // CPC, produits non courants
    r("PN-751", Place::Cpc(C::ProduitsNonCourants), &["751"], &[], [
        "Produits des cessions d'immobilisations",
        "عائدات تفويت الأصول الثابتة",
        "Proceeds from disposals of fixed assets"]),
    r("PN-756", Place::Cpc(C::ProduitsNonCourants), &["756"], &[], [
        "Subventions d'équilibre",
        "إعانات التوازن",
        "Balancing grants"]),
    r("PN-757", Place::Cpc(C::ProduitsNonCourants), &["757"], &[], [
        "Reprises sur subventions d'investissement",
        "استردادات إعانات الاستثمار",
        "Investment subsidies released to income"]),
    r("PN-758", Place::Cpc(C::ProduitsNonCourants), &["758", "75"], &[], [
        "Autres produits non courants (dons, libéralités)",
        "عائدات غير جارية أخرى (الهبات والتبرعات)",
        "Other non-current income (gifts, donations)"]),
    r("PN-759", Place::Cpc(C::ProduitsNonCourants), &["759"], &[], [
        "Reprises non courantes ; transferts de charges",
        "استردادات غير جارية؛ تحويلات التكاليف",
        "Non-current write-backs; expense transfers"]),
    r("PN-7593", Place::Cpc(C::ProduitsNonCourants), &["7593"], &[], [
        "Report des ressources non utilisées des exercices antérieurs",
        "ترحيل الموارد غير المستعملة من السنوات المالية السابقة",
        "Unused resources of earlier years brought forward"]),
    // CPC, charges non courantes
    r("CN-651", Place::Cpc(C::ChargesNonCourantes), &["651"], &[], [
        "Valeurs nettes d'amortissements des immobilisations cédées",
        "القيم الصافية من الاستهلاكات للأصول الثابتة المفوتة",
        "Net book value of fixed assets disposed of"]),
    r("CN-656", Place::Cpc(C::ChargesNonCourantes), &["656"], &[], [
        "Subventions accordées",
        "الإعانات الممنوحة",
        "Grants given"]),
    r("CN-658", Place::Cpc(C::ChargesNonCourantes), &["658", "65"], &[], [
        "Autres charges non courantes (dons, libéralités)",
        "تكاليف غير جارية أخرى (الهبات والتبرعات)",
        "Other non-current charges (gifts given)"]),
    r("CN-659", Place::Cpc(C::ChargesNonCourantes), &["659"], &[], [
        "Dotations non courantes",
        "المخصصات غير الجارية",
        "Non-current provisions"]),
    r("CN-6593", Place::Cpc(C::ChargesNonCourantes), &["6593"], &[], [
        "Engagements à réaliser sur ressources affectées",
        "التزامات يتعين إنجازها على الموارد المخصصة",
        "Commitments to be met from restricted resources"]),
    // CPC, impôts sur les résultats
    r("IR-67", Place::Cpc(C::Impots), &["67"], &[], [
        "Impôts sur les résultats",
        "الضرائب على النتائج",
        "Income taxes"]),
    // ETIC, comptes spéciaux
    r("M-0", Place::Memorandum, &["0"], &[], [
        "Contributions volontaires en nature (comptes spéciaux, classe 0)",
        "المساهمات التطوعية العينية (الحسابات الخاصة، الصنف 0)",
        "Voluntary contributions in kind (memorandum accounts, class 0)"]),
];

/// The rubric of account `code` and the role it plays there: the longest prefix wins. Every
/// code of one digit or more has one (the table has a prefix for each class).
pub fn rubric_of(code: &str) -> Option<(usize, Role)> {
    let mut best: Option<(usize, usize, Role)> = None;
    for (i, rubric) in RUBRICS.iter().enumerate() {
        let roles = [(rubric.accounts, Role::Gross), (rubric.less, Role::Less)];
        for (prefixes, role) in roles {
            for prefix in prefixes {
                if code.starts_with(prefix) && best.is_none_or(|(len, _, _)| prefix.len() > len) {
                    best = Some((prefix.len(), i, role));
                }
            }
        }
    }
    best.map(|(_, i, role)| (i, role))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(code: &str) -> &'static str {
        RUBRICS[rubric_of(code).unwrap().0].code
    }

    #[test]
    fn each_account_goes_to_the_rubric_of_its_longest_prefix() {
        assert_eq!(code_of("6593"), "CN-6593");
        assert_eq!(code_of("6594"), "CN-659");
        assert_eq!(code_of("7593"), "PN-7593");
        assert_eq!(code_of("1561"), "FP-K");
        assert_eq!(code_of("1511"), "FP-J");
        assert_eq!(code_of("51411"), "AT");
        assert_eq!(code_of("5541"), "PT");
        assert_eq!(code_of("2835"), "AI-C");
        assert_eq!(rubric_of("2835").unwrap().1, Role::Less);
        assert_eq!(rubric_of("2355").unwrap().1, Role::Gross);
        assert_eq!(code_of("7183"), "PE-718");
        assert_eq!(code_of("0864"), "M-0");
        assert_eq!(code_of("1199"), "FP-E");
        assert_eq!(code_of("6999"), "CE-618");
    }

    #[test]
    fn every_code_of_the_moroccan_chart_has_a_rubric_and_the_codes_are_unique() {
        let chart = include_str!("../../../schema/charts/ma-associations.csv");
        for line in chart.lines().skip(1) {
            let code = line.split(',').next().unwrap();
            let (i, role) = rubric_of(code).unwrap_or_else(|| panic!("{code} has no rubric"));
            let class = &code[..1];
            let place = RUBRICS[i].place;
            let expected = match class {
                "0" => matches!(place, Place::Memorandum),
                "6" | "7" => matches!(place, Place::Cpc(_)),
                "2" | "3" | "5" if code.starts_with("55") => matches!(place, Place::Passif(_)),
                "2" | "3" | "5" => matches!(place, Place::Actif(_)),
                _ => matches!(place, Place::Passif(_)),
            };
            assert!(expected, "{code} is in {}", RUBRICS[i].code);
            if role == Role::Less {
                assert!(matches!(place, Place::Actif(_)), "{code}");
            }
        }
        let mut codes: Vec<&str> = RUBRICS.iter().map(|r| r.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), RUBRICS.len());
    }
}
