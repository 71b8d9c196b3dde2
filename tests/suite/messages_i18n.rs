//! The command line's own messages in the user's language (`AMANA_LANG`): the real binary,
//! refused commands and verify's findings said in French and Arabic, the exit status the same
//! in every language, nothing changed by a refusal, and English as it always was.

use std::path::Path;
use std::process::Output;

use crate::common;

use common::*;

/// amana with `AMANA_LANG` set to `lang`.
fn run_in(lang: &str, ledger: &Path, args: &[&str]) -> Output {
    amana(ledger)
        .env("AMANA_LANG", lang)
        .args(args)
        .output()
        .expect("amana runs")
}

/// `text` without the invisible marks an Arabic message isolates each argument in (FSI, PDI).
fn unmarked(text: String) -> String {
    text.replace(['\u{2068}', '\u{2069}'], "")
}

/// Runs `args` in `lang`, asserts exit status `code`, returns stderr (without isolation marks).
fn fails_in(lang: &str, ledger: &Path, args: &[&str], code: i32) -> String {
    let o = run_in(lang, ledger, args);
    assert_eq!(
        o.status.code(),
        Some(code),
        "AMANA_LANG={lang} amana {args:?}:\n{}{}",
        stdout(&o),
        stderr(&o)
    );
    unmarked(stderr(&o))
}

/// Whether `text` has Arabic letters.
fn arabic(text: &str) -> bool {
    text.chars().any(|c| ('\u{600}'..='\u{6ff}').contains(&c))
}

#[test]
fn a_rule_refusal_is_said_in_the_language_asked_with_the_same_exit_status() {
    let fx = Fixture::new();
    let l = fx.path();
    let before = snapshot(l);
    let cases: &[(&[&str], &str, &str, &str)] = &[
        (
            &["reopen", "--year", "2025", "--reason", "x"],
            "fiscal year 2025 is not closed: there is nothing to reopen",
            "l'exercice 2025 n'est pas clôturé : il n'y a rien à rouvrir",
            "السنة المالية 2025 غير مقفلة",
        ),
        (
            &[
                "record",
                "--date",
                "2026-03-01",
                "--desc",
                "x",
                "--post",
                "9999 1",
                "--post",
                "5141",
            ],
            "account 9999 does not exist: add it with `amana account add 9999 --name ... --type ...`",
            "le compte 9999 n'existe pas : ajoutez-le avec `amana account add 9999 --name ... --type ...`",
            "الحساب 9999 غير موجود: أضفه بـ `amana account add 9999 --name ... --type ...`",
        ),
        (
            &["policy", "--quorum", "0"],
            "a quorum is from 1 to 99",
            "un quorum va de 1 à 99",
            "النصاب من 1 إلى 99",
        ),
    ];
    for (args, en, fr, ar) in cases {
        let said = fails(l, args, 2);
        assert!(said.contains(en), "{args:?}: {said}");
        // English is also what an explicit `en`, or a locale of it, says.
        assert_eq!(fails_in("en_GB.UTF-8", l, args, 2), said);
        let said = fails_in("fr", l, args, 2);
        assert!(said.contains(fr), "{args:?}: {said}");
        let said = fails_in("fr_MA.UTF-8", l, args, 2);
        assert!(said.contains(fr), "{args:?}: {said}");
        let said = fails_in("ar", l, args, 2);
        assert!(said.contains(ar) && arabic(&said), "{args:?}: {said}");
    }
    assert_eq!(snapshot(l), before, "a refusal changed the ledger");
}

#[test]
fn a_warning_is_said_in_the_language_asked() {
    let fx = Fixture::new();
    let l = fx.path();
    let overspend = |lang: &str, date: &str| {
        let o = run_in(
            lang,
            l,
            &[
                "record",
                "--date",
                date,
                "--desc",
                "Loyer",
                "--post",
                "6131 30000 grant=CMM-2026 line=rent",
                "--post",
                "5141",
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        stderr(&o)
    };
    let said = overspend("fr", "2026-03-02");
    assert!(
        said.contains("la ligne budgétaire CMM-2026/rent est dépassée : 30000.00 MAD dépensés pour 24000.00 MAD budgétés"),
        "{said}"
    );
    let said = unmarked(overspend("ar", "2026-03-03"));
    assert!(
        said.contains("بند الميزانية CMM-2026/rent تجاوز ميزانيته"),
        "{said}"
    );
    let said = overspend("en", "2026-03-04");
    assert!(
        said.contains(
            "budget line CMM-2026/rent is over-spent: 90000.00 MAD spent of 24000.00 MAD budgeted"
        ),
        "{said}"
    );
}

#[test]
fn a_language_amana_does_not_speak_is_refused_and_changes_nothing() {
    let fx = Fixture::new();
    let l = fx.path();
    let before = snapshot(l);
    let said = fails_in(
        "de_DE.UTF-8",
        l,
        &[
            "record",
            "--date",
            "2026-03-01",
            "--desc",
            "x",
            "--post",
            "6131 1",
            "--post",
            "5141",
        ],
        2,
    );
    assert!(
        said.contains(
            "AMANA_LANG=\"de_DE.UTF-8\" is not a language amana speaks: use ar, fr or en"
        ),
        "{said}"
    );
    assert_eq!(snapshot(l), before);
    // Unset or empty, it is English.
    let said = fails_in("", l, &["policy", "--quorum", "0"], 2);
    assert!(said.contains("a quorum is from 1 to 99"), "{said}");
}

#[test]
fn verify_says_what_it_found_in_the_language_asked_with_the_same_exit_status() {
    let fx = Fixture::new();
    let sound = fx.path();
    let said = run_in("fr", sound, &["verify"]);
    assert_eq!(said.status.code(), Some(0));
    assert!(stdout(&said).starts_with("OK : "), "{}", stdout(&said));
    let copy = common::tamper(sound, &fx.dir.path().join("tampered"), |conn| {
        conn.execute_batch(
            "UPDATE postings SET amount = amount + 100 WHERE entry_id = 1 AND idx = 0",
        )
        .unwrap();
    });
    let english = run_in("en", &copy, &["verify"]);
    assert_eq!(english.status.code(), Some(1));
    let english = stdout(&english);
    assert!(
        english.contains("FAILED: 1 problem in ")
            && english.contains(
                "postings row (entry_id=1, idx=0) was edited: column amount is 6000100, the chain says 6000000"
            ),
        "{english}"
    );
    // Unset is English, as it always was.
    let unset = run(&copy, &["verify"]);
    assert_eq!(stdout(&unset), english);
    let french = run_in("fr", &copy, &["verify"]);
    assert_eq!(french.status.code(), Some(1));
    let french = stdout(&french);
    assert!(
        french.contains("ÉCHEC : 1 problème dans ")
            && french.contains(
                "la ligne postings (entry_id=1, idx=0) a été modifiée : la colonne amount vaut 6000100, la chaîne dit 6000000"
            ),
        "{french}"
    );
    let arabic_out = run_in("ar", &copy, &["verify"]);
    assert_eq!(arabic_out.status.code(), Some(1));
    let said = unmarked(stdout(&arabic_out));
    assert!(
        said.contains("فشل: مشكلة واحدة")
            && said.contains("الصف postings (entry_id=1, idx=0) عُدّل: العمود amount قيمته 6000100، والسلسلة تقول 6000000"),
        "{said}"
    );
    // JSON is for tools: the same in every language.
    let json = |lang: &str| stdout(&run_in(lang, &copy, &["verify", "--format", "json"]));
    assert_eq!(json("ar"), json("en"));
}

#[test]
fn an_anchor_mistyped_is_said_in_the_language_asked() {
    let fx = Fixture::new();
    let said = fails_in("fr", fx.path(), &["verify", "--anchor", "nope"], 2);
    assert!(
        said.contains("ancre « nope » : écrivez ENTRIES:HEAD comme `amana verify` les a affichés"),
        "{said}"
    );
    let said = fails(fx.path(), &["verify", "--anchor", "nope"], 2);
    assert!(
        said.contains("anchor \"nope\": write ENTRIES:HEAD as `amana verify` printed them"),
        "{said}"
    );
}

#[test]
fn an_application_refusal_and_the_reason_it_quotes_are_said_in_the_language_asked() {
    let fx = Fixture::new();
    let l = fx.path();
    let before = snapshot(l);
    let cases: &[(&[&str], &str, &str, &str)] = &[
        (
            &["receipt", "member", "2"],
            "transaction 2 is not money received from a member or a donor: it credits no income account. A member's receipt",
            "l'écriture 2 n'est pas de l'argent reçu d'un membre ou d'un donateur : elle ne crédite aucun compte de produits. Un reçu de membre",
            "القيد 2 ليس مالاً مقبوضاً من عضو أو متبرع: لا يجعل أي حساب إيرادات دائناً.",
        ),
        (
            &[
                "close",
                "--year",
                "0",
                "--unrestricted-account",
                "1111",
                "--dedicated-account",
                "1561",
            ],
            "fiscal year 0 is out of range: the ledger records years 1 to 9999",
            "l'exercice 0 est hors limites : le registre couvre les années 1 à 9999",
            "السنة المالية 0 خارج النطاق",
        ),
    ];
    for (args, en, fr, ar) in cases {
        let said = fails(l, args, 2);
        assert!(said.contains(en), "{args:?}: {said}");
        let said = fails_in("fr", l, args, 2);
        assert!(said.contains(fr), "{args:?}: {said}");
        let said = fails_in("ar", l, args, 2);
        assert!(said.contains(ar), "{args:?}: {said}");
    }
    assert_eq!(snapshot(l), before, "a refusal changed the ledger");
}

#[test]
fn what_a_command_did_is_said_in_the_language_asked() {
    let dir = tempfile::tempdir().unwrap();
    let l = dir.path().join("amana.db");
    let ok_in = |lang: &str, args: &[&str]| {
        let o = run_in(lang, &l, args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        unmarked(stdout(&o))
    };
    let said = ok_in(
        "fr",
        &[
            "init",
            "--name",
            "Association Khotwa",
            "--currency",
            "MAD",
            "--chart",
            "ma-associations",
        ],
    );
    assert!(
        said.starts_with("Registre « Association Khotwa » créé dans ")
            && said.contains("(MAD, plan de comptes ma-associations, ")
            && said.contains("\ntête : "),
        "{said}"
    );
    let said = ok_in(
        "ar",
        &[
            "funder",
            "add",
            "CMM",
            "--name",
            "CMM",
            "--type",
            "public-local",
            "--country",
            "MA",
        ],
    );
    assert!(
        said.starts_with("أُضيفت الجهة المانحة CMM (المُدخل "),
        "{said}"
    );
    let record = [
        "record",
        "--date",
        "2026-03-01",
        "--desc",
        "x",
        "--post",
        "6131 5",
        "--post",
        "5141",
    ];
    let o = run_in("fr", &l, &record);
    assert!(o.status.success());
    assert!(
        stdout(&o).starts_with("Écriture #1 enregistrée (entrée "),
        "{}",
        stdout(&o)
    );
    assert!(
        stderr(&o).starts_with(
            "amana : avertissement : écriture 1 : le compte de caisse ou de banque 5141 est négatif"
        ),
        "{}",
        stderr(&o)
    );
    let said = ok_in("en", &record);
    assert!(
        said.starts_with("Recorded transaction #2 (chain entry "),
        "{said}"
    );
    let said = fails_in("ar", &l, &["policy", "--quorum", "0"], 2);
    assert!(said.starts_with("amana: خطأ: النصاب من 1 إلى"), "{said}");
}

#[test]
fn a_value_that_cannot_enter_the_books_is_said_in_the_language_asked() {
    let fx = Fixture::new();
    let l = fx.path();
    let before = snapshot(l);
    let record = |date: &str, amount: &str| {
        [
            "record".to_string(),
            "--date".into(),
            date.into(),
            "--desc".into(),
            "x".into(),
            "--post".into(),
            format!("6131 {amount}"),
            "--post".into(),
            "5141".into(),
        ]
    };
    let bad_date = record("2026-02-30", "5");
    let bad_date: Vec<&str> = bad_date.iter().map(String::as_str).collect();
    let bad_amount = record("2026-03-01", "1.001");
    let bad_amount: Vec<&str> = bad_amount.iter().map(String::as_str).collect();
    let said = fails_in("fr", l, &bad_date, 2);
    assert!(
        said.contains("la date « 2026-02-30 » n'est pas une date réelle de la forme YYYY-MM-DD"),
        "{said}"
    );
    let said = fails_in("ar", l, &bad_amount, 2);
    assert!(
        said.contains("المبلغ \"1.001\" فيه أرقام عشرية أكثر مما تسمح به MAD (2)"),
        "{said}"
    );
    let said = fails(l, &bad_amount, 2);
    assert!(
        said.contains("amount \"1.001\" has more decimals than MAD allows (2)"),
        "{said}"
    );
    assert_eq!(snapshot(l), before);
}
