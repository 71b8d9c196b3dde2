//! A member's receipt on paper (`report receipt`): one A4 page a member or a donor keeps, with
//! the association, who paid, the day, the amount in figures and in words, what it was for,
//! the seal that covers the payment and a QR code of the proof, and how to check it.
//!
//! The QR code holds one line of text, so that the paper itself names what to check (the
//! seal, the transaction, its chain entry and entry hash) against the association's published
//! seal:
//!
//! ```text
//! amana-receipt/1;seal=7K2M-Q9XD-4HZT-0B8N;tx=42;seq=118;entry=<64 hex digits>;amount=600.00;currency=MAD;date=2026-11-28
//! ```
//!
//! `seal` is the fingerprint of the seal that covers the payment (`none` when no seal covers
//! it yet), `tx` the transaction, `seq` its chain entry, `entry` the SHA-256 entry hash of
//! that chain entry (CHAIN.md section 1), then the amount received, its currency and day. The
//! proof itself is the JSON file `amana receipt member` writes; `amana verify-receipt FILE
//! --seal FINGERPRINT` checks it and prints the transaction, chain entry, amount and day, which
//! must be the paper's; the proof's `entry_hash` is the paper's `entry` (README, "The receipt
//! on paper").

use serde::Serialize;

use super::doc::{Block, Fact, Level, SealMark, Section};
use super::i18n::{Arg, Catalogue, Lang};
use super::output::{Body, Head, Report, qr_svg};
use super::words::money_in_words;

/// The first field of the QR code's text: its format.
pub const RECEIPT_QR_FORMAT: &str = "amana-receipt/1";

/// A member's receipt as printed: its JSON is this model.
#[derive(Debug, Clone, Serialize)]
pub struct MemberReceiptReport {
    pub association: String,
    pub transaction: i64,
    pub date: String,
    pub description: String,
    pub reference: Option<String>,
    /// Who paid: the funders the transaction's `source` entries (or its grants) name.
    pub payer: Option<String>,
    /// The money received, exact decimal, in `currency`.
    pub amount: String,
    pub currency: String,
    pub amount_in_words: AmountInWords,
    /// The chain entry that recorded the transaction, and its entry hash (hex).
    pub seq: i64,
    pub entry_hash: String,
    /// The seal that covers the payment, when one does yet.
    pub seal: Option<ReceiptSealMark>,
    /// What the QR code holds ([`RECEIPT_QR_FORMAT`]).
    pub qr: String,
    /// The command that checks the proof file.
    pub check: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AmountInWords {
    pub ar: String,
    pub fr: String,
    pub en: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReceiptSealMark {
    pub seq: i64,
    pub fingerprint: String,
    pub covered: i64,
    /// The signers as the receipt names them (name, role).
    pub signed_by: Vec<String>,
}

/// What a printed receipt is made from (read by the application from the member's receipt).
#[derive(Debug, Clone)]
pub struct ReceiptFacts {
    pub association: String,
    pub transaction: i64,
    pub date: String,
    pub description: String,
    pub reference: Option<String>,
    pub payers: Vec<String>,
    pub amount: String,
    pub currency: String,
    pub seq: i64,
    pub entry_hash: String,
    pub seal: Option<ReceiptSealMark>,
    /// The name of the proof file, for the command that checks it.
    pub proof_file: String,
}

impl MemberReceiptReport {
    pub fn new(facts: ReceiptFacts) -> MemberReceiptReport {
        let words = |lang| money_in_words(lang, &facts.amount, &facts.currency).unwrap_or_default();
        let fingerprint = facts
            .seal
            .as_ref()
            .map_or("none", |s| s.fingerprint.as_str());
        let qr = format!(
            "{RECEIPT_QR_FORMAT};seal={fingerprint};tx={};seq={};entry={};amount={};currency={};date={}",
            facts.transaction,
            facts.seq,
            facts.entry_hash,
            facts.amount,
            facts.currency,
            facts.date
        );
        let check = format!(
            "amana verify-receipt {} --seal {fingerprint}",
            facts.proof_file
        );
        MemberReceiptReport {
            association: facts.association,
            transaction: facts.transaction,
            date: facts.date,
            description: facts.description,
            reference: facts.reference,
            payer: (!facts.payers.is_empty()).then(|| facts.payers.join(", ")),
            amount_in_words: AmountInWords {
                ar: words(Lang::Ar),
                fr: words(Lang::Fr),
                en: words(Lang::En),
            },
            amount: facts.amount,
            currency: facts.currency,
            seq: facts.seq,
            entry_hash: facts.entry_hash,
            seal: facts.seal,
            qr,
            check,
        }
    }

    fn words(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ar => &self.amount_in_words.ar,
            Lang::Fr => &self.amount_in_words.fr,
            Lang::En => &self.amount_in_words.en,
        }
    }
}

impl Report for MemberReceiptReport {
    fn kind(&self) -> &'static str {
        "receipt"
    }

    /// Sections in a fixed order, which the receipt's own templates pick by id: `receipt`
    /// (the sentence, then who, when, what for), `amount` (figures, words), `proof` (seal,
    /// entry, how to check), `signature` (the labels of the signature area).
    fn body(&self, cat: &Catalogue) -> Body {
        let f = cat.fmt();
        let figures = f.money(&self.amount, &self.currency);
        let words = self.words(cat.lang()).to_string();
        let payer = self
            .payer
            .clone()
            .unwrap_or_else(|| cat.t("receipt-payer-unknown"));
        let date = f.date_str(&self.date);

        // In an Arabic sentence the figures ("600,00 MAD") are isolated left to right, or the
        // bidirectional algorithm would print the code before the amount.
        let inline_figures = if cat.lang().is_rtl() {
            format!("\u{2066}{figures}\u{2069}")
        } else {
            figures.clone()
        };
        let mut receipt = Section::new("receipt", cat.t("receipt-details"));
        receipt.text(cat.ta(
            "receipt-sentence",
            &[
                ("association", Arg::from(&self.association)),
                ("payer", Arg::from(&payer)),
                ("words", Arg::from(&words)),
                ("figures", Arg::from(&inline_figures)),
                ("date", Arg::from(&date)),
            ],
        ));
        let mut facts = vec![
            Fact::text(cat.t("receipt-received-from"), payer),
            Fact::number(cat.t("receipt-date"), date),
            Fact::text(cat.t("receipt-for"), self.description.clone()),
        ];
        if let Some(reference) = &self.reference {
            facts.push(Fact::number(cat.t("receipt-reference"), reference.clone()));
        }
        receipt.push(Block::Facts { facts });

        let mut amount = Section::new("amount", cat.t("receipt-amount"));
        amount.push(Block::Facts {
            facts: vec![
                Fact::number(cat.t("receipt-amount-figures"), figures),
                Fact::text(cat.t("receipt-amount-words"), words),
            ],
        });

        let mut proof = Section::new("proof", cat.t("receipt-proof"));
        let mut facts = vec![];
        match &self.seal {
            Some(seal) => {
                facts.push(Fact::number(
                    cat.t("receipt-seal"),
                    seal.fingerprint.clone(),
                ));
                facts.push(Fact::text(
                    cat.t("receipt-seal-covers"),
                    cat.ta("receipt-entries-1-to", &[("last", Arg::from(seal.covered))]),
                ));
                if !seal.signed_by.is_empty() {
                    facts.push(Fact::text(
                        cat.t("receipt-signed-by"),
                        seal.signed_by.join("; "),
                    ));
                }
            }
            None => {
                proof.notice(Level::Warning, cat.t("receipt-no-seal"));
            }
        }
        facts.push(Fact::number(
            cat.t("receipt-transaction"),
            self.transaction.to_string(),
        ));
        facts.push(Fact::number(
            cat.t("receipt-chain-entry"),
            self.seq.to_string(),
        ));
        facts.push(Fact::number(
            cat.t("receipt-entry-hash"),
            self.entry_hash.clone(),
        ));
        proof.push(Block::Facts { facts });
        // Before a seal covers the payment there is nothing to check it against.
        if self.seal.is_some() {
            proof.text(cat.t("receipt-how-to-check"));
            proof.push(Block::Facts {
                facts: vec![Fact::number(cat.t("receipt-command"), self.check.clone())],
            });
        }
        proof.text(cat.t("receipt-qr-holds"));

        let mut signature = Section::new("signature", cat.t("receipt-signature"));
        signature.text(cat.t("receipt-signature-hint"));

        Body {
            title: cat.t("receipt-title"),
            subtitle: Some(cat.ta(
                "receipt-number",
                &[("number", Arg::from(self.transaction.to_string()))],
            )),
            period: None,
            sections: vec![receipt, amount, proof, signature],
        }
    }

    /// The seal that covers the payment (not the ledger's last one), its QR code the proof's
    /// line of text; none when no seal covers the payment yet.
    fn seal_mark(&self, _head: &Head, cat: &Catalogue) -> Option<SealMark> {
        let seal = self.seal.as_ref()?;
        Some(SealMark {
            label: cat.t("receipt-seal"),
            fingerprint: seal.fingerprint.clone(),
            qr_svg: qr_svg(&self.qr),
            signed_by: seal.signed_by.join("; "),
        })
    }
}
