//! Golden vectors of chain format version 1 (schema/CHAIN.md). These bytes are frozen: if a
//! test here fails, the encoding changed, and every existing ledger would stop verifying. A
//! real change of format is a new version with its own vectors, never an edit of these.

use amana::chain::{ChainEntry, ImportInfo, Record, chain_hash, entry_hash};
use amana::domain::{
    Account, AccountCode, AccountType, BudgetLine, Currency, Entry, EntryHeader, EntryId,
    EntryKind, FiscalStart, Funder, FunderId, FunderType, Grant, GrantId, Label, LedgerInfo,
    LineId, Minor, Posting, parse_date,
};

fn mad() -> Currency {
    Currency {
        code: "MAD".into(),
        exponent: 2,
    }
}

fn entry(seq: i64, record: Record) -> ChainEntry {
    ChainEntry {
        seq,
        time_us: 1_767_225_600_000_000,
        actor: "trésorière".into(),
        record,
    }
}

fn vectors() -> Vec<ChainEntry> {
    let genesis = Record::Ledger(LedgerInfo {
        id: (0u8..16).collect(),
        name: "جمعية خطوة".into(),
        currency: mad(),
        fiscal_start: FiscalStart::CALENDAR,
        chart: "none".into(),
        currencies: vec![
            Currency {
                code: "EUR".into(),
                exponent: 2,
            },
            mad(),
            Currency {
                code: "TND".into(),
                exponent: 3,
            },
        ],
    });
    let account = Record::Account(Account {
        code: AccountCode::parse("5141").unwrap(),
        name: "Banque".into(),
        kind: AccountType::Asset,
        labels: vec![Label {
            lang: "ar".into(),
            text: "البنك".into(),
        }],
    });
    let funder = Record::Funder(Funder {
        id: FunderId::parse("EU").unwrap(),
        name: "Union européenne".into(),
        kind: FunderType::ForeignPublic,
        country: None,
    });
    let grant = Record::Grant(Grant {
        id: GrantId::parse("EU-2026").unwrap(),
        funder: FunderId::parse("EU").unwrap(),
        amount: Minor(4_500_000),
        currency: "EUR".into(),
        start: parse_date("2026-01-01").unwrap(),
        end: parse_date("2026-12-31").unwrap(),
        restricted: true,
        purpose: Some("Alphabétisation".into()),
    });
    let line = Record::BudgetLine(BudgetLine {
        grant: GrantId::parse("EU-2026").unwrap(),
        line: LineId::parse("training").unwrap(),
        label: "Formation".into(),
        amount: Minor(4_500_000),
        account: None,
    });
    let import = Record::Import(ImportInfo {
        file_sha256: [0xAB; 32],
        file_name: "mars.csv".into(),
        rows: 2,
        transactions: 1,
        forced: false,
    });
    let posting = |account: &str, amount: i64| Posting {
        account: AccountCode::parse(account).unwrap(),
        amount: Minor(amount),
        grant: None,
        line: None,
        original: None,
        memo: None,
    };
    let txn = Entry::new(
        EntryHeader {
            id: EntryId(1),
            date: parse_date("2026-03-02").unwrap(),
            description: "Versement UE".into(),
            reference: Some("BQ-12".into()),
            kind: EntryKind::Transaction,
            batch: Some(6),
        },
        vec![
            Posting {
                original: Some((Minor(2_700_000), "EUR".into())),
                ..posting("5141", 29_160_000)
            },
            Posting {
                grant: Some(GrantId::parse("EU-2026").unwrap()),
                original: Some((Minor(-2_700_000), "EUR".into())),
                memo: Some("tranche 1".into()),
                ..posting("7161", -29_160_000)
            },
        ],
        &mad(),
    )
    .unwrap();
    let reversal = Entry::new(
        EntryHeader {
            id: EntryId(2),
            date: parse_date("2026-03-03").unwrap(),
            description: "Reversal of #1: Versement UE".into(),
            reference: None,
            kind: EntryKind::Reversal {
                reverses: EntryId(1),
                reason: "doublon".into(),
            },
            batch: None,
        },
        vec![posting("5141", -29_160_000), posting("7161", 29_160_000)],
        &mad(),
    )
    .unwrap();
    vec![
        entry(1, genesis),
        entry(2, account),
        entry(3, funder),
        entry(4, grant),
        entry(5, line),
        entry(6, import),
        entry(7, Record::Entry(txn)),
        entry(8, Record::Entry(reversal)),
    ]
}

/// (body hex, chain hash hex) of each vector, frozen.
const FROZEN: [(&str, &str); 8] = [
    (
        "414d414e410101000000066c6564676572020000000000000001020006474846204000010000000c7472c3a9736f7269c3a872650500000010000102030405060708090a0b0c0d0e0f0100000013d8acd985d8b9d98ad8a920d8aed8b7d988d8a901000000034d4144010000000530312d303101000000046e6f6e650600000003010000000345555202000000000000000201000000034d41440200000000000000020100000003544e44020000000000000003",
        "576cb3fb4bda76bcf7f7d1d149a7dd52df56aacd931844920c8e4d9f3efb6431",
    ),
    (
        "414d414e410101000000076163636f756e74020000000000000002020006474846204000010000000c7472c3a9736f7269c3a87265010000000435313431010000000642616e71756501000000056173736574060000000101000000026172010000000ad8a7d984d8a8d986d983",
        "3196875aa84d37fc4a93913e0712b3482fedbe48a44acdc88e1b12bcebfca6d3",
    ),
    (
        "414d414e4101010000000666756e646572020000000000000003020006474846204000010000000c7472c3a9736f7269c3a87265010000000245550100000011556e696f6e206575726f70c3a9656e6e65010000000e666f726569676e2d7075626c696300",
        "f7aeddb4bf1450610a15982d669c3ad3340fa5d6a2533e1ba4756c51cf643cb7",
    ),
    (
        "414d414e410101000000056772616e74020000000000000004020006474846204000010000000c7472c3a9736f7269c3a87265010000000745552d323032360100000002455502000000000044aa20010000000345555203323032362d30312d303103323032362d31322d333104010100000010416c70686162c3a97469736174696f6e",
        "01adaac72ad7928987a089156633ccac638fb0bb1a7af1254b69544a2487ee8a",
    ),
    (
        "414d414e4101010000000b6275646765742d6c696e65020000000000000005020006474846204000010000000c7472c3a9736f7269c3a87265010000000745552d323032360100000008747261696e696e670100000009466f726d6174696f6e02000000000044aa2000",
        "51903c0f57991ac624c38ec1cf73d98f8dd6efdfb5f6f779cb81685ea5795ee8",
    ),
    (
        "414d414e41010100000006696d706f7274020000000000000006020006474846204000010000000c7472c3a9736f7269c3a872650500000020abababababababababababababababababababababababababababababababab01000000086d6172732e6373760200000000000000020200000000000000010400",
        "03ebee9f37aa0b3a956c5fcb54689f982b89ac93570ad3c0c018900327364c63",
    ),
    (
        "414d414e4101010000000b7472616e73616374696f6e020000000000000007020006474846204000010000000c7472c3a9736f7269c3a8726502000000000000000103323032362d30332d3032010000000c56657273656d656e74205545010000000542512d313200000200000000000000060600000002010000000435313431020000000001bcf24000000200000000002932e001000000034555520001000000043731363102fffffffffe430dc0010000000745552d323032360002ffffffffffd6cd20010000000345555201000000097472616e6368652031",
        "da1949571feba3f5d78a28dbe7f793e9f4a5bf73afccc4ae1f3fe4953ec9779e",
    ),
    (
        "414d414e41010100000008726576657273616c020000000000000008020006474846204000010000000c7472c3a9736f7269c3a8726502000000000000000203323032362d30332d3033010000001c526576657273616c206f662023313a2056657273656d656e74205545000200000000000000010100000007646f75626c6f6e00060000000201000000043531343102fffffffffe430dc00000000000010000000437313631020000000001bcf2400000000000",
        "d229ea48e1b7aea1ad586083b200fcd5a887cc7b614c44bc5909241e0b81198a",
    ),
];

#[test]
fn golden_vectors_are_frozen() {
    let mut prev = [0u8; 32];
    let mut actual = vec![];
    for v in vectors() {
        let body = v.encode();
        let chain = chain_hash(v.seq, &prev, &entry_hash(&body));
        actual.push((hex::encode(&body), hex::encode(chain)));
        prev = chain;
    }
    if std::env::var_os("AMANA_PRINT_VECTORS").is_some() {
        for (b, c) in &actual {
            println!("    (\"{b}\", \"{c}\"),");
        }
    }
    for (i, ((body, chain), (fb, fc))) in actual.iter().zip(FROZEN).enumerate() {
        assert_eq!(body, fb, "body of vector {} changed", i + 1);
        assert_eq!(chain, fc, "chain hash of vector {} changed", i + 1);
    }
}

#[test]
fn vectors_decode_to_what_was_encoded() {
    for v in vectors() {
        let body = v.encode();
        let back = ChainEntry::decode(&body, Some(&mad())).unwrap();
        assert_eq!(back, v);
        assert_eq!(back.encode(), body);
    }
}

#[test]
fn the_hash_binds_domain_and_position() {
    let body = vectors()[1].encode();
    assert_ne!(
        entry_hash(&body),
        amana::chain::sha256(&body),
        "entry hashes are domain-separated"
    );
    let h = entry_hash(&body);
    assert_ne!(
        chain_hash(2, &[0; 32], &h),
        chain_hash(3, &[0; 32], &h),
        "the position is hashed"
    );
}

#[test]
fn framing_cannot_collide() {
    // ("ab", "c") and ("a", "bc") as funder id and name.
    let mk = |id: &str, name: &str| {
        entry(
            3,
            Record::Funder(Funder {
                id: FunderId::parse(id).unwrap(),
                name: name.into(),
                kind: FunderType::Private,
                country: None,
            }),
        )
        .encode()
    };
    assert_ne!(mk("ab", "c"), mk("a", "bc"));
}

#[test]
fn decoding_is_strict() {
    let body = vectors()[2].encode();
    let mut trailing = body.clone();
    trailing.push(0);
    assert!(
        ChainEntry::decode(&trailing, Some(&mad())).is_err(),
        "trailing byte"
    );
    assert!(
        ChainEntry::decode(&body[..body.len() - 1], Some(&mad())).is_err(),
        "truncated"
    );
    let mut version = body.clone();
    version[5] = 2;
    assert!(
        ChainEntry::decode(&version, Some(&mad())).is_err(),
        "unknown version"
    );
    // The funder's name as NFD instead of NFC: same text to the eye, other bytes.
    let nfd = entry(
        3,
        Record::Funder(Funder {
            id: FunderId::parse("EU").unwrap(),
            name: "Union europe\u{301}enne".into(),
            kind: FunderType::ForeignPublic,
            country: None,
        }),
    )
    .encode();
    let err = ChainEntry::decode(&nfd, Some(&mad())).unwrap_err();
    assert!(err.to_string().contains("not NFC"), "{err}");
    // A bidi override hidden in a name.
    let bidi = entry(
        3,
        Record::Funder(Funder {
            id: FunderId::parse("EU").unwrap(),
            name: "Union \u{202E}enneéporue".into(),
            kind: FunderType::ForeignPublic,
            country: None,
        }),
    )
    .encode();
    assert!(ChainEntry::decode(&bidi, Some(&mad())).is_err());
}

#[test]
fn amounts_are_canonical_minor_units() {
    let c = mad();
    assert_eq!(c.parse("1").unwrap(), c.parse("1.0").unwrap());
    assert_eq!(c.parse("1.0").unwrap(), c.parse("1.00").unwrap());
    assert_eq!(c.parse("-0").unwrap(), Minor(0));
}
