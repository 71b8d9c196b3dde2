//! `amana demo`: builds the ledger of a fictional Marrakech association from the example
//! shipped in `examples/khotwa/` (compiled into the binary), the way a treasurer would: chart,
//! accounts, funders, grants and budget lines, two years of imported journal, one reversal.

use std::path::{Path, PathBuf};

use crate::app::allocate::AllocateOutcome;
use crate::app::close::CloseOutcome;
use crate::app::decisions::SealOutcome;
use crate::app::demo_funds::{self, DemoAsset};
use crate::app::periods::{CloseError, CloseRequest};
use crate::app::seal::BankRequest;
use crate::app::setup::{AccountRequest, FunderRequest};
use crate::app::{
    BudgetLineRequest, GrantRequest, ImportOutcome, InitRequest, Ledger, LedgerError, Refusal,
};
use crate::domain::{
    AccountCode, Currency, EntryId, FiscalStart, FunderId, GrantId, LineId, OfficerId, parse_date,
};
use crate::files::keys::{self, PrivateKey};
use crate::rules::Warning;
use crate::store::{JournalFilter, Store};
use crate::verify::{self, VerifyReport};

pub const NAME: &str = "جمعية خطوة / Association Khotwa";

/// The demo ledger's identity: fixed, so `amana demo` only ever replaces a ledger it made
/// itself (a ledger made with `init` gets an identity of its own, whatever its name).
pub fn demo_id() -> Vec<u8> {
    crate::chain::sha256(b"amana demo ledger: Association Khotwa")[..16].to_vec()
}

const ACCOUNTS: &str = include_str!("../../examples/khotwa/accounts.csv");
const FUNDERS: &str = include_str!("../../examples/khotwa/funders.csv");
const GRANTS: &str = include_str!("../../examples/khotwa/grants.csv");
const BUDGET: &str = include_str!("../../examples/khotwa/budget.csv");
const REVERSALS: &str = include_str!("../../examples/khotwa/reversals.csv");
const JOURNALS: [(&str, &str); 2] = [
    (
        "transactions-2025.csv",
        include_str!("../../examples/khotwa/transactions-2025.csv"),
    ),
    (
        "transactions-2026.csv",
        include_str!("../../examples/khotwa/transactions-2026.csv"),
    ),
];

/// What the demo built.
pub struct DemoOutcome {
    pub ledger: PathBuf,
    pub accounts_added: usize,
    pub funders: usize,
    pub grants: usize,
    pub budget_lines: usize,
    pub imports: Vec<ImportOutcome>,
    pub reversals: Vec<(i64, i64)>,
    pub warnings: Vec<Warning>,
    /// The officers' key files (private keys: a real association keeps them off this computer).
    pub keys: Vec<PathBuf>,
    pub closing: CloseOutcome,
    /// The equipment registered as fixed assets.
    pub assets: Vec<DemoAsset>,
    /// The general assembly's allocation of 2025's result.
    pub allocation: AllocateOutcome,
    pub seal: SealOutcome,
    /// A member's receipt with its inclusion proof.
    pub member_receipt: PathBuf,
    /// The transaction the member's receipt is for.
    pub member_receipt_transaction: i64,
    pub verify: VerifyReport,
}

fn rows(text: &str) -> Vec<csv::StringRecord> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("the example files are valid CSV"))
        .collect()
}

fn opt(s: &str) -> Option<String> {
    Some(s.trim().to_string()).filter(|s| !s.is_empty())
}

/// Removes a previous demo ledger at `path`, refusing to touch any other file.
/// Removes the ledger of an earlier demo in the same folder. A folder that holds anything
/// else is refused: the demo writes its files there, and never over someone's own.
fn clear_previous(out: &Path, path: &Path) -> Result<(), LedgerError> {
    if !path.exists() {
        let has_files = std::fs::read_dir(out)
            .map(|mut d| d.next().is_some())
            .unwrap_or(false);
        if has_files {
            return Err(Refusal::DemoFolderNotEmpty {
                dir: out.to_path_buf(),
            }
            .into());
        }
        return Ok(());
    }
    let is_demo = Store::open_read_only(path)
        .and_then(|s| s.ledger_info())
        .is_ok_and(|info| info.id == demo_id());
    if !is_demo {
        return Err(Refusal::DemoWouldOverwrite {
            path: path.to_path_buf(),
        }
        .into());
    }
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let p = PathBuf::from(p);
        if p.exists() {
            std::fs::remove_file(&p).map_err(|source| LedgerError::Io { path: p, source })?;
        }
    }
    Ok(())
}

pub fn run(out: &Path, actor: &str, today: chrono::NaiveDate) -> Result<DemoOutcome, LedgerError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| LedgerError::Io { path, source }
    };
    std::fs::create_dir_all(out).map_err(io(out))?;
    let path = out.join("amana.db");
    clear_previous(out, &path)?;

    let (mut ledger, _) = Ledger::init(
        &path,
        InitRequest {
            name: NAME.into(),
            currency: Currency::iso("MAD")?,
            chart: "ma-associations".into(),
            fiscal_start: FiscalStart::CALENDAR,
            id: Some(demo_id()),
        },
        actor,
    )?;
    let mut warnings = vec![];

    let accounts = rows(ACCOUNTS);
    for r in &accounts {
        ledger.add_account(AccountRequest {
            code: AccountCode::parse(&r[0])?,
            name: r[2].into(),
            kind: Some(r[1].parse()?),
            labels: vec![("ar".into(), r[3].to_string())],
        })?;
    }
    let funders = rows(FUNDERS);
    for r in &funders {
        ledger.add_funder(FunderRequest {
            id: FunderId::parse(&r[0])?,
            name: r[1].into(),
            kind: r[2].parse()?,
            country: opt(&r[3]),
        })?;
    }
    let grants = rows(GRANTS);
    for r in &grants {
        ledger.add_grant(GrantRequest {
            id: GrantId::parse(&r[0])?,
            funder: FunderId::parse(&r[1])?,
            amount: r[2].into(),
            currency: opt(&r[3]),
            start: parse_date(&r[4])?,
            end: parse_date(&r[5])?,
            restricted: &r[6] == "yes",
            purpose: opt(&r[7]),
        })?;
    }
    // The EU agreement budgets in euros: its terms and the rate table come before its lines.
    demo_funds::eu_grant_in_euros(&mut ledger)?;
    let budget = rows(BUDGET);
    for r in &budget {
        ledger.add_budget_line(BudgetLineRequest {
            grant: GrantId::parse(&r[0])?,
            line: LineId::parse(&r[1])?,
            label: r[2].into(),
            amount: r[3].into(),
            account: opt(&r[4]).as_deref().map(AccountCode::parse).transpose()?,
        })?;
    }

    // The treasurer and the president each hold a signing key (here beside the demo ledger;
    // a real association keeps them on the officers' own USB keys).
    let key_dir = out.join("keys");
    std::fs::create_dir_all(&key_dir).map_err(io(&key_dir))?;
    let mut key_files = vec![];
    for (id, name, role, file) in [
        (
            "fatima",
            "Fatima Zahra El Idrissi",
            "treasurer",
            "tresoriere.pem",
        ),
        ("ahmed", "Ahmed Benali", "president", "president.pem"),
    ] {
        let path = key_dir.join(file);
        if !(path.exists() && keys::public_path(&path).exists()) {
            PrivateKey::generate(&path).map_err(Refusal::Key)?;
        }
        ledger.add_officer(
            &OfficerId::parse(id)?,
            name,
            role.parse()?,
            &keys::public_path(&path),
            &[],
        )?;
        key_files.push(path);
    }

    // The journals are imported from files beside the ledger, as a treasurer would; the first
    // fiscal year is closed, sealed and signed by both officers before the second is recorded.
    let mut imports = vec![];
    let mut closing = None;
    let mut assets = vec![];
    for (name, content) in JOURNALS {
        let file = out.join(name);
        // Over the file of an earlier demo, if any (the folder holds nothing else).
        crate::files::write_new(&file, content.as_bytes(), true)?;
        let outcome = ledger.import(&file, false, false, None)?;
        warnings.extend(outcome.warnings.clone());
        imports.push(outcome);
        if closing.is_none() {
            // A supporting document of the first transaction, kept by its hash.
            let invoice = out.join("quittance-loyer-2025-01.txt");
            crate::files::write_new(
                &invoice,
                b"Quittance de loyer, janvier 2025, local associatif de Derb Dabachi\n",
                true,
            )?;
            ledger.attach_receipts(EntryId(2), &[invoice])?;
            // The equipment bought on grants in 2025: fixed assets, depreciated through the
            // year's end, their grants carried as investment subsidies; then the closing, on the
            // chart's accounts (dedicated funds 1561, the result 1191 or 1199).
            assets.extend(demo_funds::register_equipment(
                &mut ledger,
                "2025-01-01",
                "2025-12-31",
                parse_date("2025-12-31")?,
            )?);
            closing = Some(
                ledger
                    .close_year(CloseRequest {
                        year: 2025,
                        unrestricted_account: None,
                        deficit_account: None,
                        dedicated_account: None,
                        charge_account: None,
                        release_account: None,
                        key_files: key_files.clone(),
                        today,
                    })
                    .map_err(|e| match e {
                        CloseError::Ledger(e) => e,
                        other => Refusal::DemoStep {
                            step: "close 2025".into(),
                            reason: other.to_string(),
                        }
                        .into(),
                    })?,
            );
        }
    }

    // 2026: its equipment registered and everything depreciated through October; the general
    // assembly of June allocates 2025's result.
    assets.extend(demo_funds::register_equipment(
        &mut ledger,
        "2026-01-01",
        "2026-12-31",
        parse_date("2026-10-31")?,
    )?);
    let allocation = demo_funds::allocate_2025(&mut ledger)?;

    let mut reversals = vec![];
    let info = ledger.info()?;
    for r in rows(REVERSALS) {
        let filter = JournalFilter::default();
        let journal = crate::report::journal(ledger.store(), &info, &filter)?;
        let target = journal
            .transactions
            .iter()
            .find(|t| t.reference.as_deref() == Some(&r[0]) && t.reverses.is_none())
            .map(|t| EntryId(t.id))
            .ok_or_else(|| Refusal::DemoReferenceMissing {
                reference: r[0].to_string(),
            })?;
        let date = parse_date(&r[1])?;
        let written = ledger.reverse(target, Some(date), &r[2])?;
        reversals.push((target.0, written.entry.map_or(0, |e| e.0)));
    }

    // A correction of the set-up: the INDH project was extended by an amendment.
    ledger.amend_grant(crate::app::amendments::GrantAmendmentRequest {
        grant: GrantId::parse("INDH-2025")?,
        effective: parse_date("2026-06-15")?,
        amount: Some("265000.00".into()),
        end: Some(parse_date("2026-12-31")?),
        reason: "Avenant n°1 : prolongation de quatre mois et tranche complémentaire".into(),
    })?;

    // The same amendment raises the project's training line; a line of the 2025 operating
    // grant that was never to be used again is withdrawn once that grant ended.
    ledger.amend_budget_line(crate::app::amendments::BudgetLineAmendmentRequest {
        grant: GrantId::parse("INDH-2025")?,
        line: LineId::parse("training")?,
        effective: parse_date("2026-06-15")?,
        amount: Some("75000.00".into()),
        withdraw: false,
        reason: "Avenant n°1 : tranche complémentaire affectée à la formation".into(),
    })?;
    ledger.amend_budget_line(crate::app::amendments::BudgetLineAmendmentRequest {
        grant: GrantId::parse("CMM-2025")?,
        line: LineId::parse("communication")?,
        effective: parse_date("2026-01-01")?,
        amount: None,
        withdraw: true,
        reason: "Subvention 2025 soldée".into(),
    })?;

    // A funder that changed its name: the listings show the new one, the log the old.
    ledger.rename_funder(
        &FunderId::parse("FDN")?,
        "Fondation Atlas pour l'Éducation et la Culture",
        "Nouvelle dénomination statutaire (AG de la fondation, mai 2026)",
    )?;

    // Corrections of the chart: the project's bank account takes the name the bank gives it,
    // and an account of the template that an association without trade never uses is retired.
    ledger.rename_account(
        &AccountCode::parse("51412")?,
        "Banque Populaire - compte projet UE",
        None,
        "Intitulé du relevé bancaire",
    )?;
    ledger.retire_account(
        &AccountCode::parse("6111")?,
        parse_date("2026-01-01")?,
        "Sans objet : l'association n'achète pas de marchandises",
    )?;

    // Where income comes from without a grant: members' dues named with their funder; and
    // volunteer hours, in kind, on memorandum accounts (never money, never the result).
    let post = |account: &str, amount: &str, funder: Option<&str>| {
        Ok::<_, LedgerError>(crate::app::PostingRequest {
            amount: Some(amount.to_string()),
            funder: funder.map(FunderId::parse).transpose()?,
            ..crate::app::PostingRequest::to(AccountCode::parse(account)?)
        })
    };
    ledger.record(crate::app::RecordRequest {
        date: parse_date("2026-11-28")?,
        description: "Cotisations annuelles 2026 – reçus n° 050 à 052".into(),
        reference: Some("BQ-2026-091".into()),
        postings: vec![
            post("51411", "600.00", None)?,
            post("75868", "-600.00", Some("MEMBERS"))?,
        ],
        receipts: vec![],
        today: Some(today),
    })?;
    ledger.in_kind(crate::app::sources::InKindRequest {
        date: parse_date("2026-10-31")?,
        kind: crate::app::sources::InKindKind::Volunteering,
        value: crate::app::sources::InKindValue::Hours {
            hours: "120".into(),
            rate: "50.00".into(),
        },
        description: "Animation bénévole du soutien scolaire, octobre 2026".into(),
        funder: None,
        use_account: None,
        resource_account: None,
    })?;

    // The ledger's time zone for its reports, recorded as a treasurer would (it is the
    // Moroccan chart's default: the figures and times do not change).
    crate::app::settings::set(&mut ledger, "timezone", "Africa/Casablanca")?;

    // Organisation identifiers, so that the IATI and 360Giving exports can name the
    // association and the funders of its grants. Made up, but shaped as real ones are: an
    // association without a register IATI lists gets an IATI-assigned one (XI-IATI), the EU
    // institutions their OECD DAC code, Moroccan public bodies the Moroccan chart of accounts'
    // list (MA-COA), the foundation one from IATI too.
    crate::app::settings::set(&mut ledger, "org-id", "XI-IATI-KHOTWA-MA")?;
    for (funder, org_id) in [
        ("CMM", "MA-COA-MRK-MEDINA"),
        ("INDH", "MA-COA-INDH"),
        ("EU", "XM-DAC-918"),
        ("FDN", "XI-IATI-FDN-ATLAS"),
    ] {
        ledger.identify_funder(&FunderId::parse(funder)?, org_id)?;
    }

    // A seal of everything recorded so far, with the bank balances as the statements give
    // them, signed by the treasurer; then a member's receipt that proves inclusion in it.
    let report = crate::report::balance(
        ledger.store(),
        &info,
        &crate::store::BalanceFilter::default(),
    )?;
    let balance = |code: &str| {
        report
            .accounts
            .iter()
            .find(|a| a.code == code)
            .map_or_else(|| "0.00".to_string(), |a| a.balance.clone())
    };
    let banks = [
        ("51411", "Relevé BP compte courant n° 11/2026"),
        ("51412", "Relevé BP compte projet UE n° 11/2026"),
    ]
    .iter()
    .map(|(account, statement)| {
        Ok(BankRequest {
            account: AccountCode::parse(account)?,
            amount: balance(account),
            statement: statement.to_string(),
        })
    })
    .collect::<Result<Vec<_>, LedgerError>>()?;
    let seal = ledger.seal(None, &banks, &key_files[..1], today)?;
    let dues_filter = JournalFilter {
        account: Some("75868".into()),
        ..JournalFilter::default()
    };
    let dues = crate::report::journal(ledger.store(), &info, &dues_filter)?
        .transactions
        .last()
        .map_or(1, |t| t.id);
    let receipt = ledger.member_receipt(EntryId(dues))?;
    let member_receipt = out.join(format!("recu-membre-{dues}.json"));
    crate::files::write_new(
        &member_receipt,
        serde_json::to_string_pretty(&receipt)
            .expect("JSON")
            .as_bytes(),
        true,
    )?;

    let verify = verify::verify(ledger.store())?;
    Ok(DemoOutcome {
        ledger: path,
        accounts_added: accounts.len(),
        funders: funders.len(),
        grants: grants.len(),
        budget_lines: budget.len(),
        imports,
        reversals,
        warnings,
        keys: key_files,
        closing: closing.expect("the first journal is followed by its closing"),
        assets,
        allocation,
        seal,
        member_receipt,
        member_receipt_transaction: dues,
        verify,
    })
}
