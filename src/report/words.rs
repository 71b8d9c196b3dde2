//! Amounts in words, as a receipt or a cheque writes them beside the figures: "mille deux
//! cent cinquante dirhams et cinquante centimes", "one thousand two hundred fifty dirhams and
//! fifty centimes", "ألف ومئتان وخمسون درهماً وخمسون سنتيماً".
//!
//! Written here rather than taken from a crate: `num2words` spells English and French numbers
//! but no Arabic, and none of them agrees a currency's noun with its number, which Arabic
//! needs (درهم واحد، درهمان، ثلاثة دراهم، أحد عشر درهماً، مئة درهم).
//!
//! - French follows the traditional spelling accountants use: "vingt et un", "soixante et
//!   onze", "quatre-vingts" but "quatre-vingt mille", "deux cents" but "deux cent mille",
//!   "un million de dirhams".
//! - Arabic is Modern Standard Arabic in the nominative, the counted noun masculine (dirham,
//!   centime): 3 to 10 take the feminine-marked number and the plural (ثلاثة دراهم), 11 to 99
//!   the singular accusative (درهماً), round hundreds and thousands the singular genitive
//!   (مئة درهم، ألف درهم), and a dual before a noun loses its nūn (مئتا درهم، ألفا درهم).
//!   Within a larger number, 1 and 2 keep their own forms (ألف ودرهمان).
//!
//! Amounts up to 999 999 999 999 in whole units are spelled; beyond, `None`.

use rust_decimal::Decimal;

use super::i18n::Lang;

/// The largest whole amount spelled.
const MAX_WHOLE: u64 = 999_999_999_999;

/// `amount` (an exact decimal string, not negative) in `currency` as `lang` writes it in
/// words; `None` for a negative amount, one too large, or text that is not a number.
pub fn money_in_words(lang: Lang, amount: &str, currency: &str) -> Option<String> {
    let value = Decimal::from_str_exact(amount).ok()?;
    if value.is_sign_negative() && !value.is_zero() {
        return None;
    }
    let scale = value.scale();
    let mantissa = u128::try_from(value.mantissa()).ok()?;
    let divisor = 10u128.checked_pow(scale)?;
    let whole = u64::try_from(mantissa / divisor).ok()?;
    if whole > MAX_WHOLE {
        return None;
    }
    // The fraction in hundredths (centimes, cents); a currency with other decimals spells it
    // as a fraction.
    let rest = mantissa % divisor;
    let units = Units::of(currency);
    let (fraction, over) = match scale {
        0 => (0, 100),
        1 => (u64::try_from(rest * 10).ok()?, 100),
        2 => (u64::try_from(rest).ok()?, 100),
        _ => (u64::try_from(rest).ok()?, u64::try_from(divisor).ok()?),
    };
    Some(match lang {
        Lang::En => english_money(whole, fraction, over, &units),
        Lang::Fr => french_money(whole, fraction, over, &units),
        Lang::Ar => arabic_money(whole, fraction, over, &units),
    })
}

/// A whole number in words.
pub fn number_in_words(lang: Lang, n: u64) -> String {
    match lang {
        Lang::En => english(n),
        Lang::Fr => french(n),
        Lang::Ar => arabic_number(n),
    }
}

/// The names of a currency and its hundredth in each language (`None`: the code, invariable).
struct Units {
    code: String,
    en: Option<[&'static str; 4]>,
    fr: Option<[&'static str; 4]>,
    ar: Option<(ArNoun, ArNoun)>,
}

impl Units {
    fn of(currency: &str) -> Units {
        let code = currency.trim().to_ascii_uppercase();
        let (en, fr, ar) = match code.as_str() {
            "MAD" => (
                Some(["dirham", "dirhams", "centime", "centimes"]),
                Some(["dirham", "dirhams", "centime", "centimes"]),
                Some((AR_DIRHAM, AR_CENTIME)),
            ),
            "EUR" => (
                Some(["euro", "euros", "cent", "cents"]),
                Some(["euro", "euros", "centime", "centimes"]),
                Some((AR_EURO, AR_CENT)),
            ),
            "USD" => (
                Some(["dollar", "dollars", "cent", "cents"]),
                Some(["dollar", "dollars", "cent", "cents"]),
                Some((AR_DOLLAR, AR_CENT)),
            ),
            _ => (None, None, None),
        };
        Units { code, en, fr, ar }
    }
}

// English.

const EN_ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn english_below_1000(n: u64) -> String {
    let (h, r) = (n / 100, n % 100);
    let mut parts = vec![];
    if h > 0 {
        parts.push(format!("{} hundred", EN_ONES[h as usize]));
    }
    if r > 0 {
        parts.push(if r < 20 {
            EN_ONES[r as usize].to_string()
        } else if r % 10 == 0 {
            EN_TENS[(r / 10) as usize].to_string()
        } else {
            format!(
                "{}-{}",
                EN_TENS[(r / 10) as usize],
                EN_ONES[(r % 10) as usize]
            )
        });
    }
    parts.join(" ")
}

fn english(n: u64) -> String {
    if n == 0 {
        return "zero".into();
    }
    let mut parts = vec![];
    for (scale, name) in [
        (1_000_000_000, " billion"),
        (1_000_000, " million"),
        (1000, " thousand"),
    ] {
        let g = n / scale % 1000;
        if g > 0 {
            parts.push(format!("{}{name}", english_below_1000(g)));
        }
    }
    if !n.is_multiple_of(1000) {
        parts.push(english_below_1000(n % 1000));
    }
    parts.join(" ")
}

fn english_money(whole: u64, fraction: u64, over: u64, units: &Units) -> String {
    let Some([one, many, cent, cents]) = units.en else {
        let mut text = format!("{} {}", english(whole), units.code);
        if fraction > 0 {
            text.push_str(&format!(" and {fraction}/{over}"));
        }
        return text;
    };
    let main = format!("{} {}", english(whole), if whole == 1 { one } else { many });
    if fraction == 0 {
        return main;
    }
    let small = if over == 100 {
        format!(
            "{} {}",
            english(fraction),
            if fraction == 1 { cent } else { cents }
        )
    } else {
        format!("{fraction}/{over}")
    };
    if whole == 0 && over == 100 {
        small
    } else {
        format!("{main} and {small}")
    }
}

// French.

const FR_UNITS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
];
const FR_TENS: [&str; 7] = [
    "",
    "dix",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
];

/// 0 to 99; `plural`: "quatre-vingts" takes its s (not before "mille").
fn french_below_100(n: u64, plural: bool) -> String {
    let (t, u) = ((n / 10) as usize, (n % 10) as usize);
    match n {
        0..=16 => FR_UNITS[n as usize].to_string(),
        17..=19 => format!("dix-{}", FR_UNITS[u]),
        20..=69 => match u {
            0 => FR_TENS[t].to_string(),
            1 => format!("{} et un", FR_TENS[t]),
            _ => format!("{}-{}", FR_TENS[t], FR_UNITS[u]),
        },
        71 => "soixante et onze".into(),
        70..=79 => format!("soixante-{}", french_below_100(n - 60, plural)),
        80 if plural => "quatre-vingts".into(),
        80 => "quatre-vingt".into(),
        _ => format!("quatre-vingt-{}", french_below_100(n - 80, plural)),
    }
}

/// 1 to 999; `plural`: "cents" and "quatre-vingts" take their s (not before "mille").
fn french_below_1000(n: u64, plural: bool) -> String {
    let (h, r) = (n / 100, n % 100);
    let mut parts = vec![];
    match h {
        0 => {}
        1 => parts.push("cent".to_string()),
        _ if r == 0 && plural => parts.push(format!("{} cents", FR_UNITS[h as usize])),
        _ => parts.push(format!("{} cent", FR_UNITS[h as usize])),
    }
    if r > 0 {
        parts.push(french_below_100(r, plural));
    }
    parts.join(" ")
}

fn french(n: u64) -> String {
    if n == 0 {
        return "zéro".into();
    }
    let mut parts = vec![];
    // Million and milliard are nouns: their number keeps its plural s, and so do they.
    for (scale, name) in [(1_000_000_000, "milliard"), (1_000_000, "million")] {
        let g = n / scale % 1000;
        if g > 0 {
            let s = if g > 1 { "s" } else { "" };
            parts.push(format!("{} {name}{s}", french_below_1000(g, true)));
        }
    }
    // Mille is invariable, and so is the number before it: "quatre-vingt mille".
    match n / 1000 % 1000 {
        0 => {}
        1 => parts.push("mille".into()),
        g => parts.push(format!("{} mille", french_below_1000(g, false))),
    }
    if !n.is_multiple_of(1000) {
        parts.push(french_below_1000(n % 1000, true));
    }
    parts.join(" ")
}

fn french_money(whole: u64, fraction: u64, over: u64, units: &Units) -> String {
    let Some([one, many, cent, cents]) = units.fr else {
        let mut text = format!("{} {}", french(whole), units.code);
        if fraction > 0 {
            text.push_str(&format!(" et {fraction}/{over}"));
        }
        return text;
    };
    // "un million de dirhams": a noun of quantity takes "de".
    let de = if whole >= 1_000_000 && whole.is_multiple_of(1_000_000) {
        "de "
    } else {
        ""
    };
    let main = format!(
        "{} {de}{}",
        french(whole),
        if whole < 2 { one } else { many }
    );
    if fraction == 0 {
        return main;
    }
    let small = if over == 100 {
        format!(
            "{} {}",
            french(fraction),
            if fraction < 2 { cent } else { cents }
        )
    } else {
        format!("{fraction}/{over}")
    };
    if whole == 0 && over == 100 {
        small
    } else {
        format!("{main} et {small}")
    }
}

// Arabic.

/// The forms of a counted noun: singular (genitive after 100, 1000...), dual, dual before
/// another noun, plural (after 3 to 10), singular accusative (after 11 to 99).
#[derive(Clone, Copy)]
struct ArNoun {
    sing: &'static str,
    dual: &'static str,
    dual_construct: &'static str,
    plural: &'static str,
    acc: &'static str,
}

const AR_THOUSAND: ArNoun = ArNoun {
    sing: "ألف",
    dual: "ألفان",
    dual_construct: "ألفا",
    plural: "آلاف",
    acc: "ألفاً",
};
const AR_MILLION: ArNoun = ArNoun {
    sing: "مليون",
    dual: "مليونان",
    dual_construct: "مليونا",
    plural: "ملايين",
    acc: "مليوناً",
};
const AR_BILLION: ArNoun = ArNoun {
    sing: "مليار",
    dual: "ملياران",
    dual_construct: "مليارا",
    plural: "مليارات",
    acc: "ملياراً",
};
const AR_DIRHAM: ArNoun = ArNoun {
    sing: "درهم",
    dual: "درهمان",
    dual_construct: "درهما",
    plural: "دراهم",
    acc: "درهماً",
};
const AR_CENTIME: ArNoun = ArNoun {
    sing: "سنتيم",
    dual: "سنتيمان",
    dual_construct: "سنتيما",
    plural: "سنتيمات",
    acc: "سنتيماً",
};
const AR_EURO: ArNoun = ArNoun {
    sing: "يورو",
    dual: "يوروان",
    dual_construct: "يوروا",
    plural: "يوروهات",
    acc: "يورو",
};
const AR_DOLLAR: ArNoun = ArNoun {
    sing: "دولار",
    dual: "دولاران",
    dual_construct: "دولارا",
    plural: "دولارات",
    acc: "دولاراً",
};
const AR_CENT: ArNoun = ArNoun {
    sing: "سنت",
    dual: "سنتان",
    dual_construct: "سنتا",
    plural: "سنتات",
    acc: "سنتاً",
};

/// 0 to 10 counting a masculine noun (the number takes the feminine mark from 3 to 10).
const AR_ONES: [&str; 11] = [
    "صفر",
    "واحد",
    "اثنان",
    "ثلاثة",
    "أربعة",
    "خمسة",
    "ستة",
    "سبعة",
    "ثمانية",
    "تسعة",
    "عشرة",
];
const AR_TENS: [&str; 10] = [
    "",
    "عشرة",
    "عشرون",
    "ثلاثون",
    "أربعون",
    "خمسون",
    "ستون",
    "سبعون",
    "ثمانون",
    "تسعون",
];
const AR_HUNDREDS: [&str; 10] = [
    "",
    "مئة",
    "مئتان",
    "ثلاثمئة",
    "أربعمئة",
    "خمسمئة",
    "ستمئة",
    "سبعمئة",
    "ثمانمئة",
    "تسعمئة",
];

/// The conjunction "and", written joined to the next word.
const AR_AND: &str = " و";

fn arabic_below_100(n: u64) -> String {
    let (t, u) = ((n / 10) as usize, (n % 10) as usize);
    match n {
        0..=10 => AR_ONES[n as usize].to_string(),
        11 => "أحد عشر".into(),
        12 => "اثنا عشر".into(),
        13..=19 => format!("{} عشر", AR_ONES[u]),
        _ if u == 0 => AR_TENS[t].to_string(),
        _ => format!("{}{AR_AND}{}", AR_ONES[u], AR_TENS[t]),
    }
}

/// 1 to 999; `construct`: a noun follows directly, so two hundred is "مئتا".
fn arabic_below_1000(n: u64, construct: bool) -> String {
    let (h, r) = ((n / 100) as usize, n % 100);
    let mut parts = vec![];
    if h == 2 && r == 0 && construct {
        parts.push("مئتا".to_string());
    } else if h > 0 {
        parts.push(AR_HUNDREDS[h].to_string());
    }
    if r > 0 {
        parts.push(arabic_below_100(r));
    }
    parts.join(AR_AND)
}

/// `g` (1 to 999) of `noun`. `unit`: the noun is the currency (one is "درهم واحد", not a
/// bare noun as "ألف" is); `construct`: another noun follows directly (ألفا درهم, not ألفان).
fn arabic_counted(g: u64, noun: ArNoun, unit: bool, construct: bool) -> String {
    match g {
        1 if unit => format!("{} واحد", noun.sing),
        1 => noun.sing.to_string(),
        2 if construct => noun.dual_construct.to_string(),
        2 => noun.dual.to_string(),
        3..=10 => format!("{} {}", arabic_below_100(g), noun.plural),
        _ => {
            let form = match g % 100 {
                0..=2 => noun.sing,
                3..=10 => noun.plural,
                _ if construct => noun.sing,
                _ => noun.acc,
            };
            format!("{} {form}", arabic_below_1000(g, g.is_multiple_of(100)))
        }
    }
}

/// The parts of `n` by thousands, billions first, each with its scale noun; `construct`: a
/// noun follows the number directly when its last group is zero.
fn arabic_groups(n: u64, tail_noun: bool) -> Vec<String> {
    let mut parts = vec![];
    for (scale, noun) in [
        (1_000_000_000u64, AR_BILLION),
        (1_000_000, AR_MILLION),
        (1000, AR_THOUSAND),
    ] {
        let g = n / scale % 1000;
        if g > 0 {
            let nothing_after = n.is_multiple_of(scale);
            parts.push(arabic_counted(g, noun, false, nothing_after && tail_noun));
        }
    }
    parts
}

fn arabic_number(n: u64) -> String {
    if n == 0 {
        return AR_ONES[0].into();
    }
    let mut parts = arabic_groups(n, false);
    if !n.is_multiple_of(1000) {
        parts.push(arabic_below_1000(n % 1000, false));
    }
    parts.join(AR_AND)
}

/// `n` of `noun` (a currency or its hundredth), the noun agreeing with the number.
fn arabic_amount(n: u64, noun: ArNoun) -> String {
    if n == 0 {
        return format!("{} {}", AR_ONES[0], noun.sing);
    }
    let mut parts = arabic_groups(n, true);
    match n % 1000 {
        0 => {
            let last = parts.pop().unwrap_or_default();
            parts.push(format!("{last} {}", noun.sing));
        }
        g => parts.push(arabic_counted(g, noun, true, false)),
    }
    parts.join(AR_AND)
}

fn arabic_money(whole: u64, fraction: u64, over: u64, units: &Units) -> String {
    let Some((main_noun, small_noun)) = units.ar else {
        let mut text = format!("{} {}", arabic_number(whole), units.code);
        if fraction > 0 {
            text.push_str(&format!("{AR_AND}{fraction}/{over}"));
        }
        return text;
    };
    let main = arabic_amount(whole, main_noun);
    if fraction == 0 {
        return main;
    }
    let small = if over == 100 {
        arabic_amount(fraction, small_noun)
    } else {
        format!("{fraction}/{over}")
    };
    if whole == 0 && over == 100 {
        small
    } else {
        format!("{main}{AR_AND}{small}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(n: u64) -> String {
        number_in_words(Lang::Fr, n)
    }
    fn en(n: u64) -> String {
        number_in_words(Lang::En, n)
    }
    fn ar(n: u64) -> String {
        number_in_words(Lang::Ar, n)
    }
    fn money(lang: Lang, amount: &str) -> String {
        money_in_words(lang, amount, "MAD").unwrap()
    }

    #[test]
    fn french_numbers_follow_the_traditional_spelling() {
        let cases = [
            (0, "zéro"),
            (1, "un"),
            (11, "onze"),
            (17, "dix-sept"),
            (21, "vingt et un"),
            (22, "vingt-deux"),
            (61, "soixante et un"),
            (70, "soixante-dix"),
            (71, "soixante et onze"),
            (77, "soixante-dix-sept"),
            (80, "quatre-vingts"),
            (81, "quatre-vingt-un"),
            (91, "quatre-vingt-onze"),
            (99, "quatre-vingt-dix-neuf"),
            (100, "cent"),
            (101, "cent un"),
            (180, "cent quatre-vingts"),
            (200, "deux cents"),
            (201, "deux cent un"),
            (1000, "mille"),
            (1001, "mille un"),
            (2000, "deux mille"),
            (80_000, "quatre-vingt mille"),
            (200_000, "deux cent mille"),
            (1_000_000, "un million"),
            (200_000_000, "deux cents millions"),
            (2_000_000_000, "deux milliards"),
            (
                1_234_567,
                "un million deux cent trente-quatre mille cinq cent soixante-sept",
            ),
        ];
        for (n, words) in cases {
            assert_eq!(fr(n), words, "{n}");
        }
    }

    #[test]
    fn english_numbers() {
        let cases = [
            (0, "zero"),
            (1, "one"),
            (11, "eleven"),
            (21, "twenty-one"),
            (71, "seventy-one"),
            (80, "eighty"),
            (91, "ninety-one"),
            (100, "one hundred"),
            (101, "one hundred one"),
            (200, "two hundred"),
            (1000, "one thousand"),
            (1001, "one thousand one"),
            (2000, "two thousand"),
            (1_000_000, "one million"),
            (
                1_234_567,
                "one million two hundred thirty-four thousand five hundred sixty-seven",
            ),
        ];
        for (n, words) in cases {
            assert_eq!(en(n), words, "{n}");
        }
    }

    #[test]
    fn arabic_numbers() {
        let cases = [
            (0, "صفر"),
            (1, "واحد"),
            (11, "أحد عشر"),
            (12, "اثنا عشر"),
            (15, "خمسة عشر"),
            (21, "واحد وعشرون"),
            (71, "واحد وسبعون"),
            (80, "ثمانون"),
            (91, "واحد وتسعون"),
            (100, "مئة"),
            (101, "مئة وواحد"),
            (200, "مئتان"),
            (1000, "ألف"),
            (1001, "ألف وواحد"),
            (2000, "ألفان"),
            (3000, "ثلاثة آلاف"),
            (11_000, "أحد عشر ألفاً"),
            (1_000_000, "مليون"),
            (
                1_234_567,
                "مليون ومئتان وأربعة وثلاثون ألفاً وخمسمئة وسبعة وستون",
            ),
        ];
        for (n, words) in cases {
            assert_eq!(ar(n), words, "{n}");
        }
    }

    #[test]
    fn french_amounts_agree_with_dirhams_and_centimes() {
        let cases = [
            ("0.00", "zéro dirham"),
            ("1.00", "un dirham"),
            ("2", "deux dirhams"),
            ("80.00", "quatre-vingts dirhams"),
            ("0.01", "un centime"),
            ("1000000.00", "un million de dirhams"),
            ("2000000", "deux millions de dirhams"),
            ("1000001.00", "un million un dirhams"),
            (
                "1250.50",
                "mille deux cent cinquante dirhams et cinquante centimes",
            ),
            ("600.5", "six cents dirhams et cinquante centimes"),
            (
                "1234567.89",
                "un million deux cent trente-quatre mille cinq cent soixante-sept dirhams et quatre-vingt-neuf centimes",
            ),
        ];
        for (amount, words) in cases {
            assert_eq!(money(Lang::Fr, amount), words, "{amount}");
        }
    }

    #[test]
    fn english_amounts() {
        let cases = [
            ("0.00", "zero dirhams"),
            ("1.00", "one dirham"),
            ("21.01", "twenty-one dirhams and one centime"),
            (
                "1250.50",
                "one thousand two hundred fifty dirhams and fifty centimes",
            ),
            (
                "1234567.89",
                "one million two hundred thirty-four thousand five hundred sixty-seven dirhams and eighty-nine centimes",
            ),
        ];
        for (amount, words) in cases {
            assert_eq!(money(Lang::En, amount), words, "{amount}");
        }
        assert_eq!(
            money_in_words(Lang::En, "12.50", "EUR").unwrap(),
            "twelve euros and fifty cents"
        );
        assert_eq!(
            money_in_words(Lang::En, "12.500", "TND").unwrap(),
            "twelve TND and 500/1000"
        );
    }

    #[test]
    fn arabic_amounts_agree_the_dirham_with_its_number() {
        let cases = [
            ("0", "صفر درهم"),
            ("1", "درهم واحد"),
            ("2", "درهمان"),
            ("3", "ثلاثة دراهم"),
            ("10", "عشرة دراهم"),
            ("11", "أحد عشر درهماً"),
            ("21", "واحد وعشرون درهماً"),
            ("71", "واحد وسبعون درهماً"),
            ("80", "ثمانون درهماً"),
            ("91", "واحد وتسعون درهماً"),
            ("100", "مئة درهم"),
            ("101", "مئة وواحد درهم"),
            ("103", "مئة وثلاثة دراهم"),
            ("200", "مئتا درهم"),
            ("1000", "ألف درهم"),
            ("1001", "ألف ودرهم واحد"),
            ("1002", "ألف ودرهمان"),
            ("2000", "ألفا درهم"),
            ("11000", "أحد عشر ألف درهم"),
            ("200000", "مئتا ألف درهم"),
            ("1000000", "مليون درهم"),
            ("2000000", "مليونا درهم"),
            ("2001000", "مليونان وألف درهم"),
            ("1250.50", "ألف ومئتان وخمسون درهماً وخمسون سنتيماً"),
            ("0.05", "خمسة سنتيمات"),
            (
                "1234567.89",
                "مليون ومئتان وأربعة وثلاثون ألفاً وخمسمئة وسبعة وستون درهماً وتسعة وثمانون سنتيماً",
            ),
        ];
        for (amount, words) in cases {
            assert_eq!(money(Lang::Ar, amount), words, "{amount}");
        }
    }

    #[test]
    fn what_cannot_be_spelled_is_none() {
        assert_eq!(money_in_words(Lang::Fr, "-1.00", "MAD"), None);
        assert_eq!(money_in_words(Lang::Fr, "1000000000000", "MAD"), None);
        assert_eq!(money_in_words(Lang::Fr, "douze", "MAD"), None);
    }
}
