//! Golden vectors of chain format version 1 (schema/CHAIN.md). These bytes are frozen: if a
//! test here fails, the encoding changed, and every existing ledger would stop verifying. A
//! real change of format is a new version with its own vectors, never an edit of these.
//!
//! `INDEPENDENT` (every kind, officers, seals, signatures, receipts and closings included) was
//! computed by `tests/chain_vectors.py`, written from CHAIN.md alone with its own encoder,
//! Merkle tree and Ed25519 (checked against RFC 8032): amana must produce the same bytes, the
//! same hashes, root and fingerprint, and accept the signatures; a test re-runs the script.

use amana::chain::signing;
use amana::chain::{
    BankBalance, ChainEntry, GrantTotals, ImportInfo, Receipt, Record, Seal, SealSignature,
    chain_hash, entry_hash,
};
use amana::domain::{
    Account, AccountCode, AccountType, BudgetLine, ClosingForm, Currency, Entry, EntryHeader,
    EntryId, EntryKind, FiscalStart, Funder, FunderId, FunderType, Grant, GrantId, Label,
    LedgerInfo, LineId, Minor, Officer, OfficerId, OfficerRole, Posting, parse_date,
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

// ---------------------------------------------------------------- independent vectors

// Generated by `python3 tests/chain_vectors.py`: do not edit by hand.
const INDEPENDENT: [(&str, &str); 15] = [
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
    (
        "414d414e41010100000007636c6f73696e67020000000000000009020006474846204000010000000c7472c3a9736f7269c3a8726502000000000000000303323032362d31322d3331010000001b436cc3b474757265206465206c2765786572636963652032303236000000000600000002010000000437313631020000000001bcf240000000000001000000043331303002fffffffffe430dc000000000000200000000000007ea03323032362d30312d3031010000000433313030010000000433303030",
        "ddcb11824953afd2ad29d59f439ac0b6bb96e3d680b83da46f4e22ef5136eff1",
    ),
    (
        "414d414e410101000000076f66666963657202000000000000000a020006474846204000010000000c7472c3a9736f7269c3a872650100000006666174696d61010000000c466174696d61205a6168726101000000097472656173757265720500000020d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "72a3eb7064e82b25142c71fef3fb8a7abe1b8fac7aab3c3db3577f3e3acc95bc",
    ),
    (
        "414d414e410101000000076f66666963657202000000000000000b020006474846204000010000000c7472c3a9736f7269c3a8726501000000056b6172696d01000000054b6172696d010000000761756469746f7205000000203d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "15706b1ad53ed29c98af22f9eff46295c43fb0ac9443ac68665bf69adfc92819",
    ),
    (
        "414d414e410101000000047365616c02000000000000000c020006474846204000010000000c7472c3a9736f7269c3a8726503323032362d31322d333102000000000000000b050000002015706b1ad53ed29c98af22f9eff46295c43fb0ac9443ac68665bf69adfc928190500000020bdeb47bd383c480b56be2b0238154b2a4b3cc803c358fb832ed47ed6456707500000060000000201000000043331303002fffffffffe430dc0010000000437313631020000000001bcf2400600000001010000000745552d323032360200000000000000000200000000000000000600000001010000000435313431020000000000000000010000000f52656c6576c3a92031322f32303236",
        "09936c81e09bb211a9cfd3cc2f4329f1dd55f380dc5f4cd5f2b38afcf0c8e3bf",
    ),
    (
        "414d414e410101000000097369676e617475726502000000000000000d020006474846204000010000000c7472c3a9736f7269c3a8726502000000000000000c0100000006666174696d610500000040240e41991ecbe2a54b98e3a9c3cd4a5922b4284f2ce2033ea8cc230af8aa3874336a9c080178827e0e10720968f6cf45f76935425183496442c0159d6e42ff04",
        "91e0ed47ed8ccfeb867e0be119d401deff7a6bab7b0bd804e5ff1ef1fd718821",
    ),
    (
        "414d414e410101000000097369676e617475726502000000000000000e020006474846204000010000000c7472c3a9736f7269c3a8726502000000000000000b0100000006666174696d61050000004034234ac6cde5b857363089bbe88d52d8a6940734b57f02a82aa86ada99f16d43409ee2b680ec77bfdf57bdf4bbacaae3203128a4e75a7b5a03412a803a522f0f",
        "3441f42a9108044aba98bde1a981ff1b24a4734904712e3e932c85686217e3d8",
    ),
    (
        "414d414e410101000000077265636569707402000000000000000f020006474846204000010000000c7472c3a9736f7269c3a872650200000000000000010500000020b6aca639af34a9cb9fc30e15d55f04f15d9af1a9a9f1913d65480d43ff56b2cc0100000010666163747572652d303330312e70646602000000000000001b",
        "a08aa6cfc726a8bf008face3022079976a05758f9cfba152d3a9eff4bc7719c0",
    ),
];
const INDEPENDENT_MERKLE_ROOT_11: &str =
    "bdeb47bd383c480b56be2b0238154b2a4b3cc803c358fb832ed47ed645670750";
const INDEPENDENT_SEAL_FINGERPRINT: &str = "KJXH-DCSR-VMG5-KVG1";
// End of generated constants.

/// RFC 8032 section 7.1, tests 1 and 2: the officers' public keys of the vectors.
const RFC8032_PUBLIC_1: &str = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
const RFC8032_PUBLIC_2: &str = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";

fn key(hex_text: &str) -> [u8; 32] {
    hex::decode(hex_text).unwrap().try_into().unwrap()
}

/// The signature inside an independent vector's body (its last 64 bytes).
fn independent_signature(i: usize) -> [u8; 64] {
    let body = hex::decode(INDEPENDENT[i].0).unwrap();
    body[body.len() - 64..].try_into().unwrap()
}

/// The entries of the independent vectors, built with amana's types (the chain-dependent
/// fields, head and Merkle root, computed by amana).
fn all_vectors() -> Vec<ChainEntry> {
    let mut v = vectors();
    let posting = |account: &str, amount: i64| Posting {
        account: AccountCode::parse(account).unwrap(),
        amount: Minor(amount),
        grant: None,
        line: None,
        original: None,
        memo: None,
    };
    let closing = Entry::new(
        EntryHeader {
            id: EntryId(3),
            date: parse_date("2026-12-31").unwrap(),
            description: "Clôture de l'exercice 2026".into(),
            reference: None,
            kind: EntryKind::Closing {
                year: 2026,
                start: parse_date("2026-01-01").unwrap(),
                form: ClosingForm::Restricted {
                    restricted_account: AccountCode::parse("3100").unwrap(),
                    unrestricted_account: AccountCode::parse("3000").unwrap(),
                },
            },
            batch: None,
        },
        vec![posting("7161", 29_160_000), posting("3100", -29_160_000)],
        &mad(),
    )
    .unwrap();
    v.push(entry(9, Record::Entry(closing)));
    v.push(entry(
        10,
        Record::Officer(Officer {
            id: OfficerId::parse("fatima").unwrap(),
            name: "Fatima Zahra".into(),
            role: OfficerRole::Treasurer,
            public_key: key(RFC8032_PUBLIC_1),
        }),
    ));
    v.push(entry(
        11,
        Record::Officer(Officer {
            id: OfficerId::parse("karim").unwrap(),
            name: "Karim".into(),
            role: OfficerRole::Auditor,
            public_key: key(RFC8032_PUBLIC_2),
        }),
    ));
    let (mut prev, mut tree) = ([0u8; 32], amana::chain::merkle::Accumulator::new());
    for e in &v {
        let h = entry_hash(&e.encode());
        prev = chain_hash(e.seq, &prev, &h);
        tree.push(&h);
    }
    v.push(entry(
        12,
        Record::Seal(Seal {
            period_end: Some(parse_date("2026-12-31").unwrap()),
            covered: 11,
            head: prev,
            merkle_root: tree.root(),
            previous: None,
            trial_balance: vec![
                (AccountCode::parse("3100").unwrap(), Minor(-29_160_000)),
                (AccountCode::parse("7161").unwrap(), Minor(29_160_000)),
            ],
            grants: vec![GrantTotals {
                grant: GrantId::parse("EU-2026").unwrap(),
                received: Minor(0),
                spent: Minor(0),
            }],
            banks: vec![BankBalance {
                account: AccountCode::parse("5141").unwrap(),
                balance: Minor(0),
                statement: "Relevé 12/2026".into(),
            }],
        }),
    ));
    let signature = |seq: i64, signed: i64, i: usize| {
        entry(
            seq,
            Record::Signature(SealSignature {
                seal: signed,
                officer: OfficerId::parse("fatima").unwrap(),
                signature: independent_signature(i),
            }),
        )
    };
    v.push(signature(13, 12, 12));
    v.push(signature(14, 11, 13));
    let document = "Facture 0301: 29160.00 MAD\n".as_bytes();
    v.push(entry(
        15,
        Record::Receipt(Receipt {
            entry: EntryId(1),
            sha256: amana::chain::sha256(document),
            file_name: "facture-0301.pdf".into(),
            size: document.len() as i64,
        }),
    ));
    v
}

#[test]
fn amana_encodes_every_kind_as_the_independent_computation_does() {
    let vs = all_vectors();
    assert_eq!(vs.len(), INDEPENDENT.len());
    let mut prev = [0u8; 32];
    for (v, (body, chain)) in vs.iter().zip(INDEPENDENT) {
        let ours = v.encode();
        assert_eq!(
            hex::encode(&ours),
            body,
            "entry {} ({}): amana's bytes differ from CHAIN.md's",
            v.seq,
            v.record.kind()
        );
        prev = chain_hash(v.seq, &prev, &entry_hash(&ours));
        assert_eq!(hex::encode(prev), chain, "chain hash of entry {}", v.seq);
        let back = ChainEntry::decode(&ours, Some(&mad())).unwrap();
        assert_eq!(&back, v, "entry {} decodes to itself", v.seq);
    }
    // amana's own frozen vectors are the independent ones too.
    for (i, (frozen, independent)) in FROZEN.iter().zip(INDEPENDENT).enumerate() {
        assert_eq!(*frozen, independent, "vector {}", i + 1);
    }
}

#[test]
fn merkle_root_fingerprint_and_signatures_agree_with_the_independent_computation() {
    let bodies: Vec<Vec<u8>> = INDEPENDENT
        .iter()
        .map(|(b, _)| hex::decode(b).unwrap())
        .collect();
    let hashes: Vec<[u8; 32]> = bodies.iter().map(|b| entry_hash(b)).collect();
    // Both of amana's ways to the root: the tree of leaf hashes, and the accumulator.
    let leaves: Vec<[u8; 32]> = hashes[..11]
        .iter()
        .map(amana::chain::merkle::leaf_hash)
        .collect();
    assert_eq!(
        hex::encode(amana::chain::merkle::root_of(&leaves)),
        INDEPENDENT_MERKLE_ROOT_11
    );
    let mut tree = amana::chain::merkle::Accumulator::new();
    hashes[..11].iter().for_each(|h| tree.push(h));
    assert_eq!(hex::encode(tree.root()), INDEPENDENT_MERKLE_ROOT_11);
    assert_eq!(
        signing::fingerprint(&hashes[11]),
        INDEPENDENT_SEAL_FINGERPRINT
    );
    // The seal's signature, made outside amana over "amana/v1/seal\0" ‖ entry_hash(seal).
    let pk1 = key(RFC8032_PUBLIC_1);
    let seal_sig = independent_signature(12);
    assert!(signing::verify_seal(&pk1, &hashes[11], &seal_sig));
    // ... and the approval of officer karim, over "amana/v1/officer\0" ‖ entry_hash(officer).
    let approval = independent_signature(13);
    assert!(signing::verify_approval(&pk1, &hashes[10], &approval));
    // The domains are kept apart: neither signature counts for the other purpose.
    assert!(!signing::verify_approval(&pk1, &hashes[11], &seal_sig));
    assert!(!signing::verify_seal(&pk1, &hashes[10], &approval));
    let mut flipped = seal_sig;
    flipped[10] ^= 1;
    assert!(!signing::verify_seal(&pk1, &hashes[11], &flipped));
}

#[test]
fn the_independent_constants_are_what_the_script_computes() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let o = std::process::Command::new("python3")
        .arg(root.join("tests/chain_vectors.py"))
        .output()
        .expect("python3 is required for this test");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let printed = String::from_utf8(o.stdout).unwrap();
    let this = std::fs::read_to_string(root.join("tests/suite/chain_vectors.rs")).unwrap();
    assert!(
        this.contains(&printed),
        "tests/suite/chain_vectors.rs does not hold what tests/chain_vectors.py prints:\n{printed}"
    );
}
