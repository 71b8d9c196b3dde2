//! The command line: clap types, and their conversion into the ledger's typed requests.
//! Nothing here computes or touches SQL; `main.rs` prints and maps errors to exit codes.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use amana::app::PostingRequest;

#[derive(Debug, Parser)]
#[command(
    name = "amana",
    version,
    about = "A financial governance ledger for small associations: double-entry books per funder, grant and budget line, with a tamper-evident audit chain.",
    after_help = "Exit status: 0 success; 1 verify found a problem; 2 invalid input, usage error or refused operation (nothing was changed); 3 environment error (file missing, not a ledger, database locked).\n\nStart with `amana demo`, then `amana --ledger amana-demo/amana.db balance`."
)]
pub struct Cli {
    /// The ledger file
    #[arg(long, global = true, env = "AMANA_LEDGER", default_value = "amana.db")]
    pub ledger: PathBuf,

    /// Who is acting, recorded in the audit chain (default: your login name)
    #[arg(long, global = true, env = "AMANA_ACTOR")]
    pub actor: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct FormatArg {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new ledger file (never overwrites one)
    #[command(
        after_help = "Example:\n  amana init --name \"جمعية خطوة / Association Khotwa\" --currency MAD --chart ma-associations"
    )]
    Init {
        /// The association's name, in any script
        #[arg(long)]
        name: String,
        /// Base currency (ISO 4217), in which every posting is kept
        #[arg(long)]
        currency: String,
        /// Chart of accounts to start from: ma-associations (Moroccan CGNC, French and draft Arabic names), generic (English nonprofit chart), none
        #[arg(long)]
        chart: String,
        /// First day of the fiscal year, MM-DD
        #[arg(long, default_value = "01-01")]
        fiscal_year_start: String,
    },
    /// Accounts of the chart
    #[command(subcommand)]
    Account(AccountCommand),
    /// Funders: who gives money
    #[command(subcommand)]
    Funder(FunderCommand),
    /// Grants and their budget lines
    #[command(subcommand)]
    Grant(GrantCommand),
    /// Record one transaction
    #[command(
        after_help = "Each --post is \"ACCOUNT AMOUNT [grant=ID] [line=ID] [orig=AMOUNT:CURRENCY] [memo=TEXT...]\".\n\
Debits are positive, credits negative. One posting may leave its amount out: it takes what balances the others.\n\
memo= takes the rest of the posting text.\n\n\
Examples:\n  amana record --date 2026-02-13 --desc \"Salle et pauses-café, session 1\" --ref FAC-0213 \\\n      --post \"6126 4500.00 grant=CMM-2026 line=training\" --post \"5141\"\n  amana record --date 2026-03-02 --desc \"Versement UE, tranche 1\" \\\n      --post \"5141 291600.00 orig=27000.00:EUR\" --post \"7161 -291600.00 grant=EU-2025 orig=-27000.00:EUR\""
    )]
    Record {
        /// Date of the transaction, YYYY-MM-DD
        #[arg(long)]
        date: String,
        /// What it is, in any language
        #[arg(long = "desc", alias = "description")]
        description: String,
        /// Piece number: invoice, receipt or bank statement reference
        #[arg(long = "ref", alias = "reference")]
        reference: Option<String>,
        /// A posting (repeat for each); see below
        #[arg(long = "post", required = true, value_name = "POSTING")]
        postings: Vec<String>,
        /// A supporting document (invoice, receipt, bank slip), kept by its hash (repeatable)
        #[arg(long = "receipt", value_name = "FILE")]
        receipts: Vec<PathBuf>,
    },
    /// Import transactions from a CSV file, all or nothing
    #[command(
        after_help = "Columns (by name, any order): txn, date, description, account, amount; optional: grant, line, reference, memo, original_amount, original_currency.\n\
Consecutive rows with the same txn form one transaction.\n\nExamples:\n  amana import releve-2026-03.csv --dry-run\n  amana import releve-2026-03.csv"
    )]
    Import {
        /// The CSV file
        file: PathBuf,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Import a file that was already imported (refused otherwise)
        #[arg(long)]
        force: bool,
    },
    /// Correct a transaction by recording its exact opposite (nothing is ever edited)
    #[command(
        after_help = "Without --date the reversal takes the date of the transaction it reverses, so that the correction lands in the same month, year and grant period; when that period is locked (closed), give a date in the open period with --date.\n\n\
Examples:\n  amana reverse 42 --reason \"montant erroné\"\n  amana reverse 42 --date 2026-03-01 --reason \"doublon, trouvé après la clôture\"\nThen record the correct transaction."
    )]
    Reverse {
        /// Number of the transaction to reverse
        id: i64,
        /// Date of the reversal, YYYY-MM-DD (default: the reversed transaction's date, when its period is open)
        #[arg(long)]
        date: Option<String>,
        /// Why, recorded in the audit chain
        #[arg(long)]
        reason: String,
    },
    /// Balance of each account (debits positive, credits negative)
    #[command(
        after_help = "Examples:\n  amana balance\n  amana balance --as-of 2025-12-31\n  amana balance --grant CMM-2026 --format json"
    )]
    Balance {
        /// Only postings dated on or before this day
        #[arg(long)]
        as_of: Option<String>,
        /// Only postings charged to this grant
        #[arg(long)]
        grant: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Transactions with their postings
    #[command(
        after_help = "Examples:\n  amana journal --from 2026-01-01 --to 2026-03-31\n  amana journal --account 61 --grant CMM-2026\n  amana journal --format csv > export.csv   (the import format)"
    )]
    Journal {
        /// From this date, inclusive
        #[arg(long)]
        from: Option<String>,
        /// Up to this date, inclusive
        #[arg(long)]
        to: Option<String>,
        /// Transactions with a posting to this account or its sub-accounts (code prefix)
        #[arg(long)]
        account: Option<String>,
        /// Transactions with a posting charged to this grant
        #[arg(long)]
        grant: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// The audit chain: every change ever made, in order
    Log {
        /// Only entries of this kind (ledger, account, funder, grant, budget-line, import, transaction, reversal)
        #[arg(long)]
        kind: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Prove the ledger intact: every hash, link, rule, seal, signature, receipt and table row (exit 1 if not)
    #[command(
        after_help = "Opens the ledger read-only. Exit status 0 when intact, 1 when anything is wrong.\n\
--anchor takes a head published outside the ledger (ENTRIES:HEAD, as verify printed them): the ledger must still extend it.\n\
--seal takes a seal's fingerprint as published (the general assembly's report): the ledger must hold that seal, and the history before it must be the one it sealed.\n\
--ledger may name an audit bundle's folder: it is verified as with --bundle.\n\n\
Examples:\n  amana verify --format json\n  amana verify --anchor 1042:458e9e52d1e5f184cd5bd6cf274d1c840f8f2cb761d91f38fd6e59601cfa98fe\n  amana verify --seal 7W69-RMDN-9JJF-8F5W\n  amana verify --bundle audit-2025/"
    )]
    Verify {
        /// A published head ENTRIES:HEAD that the ledger must extend (repeatable)
        #[arg(long = "anchor", value_name = "ENTRIES:HEAD")]
        anchors: Vec<String>,
        /// A published seal fingerprint that the ledger must hold, unchanged (repeatable)
        #[arg(long = "seal", value_name = "FINGERPRINT")]
        seals: Vec<String>,
        /// Verify an audit bundle (from `amana export audit`) instead of a ledger file
        #[arg(long, value_name = "DIR")]
        bundle: Option<PathBuf>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Officers' keys: make one (the private key never enters the ledger)
    #[command(subcommand)]
    Key(KeyCommand),
    /// Officers who sign seals (treasurer, president, auditor, ...)
    #[command(subcommand)]
    Officer(OfficerCommand),
    /// Seal the books: a signed checkpoint of the chain, its Merkle root, balances and grant totals
    #[command(
        after_help = "The last line of the output is the seal's fingerprint: print it in the report, read it aloud at the general assembly.\n\
--month or --through name the period the seal reports on: each --bank statement balance is compared with the books as of\n\
its last day (entries dated later do not count). A seal locks nothing: locking is the officers' decision (amana close, amana lock).\n\
The trial balance and grant totals in the seal are those of everything recorded when it is made.\n\n\
Examples:\n  amana seal --month 2026-03 --bank \"51411=100870.19@Relevé BP n° 03/2026\" --sign tresoriere.pem\n  amana seal --sign tresoriere.pem --sign president.pem"
    )]
    Seal {
        /// The month YYYY-MM the seal reports on (bank statements are compared as of its last day)
        #[arg(long, conflicts_with = "through")]
        month: Option<String>,
        /// The last day YYYY-MM-DD of the period the seal reports on
        #[arg(long)]
        through: Option<String>,
        /// A bank closing balance ACCOUNT=AMOUNT@STATEMENT, checked against the books (repeatable)
        #[arg(long = "bank", value_name = "ACCOUNT=AMOUNT@STATEMENT")]
        banks: Vec<String>,
        /// Sign with this officer's private key file (repeatable)
        #[arg(long = "sign", value_name = "KEYFILE")]
        sign: Vec<PathBuf>,
    },
    /// Add an officer's signature to a seal or a decision (a lock, a reopening, a revocation, a policy), in the ledger or from an audit bundle
    #[command(
        after_help = "A decision takes effect once as many officers as the ledger's policy says have signed it.
\
With the ledger at hand, the signature is added to it. An officer elsewhere (the auditor, the president) signs a seal from an audit bundle instead, on their own machine: amana verifies the whole bundle first, signs the seal, and writes a small signature file (never over an existing file), which the treasurer adds with `amana signature add FILE`.

\
Examples:
  amana sign 7KQF-3MZA-PX2D-9RTB --key president.pem
  amana sign 1077 --key auditeur.pem
  amana sign 7KQF-3MZA-PX2D-9RTB --key auditeur.pem --bundle audit-2025/ --out signature-auditeur.json"
    )]
    Sign {
        /// The seal (its fingerprint, or its chain entry number), or the chain entry number of a decision
        seal: String,
        /// The officer's private key file
        #[arg(long)]
        key: PathBuf,
        /// Sign from this audit bundle (`amana export audit`), without the ledger
        #[arg(long, value_name = "DIR", requires = "out")]
        bundle: Option<PathBuf>,
        /// With --bundle: where to write the signature file for the treasurer
        #[arg(long, value_name = "FILE", requires = "bundle")]
        out: Option<PathBuf>,
    },
    /// Signatures made away from the ledger, from an audit bundle
    #[command(subcommand)]
    Signature(SignatureCommand),
    /// Close a fiscal year: carry income and expense to net assets, seal, and lock the year
    #[command(
        after_help = "The result on restricted grants goes to --restricted-account, the rest to --unrestricted-account\n\
(defaults: 3100 and 3000 with the generic chart; the Moroccan chart has no confirmed account for them, so give both).\n\
The last line of the output is the seal's fingerprint.\n\n\
Example:\n  amana close --year 2025 --restricted-account 11911 --unrestricted-account 11912 --sign tresoriere.pem --sign president.pem"
    )]
    Close {
        /// The fiscal year, named by the calendar year it starts in
        #[arg(long)]
        year: i32,
        #[arg(long)]
        restricted_account: Option<String>,
        #[arg(long)]
        unrestricted_account: Option<String>,
        /// Sign the closing (and its seal) with this officer's private key file (repeatable);
        /// once the ledger has officers, as many as its policy says (two by default)
        #[arg(long = "sign", value_name = "KEYFILE")]
        sign: Vec<PathBuf>,
    },
    /// Lock the books through a day: nothing dated on or before it can be recorded (an officers' decision)
    #[command(
        after_help = "The lock takes effect once as many officers as the ledger's policy says have signed it\n\
(here with --sign, or later with amana sign ENTRY --key KEYFILE). A closing locks its year by itself.\n\n\
Example:\n  amana lock --through 2026-06-30 --reason \"Comptes du semestre arrêtés\" --sign tresoriere.pem --sign president.pem"
    )]
    Lock {
        /// The last day locked, YYYY-MM-DD
        #[arg(long)]
        through: String,
        /// Why, in words the general assembly will read
        #[arg(long)]
        reason: String,
        /// An officer's private key file signing the lock (repeatable)
        #[arg(long = "sign", value_name = "KEYFILE")]
        sign: Vec<PathBuf>,
    },
    /// Reopen the last closed fiscal year (an officers' decision, with a reason)
    #[command(
        after_help = "Once signed by as many officers as the policy says, the year and everything after it can be recorded\n\
in again; close it again with amana close. The reopening stays in the log and in verify's summary.\n\n\
Example:\n  amana reopen --year 2025 --reason \"Facture de décembre reçue après la clôture\" --sign tresoriere.pem --sign president.pem"
    )]
    Reopen {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        reason: String,
        /// An officer's private key file signing the reopening (repeatable)
        #[arg(long = "sign", value_name = "KEYFILE")]
        sign: Vec<PathBuf>,
    },
    /// Set how many officers must sign a closing, a lock, a reopening, a revocation or an approval
    #[command(
        after_help = "A new ledger starts with two. The new policy is itself signed under the one in force.\n\n\
Example:\n  amana policy --quorum 3 --sign tresoriere.pem --sign president.pem"
    )]
    Policy {
        #[arg(long)]
        quorum: i64,
        /// An officer's private key file signing the new policy (repeatable)
        #[arg(long = "sign", value_name = "KEYFILE")]
        sign: Vec<PathBuf>,
    },
    /// Supporting documents and members' receipts
    #[command(subcommand)]
    Receipt(ReceiptCommand),
    /// Check a member's receipt offline against a published seal fingerprint
    #[command(
        name = "verify-receipt",
        after_help = "Needs no ledger: only the receipt file and the fingerprint printed in the published report.\n\n\
Example:\n  amana verify-receipt recu-412.json --seal 7KQF-3MZA-PX2D-9RTB"
    )]
    VerifyReceipt {
        file: PathBuf,
        /// The fingerprint of the published seal
        #[arg(long)]
        seal: String,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Export what an auditor needs to verify offline
    #[command(subcommand)]
    Export(ExportCommand),
    /// Write one archive of the ledger and its receipts, from a consistent snapshot
    #[command(
        after_help = "The archive (tar) holds the ledger, copied with SQLite's backup API while other commands may write, and every receipt it references.\n\
Copying the ledger file alone is the usual mistake: its receipts are in the folder beside it (LEDGER.receipts/).\n\
Never writes over an existing file unless --force, and never over the ledger, its receipts, a key or a database.\n\n\
Example:\n  amana backup /media/usb/khotwa-2026-03.tar\n  amana restore /media/usb/khotwa-2026-03.tar --to khotwa-restored.db"
    )]
    Backup {
        /// The archive file to write
        file: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Unpack a backup archive into a new ledger, verified before use
    #[command(
        after_help = "Writes LEDGER and LEDGER.receipts/, never over existing files. The restored ledger is verified first; if it fails, nothing is left behind (exit 1).\n\n\
Example:\n  amana restore khotwa-2026-03.tar --to khotwa-restored.db"
    )]
    Restore {
        /// The archive written by `amana backup`
        file: PathBuf,
        /// The new ledger file to create
        #[arg(long, value_name = "LEDGER")]
        to: PathBuf,
    },
    /// Build the example association's ledger, verify it, and say where it is
    Demo {
        /// Folder for the demo ledger (DIR/amana.db) and its files
        #[arg(long, default_value = "amana-demo")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Write a new Ed25519 private key to FILE (mode 0600) and its public key to FILE.pub
    #[command(
        after_help = "Keep the private key file off the computer that holds the ledger (a USB key), and never share it.\nWith --passphrase the key is encrypted (PKCS#8, scrypt and AES-256-CBC; `openssl pkey -in FILE` reads it with the passphrase): amana asks for the passphrase twice on the terminal, or reads it from the environment variable AMANA_PASSPHRASE (scripts). Every command that signs with the key asks for it the same way.\n\n\
Examples:\n  amana key generate tresoriere.pem\n  amana key generate president.pem --passphrase"
    )]
    Generate {
        file: PathBuf,
        /// Encrypt the private key under a passphrase (asked twice on the terminal, or read from AMANA_PASSPHRASE)
        #[arg(long)]
        passphrase: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum SignatureCommand {
    /// Add to the ledger an officer's signature file (made with `amana sign ... --bundle`)
    #[command(
        after_help = "The file is checked against the ledger: the same ledger, a seal at that entry with that hash, an officer registered with that key whose signatures count, a signature that verifies, not one already there. Then it is recorded as the officer's signature of the seal, as `amana sign` would have.\n\n\
Example:\n  amana signature add signature-auditeur.json"
    )]
    Add {
        /// The signature file
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum OfficerCommand {
    /// Register an officer and their public key
    #[command(
        after_help = "Example:\n  amana officer add fatima --name \"Fatima Zahra El Idrissi\" --role treasurer --key tresoriere.pem.pub"
    )]
    Add {
        id: String,
        #[arg(long)]
        name: String,
        /// president, vice-president, treasurer, deputy-treasurer, secretary-general, auditor or board-member
        #[arg(long)]
        role: String,
        /// The officer's public key file (KEYFILE.pub), or 64 hex digits in a file
        #[arg(long)]
        key: PathBuf,
        /// An approved officer's private key file, approving the new officer (repeatable);
        /// needed for their signatures to count once the books have a seal
        #[arg(long = "approve", value_name = "KEYFILE")]
        approve: Vec<PathBuf>,
    },
    /// Approve an officer registered after the first seal, so that their signatures count
    #[command(
        after_help = "Example (after a general assembly elected a new treasurer):\n  amana officer add samira --name \"Samira Alaoui\" --role treasurer --key samira.pem.pub\n  amana officer approve samira --key president.pem"
    )]
    Approve {
        id: String,
        /// The approving officer's private key file
        #[arg(long)]
        key: PathBuf,
    },
    /// Revoke an officer (a lost key, a new board): their signatures no longer count
    #[command(
        after_help = "Takes effect once as many other officers as the policy says have signed it; signatures the officer\n\
made before stay valid, any made after are refused.\n\n\
Example:\n  amana officer revoke samira --reason \"Clé perdue le 12/09/2026\" --sign president.pem --sign auditeur.pem"
    )]
    Revoke {
        id: String,
        #[arg(long)]
        reason: String,
        /// An officer's private key file signing the revocation (repeatable)
        #[arg(long = "sign", value_name = "KEYFILE")]
        sign: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ReceiptCommand {
    /// Where the supporting documents of a transaction are, and whether they are intact
    #[command(after_help = "Example:\n  amana receipt show 42")]
    Show { id: i64 },
    /// Attach supporting documents to a recorded transaction
    #[command(after_help = "Example:\n  amana receipt attach 42 facture-2026-118.pdf")]
    Attach {
        id: i64,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Write a member's receipt (dues, gift) with its proof of inclusion in the sealed books
    #[command(
        after_help = "Only for money received: a transaction that credits an income account and debits cash or a bank account, not reversed. The amount is the income received.\n\
The member checks it offline with `amana verify-receipt FILE --seal FINGERPRINT`.\n\n\
Example:\n  amana receipt member 412 --out recu-412.json"
    )]
    Member {
        id: i64,
        /// Where to write the receipt (default: receipt-ID.json); an existing file is never
        /// replaced unless --force is given
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace an existing file at --out (never a ledger, a receipt or a key)
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Write the chain, officers' keys, seals, receipts, a README and the Python verifier to a new folder
    #[command(
        after_help = "The bundle can be read like a ledger: amana --ledger audit-2025/ balance (or journal, log, account/grant/funder list).\n\n\
Example:\n  amana export audit audit-2025/\n  amana verify --bundle audit-2025/"
    )]
    Audit { dir: PathBuf },
}

#[derive(Debug, Subcommand)]
pub enum AccountCommand {
    /// List the accounts of the chart, with their names in other languages
    #[command(
        after_help = "Examples:\n  amana account list\n  amana account list --prefix 61 --format csv"
    )]
    List {
        /// Only codes starting with this (61 → 6111, 6131, ...)
        #[arg(long)]
        prefix: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Add an account
    #[command(
        after_help = "Examples:\n  amana account add 5141 --name \"Banque\" --type asset\n  amana account add 75868 --name \"Cotisations des membres\" --type income --label ar=\"اشتراكات الأعضاء\""
    )]
    Add {
        /// Code: letters, digits and . _ - ; sub-accounts extend their parent's code (5141 → 51411)
        code: String,
        #[arg(long)]
        name: String,
        /// asset, liability, net-assets, income or expense
        #[arg(long = "type")]
        kind: String,
        /// Name in another language, LANG=TEXT (repeatable), e.g. ar=البنك
        #[arg(long = "label", value_name = "LANG=TEXT")]
        labels: Vec<String>,
    },
    /// Rename an account (a mistake in its name, or a new name); the log keeps the old one
    #[command(
        after_help = "Without --effective the new name corrects the old one for all time; with it, the account is\n\
called so from that day. Listings show the name in force.\n\n\
Example:\n  amana account rename 6131 --name \"Loyer et charges locatives\" --reason \"Intitulé du plan comptable\""
    )]
    Rename {
        code: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        reason: String,
        /// The day the new name takes effect, YYYY-MM-DD
        #[arg(long)]
        effective: Option<String>,
    },
    /// Retire an account: nothing dated on or after --effective may be posted to it
    #[command(
        after_help = "What was posted before stays, and so does the balance; reversals of earlier entries and the\n\
year's closing still post to it. Refused while transactions dated on or after that day post to it.\n\n\
Example:\n  amana account retire 51412 --effective 2027-01-01 --reason \"Compte projet UE clôturé\""
    )]
    Retire {
        code: String,
        /// The first day the account takes no posting, YYYY-MM-DD
        #[arg(long)]
        effective: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum FunderCommand {
    /// List the funders, with how much each has given so far
    #[command(after_help = "Example:\n  amana funder list --format json")]
    List {
        #[command(flatten)]
        format: FormatArg,
    },
    /// Add a funder
    #[command(
        after_help = "Example:\n  amana funder add CMM --name \"Conseil de l'arrondissement Marrakech-Médina\" --type public-local --country MA"
    )]
    Add {
        id: String,
        #[arg(long)]
        name: String,
        /// public-local, public-national, foreign-public, foreign-private, private, individual or members
        #[arg(long = "type")]
        kind: String,
        /// ISO 3166 two-letter country code
        #[arg(long)]
        country: Option<String>,
    },
    /// Rename a funder (a mistake in its name, or a new name); the log keeps the old one
    #[command(
        after_help = "Listings show the name in force; `amana log` the history.\n\n\
Example:\n  amana funder rename CMM --name \"Commune de Marrakech\" --reason \"Nom officiel de la convention\""
    )]
    Rename {
        id: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum GrantCommand {
    /// List the grants and their budget lines: budgeted, spent, remaining
    #[command(
        after_help = "Examples:\n  amana grant list\n  amana grant list --grant EU-2025 --format json"
    )]
    List {
        /// Only this grant
        #[arg(long)]
        grant: Option<String>,
        #[command(flatten)]
        format: FormatArg,
    },
    /// Add a grant (an agreement with a funder)
    #[command(
        after_help = "Examples:\n  amana grant add CMM-2026 --funder CMM --amount 120000 --start 2026-01-01 --end 2026-12-31 --purpose \"Fonctionnement 2026\"\n  amana grant add EU-2025 --funder EU --amount 45000 --currency EUR --start 2025-06-01 --end 2026-11-30"
    )]
    Add {
        id: String,
        #[arg(long)]
        funder: String,
        /// Agreed amount, in the grant's currency
        #[arg(long)]
        amount: String,
        /// Currency of the agreement (default: the ledger's)
        #[arg(long)]
        currency: Option<String>,
        /// First day of the grant period, YYYY-MM-DD
        #[arg(long)]
        start: String,
        /// Last day of the grant period, YYYY-MM-DD
        #[arg(long)]
        end: String,
        /// The funds may be used for any purpose (grants are restricted by default)
        #[arg(long)]
        unrestricted: bool,
        #[arg(long)]
        purpose: Option<String>,
    },
    /// Add a budget line to a grant (amount in the ledger's currency)
    #[command(
        after_help = "Example:\n  amana grant budget CMM-2026 training --amount 45000 --label \"Formation\" --account 6126"
    )]
    Budget {
        grant: String,
        line: String,
        #[arg(long)]
        amount: String,
        #[arg(long)]
        label: String,
        /// The expense account the line is usually charged to
        #[arg(long)]
        account: Option<String>,
    },
    /// Amend a grant: its amount, its end date, or both (an amendment signed with the funder, or a mistake corrected)
    #[command(
        after_help = "The grant keeps its history: `amana log` shows the amendment, `amana grant list` the values in force.
Spending charged to the grant must then fall inside the amended period; a grant cannot be made to end
before spending already recorded (reverse that first).

Example:
  amana grant amend CMM-2026 --amount 150000 --end 2027-03-31 --effective 2026-10-01 --reason \"Avenant n°1 du 28/09/2026\""
    )]
    Amend {
        id: String,
        /// The new agreed amount, in the grant's currency
        #[arg(long)]
        amount: Option<String>,
        /// The new last day of the grant period, YYYY-MM-DD
        #[arg(long)]
        end: Option<String>,
        /// The day the amendment takes effect, YYYY-MM-DD
        #[arg(long)]
        effective: String,
        #[arg(long)]
        reason: String,
    },
    /// Amend a budget line: its budget, or withdraw it (no posting charged to it from a day)
    #[command(
        name = "budget-amend",
        after_help = "The line keeps its history: `amana log` shows the amendment, `amana grant list` the budget in force
and whether the line is withdrawn. What was charged to a withdrawn line stays, and is reported; reversals
of it still post. A line cannot be withdrawn before spending already charged to it (reverse that first).

Examples:
  amana grant budget-amend CMM-2026 training --amount 38000 --effective 2026-09-01 --reason \"Avenant n°1\"
  amana grant budget-amend CMM-2026 rent --withdraw --effective 2026-07-01 --reason \"Local mis à disposition\""
    )]
    BudgetAmend {
        grant: String,
        line: String,
        /// The new budget, in the ledger's currency
        #[arg(long)]
        amount: Option<String>,
        /// Withdraw the line: nothing dated on or after --effective is charged to it
        #[arg(long)]
        withdraw: bool,
        /// The day the amendment takes effect (the first day a withdrawn line takes no posting), YYYY-MM-DD
        #[arg(long)]
        effective: String,
        #[arg(long)]
        reason: String,
    },
}

impl Command {
    /// Whether the command can run with `--ledger` naming an audit bundle: the read-only
    /// listings and verify read it; commands that take no ledger do not mind it.
    pub fn reads_bundles(&self) -> bool {
        matches!(
            self,
            Command::Balance { .. }
                | Command::Journal { .. }
                | Command::Log { .. }
                | Command::Verify { .. }
                | Command::Account(AccountCommand::List { .. })
                | Command::Grant(GrantCommand::List { .. })
                | Command::Funder(FunderCommand::List { .. })
                | Command::VerifyReceipt { .. }
                | Command::Key(_)
                | Command::Demo { .. }
                | Command::Restore { .. }
        )
    }
}

/// Why a `--post` value cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("--post \"{text}\": {reason}")]
pub struct PostingSyntaxError {
    pub text: String,
    pub reason: String,
}

/// Parses `ACCOUNT [AMOUNT] [grant=G] [line=L] [orig=AMOUNT:CUR] [memo=TEXT...]`.
pub fn parse_posting(text: &str) -> Result<PostingRequest, PostingSyntaxError> {
    let err = |reason: &str| PostingSyntaxError {
        text: text.to_string(),
        reason: reason.to_string(),
    };
    let (head, memo) = match text.find("memo=") {
        Some(i) => (&text[..i], Some(text[i + 5..].trim().to_string())),
        None => (text, None),
    };
    let mut words = head.split_whitespace();
    let account = words
        .next()
        .ok_or_else(|| err("is empty: write the account code first"))?;
    let mut req = PostingRequest {
        account: account.to_string(),
        memo,
        ..PostingRequest::default()
    };
    for word in words {
        match word.split_once('=') {
            Some(("grant", v)) => req.grant = Some(v.to_string()),
            Some(("line", v)) => req.line = Some(v.to_string()),
            Some(("orig", v)) => {
                let (amount, currency) = v
                    .split_once(':')
                    .ok_or_else(|| err("orig= takes AMOUNT:CURRENCY, e.g. orig=1000.00:EUR"))?;
                req.original = Some((amount.to_string(), currency.to_string()));
            }
            Some((key, _)) => {
                return Err(err(&format!(
                    "unknown key {key}= (use grant=, line=, orig=, memo=)"
                )));
            }
            None if req.amount.is_none() => req.amount = Some(word.to_string()),
            None => return Err(err(&format!("unexpected \"{word}\" after the amount"))),
        }
    }
    Ok(req)
}

/// Parses `ACCOUNT=AMOUNT@STATEMENT`.
pub fn parse_bank(text: &str) -> Option<(String, String, String)> {
    let (account, rest) = text.split_once('=')?;
    let (amount, statement) = rest.split_once('@')?;
    Some((
        account.trim().into(),
        amount.trim().into(),
        statement.trim().into(),
    ))
}

/// Parses `LANG=TEXT`.
pub fn parse_label(text: &str) -> Option<(String, String)> {
    text.split_once('=')
        .map(|(l, t)| (l.to_string(), t.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postings_parse() {
        let p = parse_posting("6126 4500.00 grant=CMM-2026 line=training memo=salle et pauses")
            .unwrap();
        assert_eq!(p.account, "6126");
        assert_eq!(p.amount.as_deref(), Some("4500.00"));
        assert_eq!(p.grant.as_deref(), Some("CMM-2026"));
        assert_eq!(p.line.as_deref(), Some("training"));
        assert_eq!(p.memo.as_deref(), Some("salle et pauses"));
        let p = parse_posting("5141").unwrap();
        assert!(p.amount.is_none());
        let p = parse_posting("5141 100 orig=9.30:EUR").unwrap();
        assert_eq!(p.original, Some(("9.30".into(), "EUR".into())));
        assert!(parse_posting("").is_err());
        assert!(parse_posting("5141 1 2").is_err());
        assert!(parse_posting("5141 1 gant=X").is_err());
    }
}
