//! The checks of the chain itself, row by row in order: hashes and links, strict decoding,
//! the rules replayed through the [`Book`] every write obeys, seals and their signatures,
//! receipts, times, and the officers' decisions. Used on a ledger (with its tables compared
//! too, in [`super::projection`]) and on an audit bundle (in [`super::bundle`]).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::english::{self, Message};
use super::findings::{Finding, Findings, Problem, ProblemKind};
use super::{Anchor, DecisionSummary, Options, SealAnchor, SealSummary, VerifyReport};
use crate::chain::signing;
use crate::chain::{self, ChainEntry, GENESIS_PREV, Hash, Record};
use crate::domain::Currency;
use crate::files::receipts::{ReceiptStore, Status};
use crate::rules::Book;
use crate::rules::chain_order::{SealCommitment, clock_set_back};
use crate::store::LogRow;

/// How far in the future an entry's time may lie.
const FUTURE_SLACK_US: i64 = 24 * 3600 * 1_000_000;

/// The first instant at which `period_end` is over everywhere: the next day begins first at
/// UTC+14, fourteen hours before it begins in UTC.
fn period_over_us(period_end: chrono::NaiveDate) -> Option<i64> {
    let next = period_end.succ_opt()?.and_hms_opt(0, 0, 0)?;
    Some(next.and_utc().timestamp_micros() - 14 * 3600 * 1_000_000)
}

/// Checks log rows one by one, in order: hashes, links, decoding, rules, seals, receipts.
/// Used on a ledger (with the tables compared too) and on an audit bundle.
pub(super) struct ChainCheck<'a> {
    pub(super) findings: Findings,
    book: Book,
    base: Option<Currency>,
    /// entry id → seq of the chain entry that recorded it (index id - 1).
    pub(super) entry_seqs: HashMap<i64, i64>,
    expected_seq: i64,
    prev_chain: Hash,
    last_chain: Vec<u8>,
    entries: i64,
    transactions: i64,
    receipts: Option<&'a ReceiptStore>,
    /// Stored chain hash at each anchored seq.
    anchors_seen: BTreeMap<i64, Vec<u8>>,
    anchors: &'a [Anchor],
    seal_anchors: &'a [SealAnchor],
    /// For each published seal found: its seq, or why the chain before it is not the one
    /// it committed to.
    seals_found: HashMap<String, Result<i64, Finding>>,
    seals: Vec<SealSummary>,
    /// Seals whose content or a signature failed.
    bad_seals: HashSet<i64>,
    /// Seqs of the entries that record the books (all but seals and signatures), to tell
    /// how many are not yet vouched for.
    book_seqs: Vec<i64>,
    warnings: Vec<Problem>,
    /// What each decision entry says, by seq.
    decision_details: BTreeMap<i64, Message>,
    /// The latest entry time seen so far, and the clock entries are compared with.
    last_time: Option<i64>,
    now_us: i64,
    /// The first and last seq of the latest run of entries recorded in the future.
    future_run: Option<(i64, i64)>,
}

impl<'a> ChainCheck<'a> {
    pub(super) fn new(options: &'a Options, receipts: Option<&'a ReceiptStore>) -> Self {
        ChainCheck {
            findings: Findings {
                list: vec![],
                extra: 0,
            },
            book: Book::new(),
            base: None,
            entry_seqs: HashMap::new(),
            expected_seq: 1,
            prev_chain: GENESIS_PREV,
            last_chain: vec![],
            entries: 0,
            transactions: 0,
            receipts,
            anchors_seen: BTreeMap::new(),
            anchors: &options.anchors,
            seal_anchors: &options.seals,
            seals_found: HashMap::new(),
            seals: vec![],
            bad_seals: HashSet::new(),
            book_seqs: vec![],
            warnings: vec![],
            decision_details: BTreeMap::new(),
            last_time: None,
            future_run: None,
            now_us: options
                .now_us
                .unwrap_or_else(|| chrono::Utc::now().timestamp_micros()),
        }
    }

    /// Times are not evidence of tampering (they are what the writer's clock said), so what
    /// is odd about them is a warning: times going back, times in the future, a period closed
    /// before it ended.
    fn check_time(&mut self, e: &ChainEntry) {
        let mut found = vec![];
        if let Some(last) = self.last_time
            && clock_set_back(e.time_us, last)
        {
            found.push(Finding::TimeBackwards {
                time_us: e.time_us,
                last_us: last,
            });
        }
        if e.time_us > self.now_us.saturating_add(FUTURE_SLACK_US) {
            match self.future_run {
                // One warning for a run of entries in the future, not one per entry.
                Some((first, last)) if last + 1 == e.seq => {
                    self.future_run = Some((first, e.seq));
                    if let Some(w) = self
                        .warnings
                        .iter_mut()
                        .rev()
                        .find(|w| w.kind == ProblemKind::TimeFuture)
                    {
                        w.detail = Finding::TimeFutureRun {
                            first,
                            last: e.seq,
                            time_us: e.time_us,
                            now_us: self.now_us,
                        };
                    }
                }
                _ => {
                    self.future_run = Some((e.seq, e.seq));
                    found.push(Finding::TimeFuture {
                        time_us: e.time_us,
                        now_us: self.now_us,
                    });
                }
            }
        }
        // A closing or a seal that ends a period: the day it ends, and the warning if early.
        let early = match &e.record {
            Record::Entry(entry) => match &entry.header.kind {
                crate::domain::EntryKind::Closing { year, .. } => Some((
                    entry.header.date,
                    Finding::ClosedEarly {
                        year: *year,
                        end: entry.header.date,
                        time_us: e.time_us,
                    },
                )),
                _ => None,
            },
            Record::Seal(seal) => seal.period_end.map(|end| {
                (
                    end,
                    Finding::SealedEarly {
                        end,
                        time_us: e.time_us,
                    },
                )
            }),
            _ => None,
        };
        if let Some((end, finding)) = early
            && period_over_us(end).is_some_and(|over| e.time_us < over)
        {
            found.push(finding);
        }
        for finding in found {
            self.warnings.push(Problem::new(e.seq, finding));
        }
        self.last_time = Some(self.last_time.map_or(e.time_us, |t| t.max(e.time_us)));
    }

    /// Checks one row; returns the decoded entry when its bytes decode.
    pub(super) fn row(
        &mut self,
        row: &LogRow,
        body_at: &dyn Fn(i64) -> Option<Vec<u8>>,
    ) -> Option<ChainEntry> {
        let seq = row.seq;
        self.entries += 1;
        if seq > self.expected_seq {
            self.findings.add(
                self.expected_seq,
                Finding::EntriesMissing {
                    first: self.expected_seq,
                    last: seq - 1,
                },
            );
            // Check what follows on its own merits, not as "out of sequence".
            self.book.skip_missing(seq - self.expected_seq);
        } else if seq < self.expected_seq {
            self.findings.add(
                seq,
                Finding::RowOutOfOrder {
                    seq,
                    after: self.expected_seq - 1,
                },
            );
        }
        if self.anchors.iter().any(|a| a.seq == seq) {
            self.anchors_seen.insert(seq, row.chain.clone());
        }

        // 1. Hashes and links, from the stored bytes; each check on its own.
        let computed = chain::entry_hash(&row.body);
        let prev = chain::hash_from(&row.prev);
        if row.entry_hash != computed {
            if row.chain == chain::chain_hash(seq, &prev, &computed) {
                self.findings.add(
                    seq,
                    Finding::EntryHashEdited {
                        stored: row.entry_hash.clone(),
                        computed,
                    },
                );
            } else {
                self.findings.add(
                    seq,
                    Finding::ContentModified {
                        stored: row.entry_hash.clone(),
                        computed,
                    },
                );
            }
        }
        let from_stored = chain::chain_hash(seq, &prev, &chain::hash_from(&row.entry_hash));
        let from_body = chain::chain_hash(seq, &prev, &computed);
        if row.chain != from_stored && row.chain != from_body {
            self.findings.add(
                seq,
                Finding::ChainHashEdited {
                    stored: row.chain.clone(),
                    expected: from_body,
                },
            );
        }
        if row.prev != self.prev_chain {
            self.findings.add(
                seq,
                Finding::LinkBroken {
                    link: row.prev.clone(),
                    previous: self.prev_chain,
                },
            );
        }
        self.prev_chain = chain::hash_from(&row.chain);
        self.last_chain = row.chain.clone();
        // A row out of order (only in a bundle) does not move the expected position.
        self.expected_seq = self.expected_seq.max(seq.saturating_add(1));

        // 2. Decode strictly; re-encode.
        let decoded = match ChainEntry::decode(&row.body, self.base.as_ref()) {
            Ok(e) => e,
            Err(e) => {
                self.findings.add(seq, Finding::Undecodable { error: e });
                let numbered = self.book.next_entry_id();
                self.book.skip(None, &row.kind);
                if self.book.next_entry_id() != numbered {
                    // Its table rows, if any, are reported at this entry.
                    self.entry_seqs.entry(numbered.0).or_insert(seq);
                }
                // Still a leaf of the Merkle tree and a link of the chain, and an entry of the
                // books unless its row says it was a seal or a signature.
                self.book
                    .appended(seq, &computed, &chain::hash_from(&row.chain));
                if !matches!(row.kind.as_str(), "seal" | "signature") {
                    self.book_seqs.push(seq);
                }
                return None;
            }
        };
        self.check_time(&decoded);
        if decoded.seq != seq {
            self.findings.add(
                seq,
                Finding::EntryMisplaced {
                    row: seq,
                    recorded: decoded.seq,
                },
            );
        }
        if decoded.encode() != row.body {
            self.findings.add(seq, Finding::NonCanonical);
        }
        if row.kind != decoded.record.kind() {
            self.findings.add(
                seq,
                Finding::KindColumn {
                    row: seq,
                    column: row.kind.clone(),
                    entry: decoded.record.kind(),
                },
            );
        }
        if let Record::Ledger(info) = &decoded.record
            && self.base.is_none()
        {
            self.base = Some(info.currency.clone());
        }

        // A published seal: the chain before it must be the one it committed to (checked
        // here, before the seal is admitted, against the replayed head and Merkle root).
        if let Record::Seal(seal) = &decoded.record {
            let fingerprint = signing::fingerprint(&computed);
            if self
                .seal_anchors
                .iter()
                .any(|a| a.fingerprint == fingerprint)
            {
                // The rule the book applies when it admits the seal, asked before it does:
                // the seal may be refused first for another reason.
                let found = match self.book.seal_commitment(seq, seal) {
                    SealCommitment::Holds => Ok(seq),
                    SealCommitment::HeadDiffers
                    | SealCommitment::MerkleRootDiffers
                    | SealCommitment::NotReplayed => Err(Finding::PublishedSealRewritten {
                        fingerprint: fingerprint.clone(),
                        seq,
                        head: seal.head,
                        covered: seal.covered,
                    }),
                };
                self.seals_found.entry(fingerprint).or_insert(found);
            }
        }

        // 3. The rules (signatures and seal contents included).
        let original = decoded.record.refers_to().and_then(|id| {
            let body = body_at(*self.entry_seqs.get(&id.0)?)?;
            match ChainEntry::decode(&body, self.base.as_ref()).ok()?.record {
                Record::Entry(e) => Some(e),
                _ => None,
            }
        });
        match self.book.admit(&decoded, original.as_ref()) {
            Ok(_) => self
                .book
                .appended(seq, &computed, &chain::hash_from(&row.chain)),
            Err(problems) => {
                for rule in problems {
                    let finding = Finding::Rule {
                        record: decoded.record.kind(),
                        rule,
                    };
                    match (&decoded.record, finding.kind()) {
                        (Record::Signature(sig), ProblemKind::BadSignature) => {
                            self.bad_seals.insert(sig.seal);
                        }
                        (Record::Seal(_), ProblemKind::SealMismatch) => {
                            self.bad_seals.insert(seq);
                        }
                        _ => {}
                    }
                    self.findings.add(seq, finding);
                }
                self.book.skip(Some(&decoded), decoded.record.kind());
                self.book
                    .appended(seq, &computed, &chain::hash_from(&row.chain));
            }
        }
        if !matches!(decoded.record, Record::Seal(_) | Record::Signature(_)) {
            self.book_seqs.push(seq);
        }
        if let Some(detail) = decision_detail(&decoded.record) {
            self.decision_details.insert(seq, detail);
        }
        match &decoded.record {
            Record::Entry(e) => {
                self.transactions += 1;
                self.entry_seqs.entry(e.id().0).or_insert(seq);
            }
            Record::Seal(seal) => self.seals.push(SealSummary {
                seq,
                fingerprint: signing::fingerprint(&computed),
                covered: seal.covered,
                period_end: seal.period_end.map(crate::domain::format_date),
                signed_by: vec![],
                valid: true,
            }),
            Record::Signature(sig) => {
                // (A signature refused as a second one by the same officer is not listed again.)
                if let Some(summary) = self.seals.iter_mut().find(|s| s.seq == sig.seal)
                    && self
                        .book
                        .seal(sig.seal)
                        .is_some_and(|(_, signers)| signers.contains(&sig.officer))
                    && !summary
                        .signed_by
                        .iter()
                        .any(|o| *o == sig.officer.to_string())
                {
                    summary.signed_by.push(sig.officer.to_string());
                }
            }
            Record::Receipt(r) => {
                if let Some(store) = self.receipts {
                    let path = store.path_of(&r.sha256);
                    let status = store.check(&r.sha256, u64::try_from(r.size).ok());
                    match status {
                        Status::Present => {}
                        Status::Missing => self.findings.add(
                            seq,
                            Finding::ReceiptMissing {
                                file_name: r.file_name.clone(),
                                transaction: r.entry,
                                path,
                            },
                        ),
                        Status::Altered | Status::WrongSize | Status::NotAFile(_) => {
                            self.findings.add(
                                seq,
                                Finding::ReceiptAltered {
                                    file_name: r.file_name.clone(),
                                    transaction: r.entry,
                                    path,
                                    status,
                                    size: r.size,
                                    sha256: r.sha256,
                                },
                            )
                        }
                    }
                }
            }
            _ => {}
        }
        Some(decoded)
    }

    pub(super) fn finish(mut self, rows_checked: u64) -> VerifyReport {
        if self.entries == 0 {
            self.findings.add(0, Finding::Empty);
        }
        if let Some((seq, remaining)) = self.book.open_import() {
            self.findings
                .add(seq, Finding::ImportTruncated { seq, remaining });
        }
        let mut anchored_through = 0;
        for a in self.anchors {
            match self.anchors_seen.get(&a.seq) {
                None => self.findings.add(
                    a.seq,
                    Finding::AnchorMissing {
                        seq: a.seq,
                        head: a.head.clone(),
                        entries: self.entries,
                    },
                ),
                Some(chain) if hex::encode(chain) != a.head => self.findings.add(
                    a.seq,
                    Finding::AnchorRewritten {
                        seq: a.seq,
                        chain: chain.clone(),
                        published: a.head.clone(),
                    },
                ),
                Some(_) => anchored_through = anchored_through.max(a.seq),
            }
        }
        for a in self.seal_anchors {
            match self.seals_found.get(&a.fingerprint) {
                Some(Ok(seq)) => anchored_through = anchored_through.max(*seq),
                Some(Err(finding)) => {
                    let seq = self
                        .seals
                        .iter()
                        .find(|s| s.fingerprint == a.fingerprint)
                        .map_or(0, |s| s.seq);
                    self.findings.add(seq, finding.clone());
                }
                None => self.findings.add(
                    0,
                    Finding::SealAnchorMissing {
                        fingerprint: a.fingerprint.clone(),
                        entries: self.entries,
                    },
                ),
            }
        }
        for s in &mut self.seals {
            s.valid = !self.bad_seals.contains(&s.seq);
        }
        let signed_through = self
            .seals
            .iter()
            .filter(|s| s.valid && !s.signed_by.is_empty())
            .map(|s| s.covered)
            .max()
            .unwrap_or(0);
        let mut problems = self.findings.list;
        problems.sort_by_key(|p| p.seq);
        if self.findings.extra > 0 {
            problems.push(Problem::new(
                0,
                Finding::More {
                    count: self.findings.extra,
                },
            ));
        }
        VerifyReport {
            ok: problems.is_empty(),
            entries: self.entries,
            head: if self.last_chain.is_empty() {
                hex::encode(GENESIS_PREV)
            } else {
                hex::encode(&self.last_chain)
            },
            problems,
            transactions: self.transactions,
            rows_checked,
            signed_through,
            anchored_through,
            unanchored: {
                let vouched = signed_through.max(anchored_through);
                self.book_seqs.iter().filter(|s| **s > vouched).count() as i64
            },
            seals: self.seals,
            decisions: self
                .book
                .governance()
                .decisions()
                .map(|(seq, d)| DecisionSummary {
                    seq: *seq,
                    kind: d.decision.kind().to_string(),
                    detail: self
                        .decision_details
                        .get(seq)
                        .map(english::render)
                        .unwrap_or_default(),
                    message: self.decision_details.get(seq).cloned(),
                    signed_by: d.signers.iter().map(ToString::to_string).collect(),
                    in_effect: d.effective_at.is_some(),
                    void: d.void_at.is_some(),
                })
                .collect(),
            warnings: self.warnings,
        }
    }
}

/// What a decision entry decides, as a message (for the summary).
fn decision_detail(record: &Record) -> Option<Message> {
    let m = Message::new;
    Some(match record {
        Record::Officer(o) => m("decision-officer")
            .text("officer", &o.id)
            .text("role", o.role),
        Record::Entry(e) => match &e.header.kind {
            crate::domain::EntryKind::Closing { year, .. } => {
                m("decision-closing").int("year", i64::from(*year))
            }
            _ => return None,
        },
        Record::Lock(l) => m("decision-lock")
            .text("through", l.through)
            .text("reason", &l.reason),
        Record::Reopen(r) => m("decision-reopen")
            .int("year", i64::from(r.year))
            .text("reason", &r.reason),
        Record::Revocation(v) => m("decision-revocation")
            .text("officer", &v.officer)
            .text("reason", &v.reason),
        Record::Policy(p) => m("decision-policy").int("quorum", p.quorum),
        _ => return None,
    })
}
