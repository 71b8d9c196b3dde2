//! The clap types of the officers' commands: their keys, their registration, seals and
//! signatures, and their decisions (closing, locks, reopenings, the policy).

use std::path::PathBuf;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum TrustGroup {
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
    /// Close a fiscal year: carry unspent restricted money to dedicated funds and the result to net assets, seal, and lock the year
    #[command(
        after_help = "For each restricted grant, the money received and not yet spent at the year's end is\n\
carried to --dedicated-account (a liability) through --charge-account and --release-account\n\
(an expense and an income the year's income statement shows). Only the rest of the result,\n\
the association's own, goes to --unrestricted-account (a surplus; a deficit too, unless\n\
--deficit-account is given).\n\
Defaults: the Moroccan chart 1191 and 1199, dedicated funds 1561 through 6593 and 7593\n\
(amana's proposed numbers, not confirmed ones of the association plan); the generic chart\n\
3900, dedicated funds 2500 through 6950 and 4950.\n\
With --chart none, give --unrestricted-account and --dedicated-account (the closing then moves\n\
the dedicated funds itself, unless --charge-account and --release-account are given too).\n\
The last line of the output is the seal's fingerprint. With --dry-run, nothing is written and\n\
no key is needed.\n\n\
Examples:\n  amana close --year 2025 --dry-run\n  amana close --year 2025 --sign tresoriere.pem --sign president.pem\n  amana close --year 2025 --unrestricted-account 3000 --dedicated-account 2500 --dry-run"
    )]
    Close {
        /// The fiscal year, named by the calendar year it starts in
        #[arg(long)]
        year: i32,
        /// No longer used: unspent restricted money is carried to dedicated funds
        /// (--dedicated-account); accepted so that older scripts still run, and ignored with a note
        #[arg(long, hide = true)]
        restricted_account: Option<String>,
        /// Net-assets account that receives the year's result (a surplus; a deficit too unless
        /// --deficit-account is given)
        #[arg(long)]
        unrestricted_account: Option<String>,
        /// Net-assets account that receives a deficit
        #[arg(long)]
        deficit_account: Option<String>,
        /// Liability account that holds restricted money received and not yet spent
        #[arg(long)]
        dedicated_account: Option<String>,
        /// Expense account of what is carried to dedicated funds ("engagements à réaliser sur
        /// ressources affectées")
        #[arg(long)]
        charge_account: Option<String>,
        /// Income account of what is released from dedicated funds ("report des ressources non
        /// utilisées des exercices antérieurs")
        #[arg(long)]
        release_account: Option<String>,
        /// Sign the closing (and its seal) with this officer's private key file (repeatable);
        /// once the ledger has officers, as many as its policy says (two by default)
        #[arg(long = "sign", value_name = "KEYFILE")]
        sign: Vec<PathBuf>,
        /// Print every posting the closing would make and the year's result, and change nothing
        #[arg(long, conflicts_with = "sign")]
        dry_run: bool,
    },
    /// Record the general assembly's allocation of a closed year's result (report à nouveau, reserves)
    #[command(
        name = "allocate-result",
        after_help = "The year's closing carried its result (the association's own, once dedicated funds are set aside) to\n\
the surplus or the deficit account. After the general assembly approves the accounts, this records\n\
its decision: the result moved to the accounts it names, in parts that add up to the result exactly\n\
(amounts positive, for a surplus or a deficit alike). Without --to, all of it is carried forward\n\
(report à nouveau: 1161 or 1169 on the Moroccan chart, 3000 on the generic chart).\n\
A year's result must be allocated before the next year is closed, so that two years never mix.\n\n\
Examples:\n  amana allocate-result --year 2025 --date 2026-05-30 --dry-run\n  amana allocate-result --year 2025 --date 2026-05-30 --to 1161=10000 --to 1152=2403.34"
    )]
    AllocateResult {
        /// The fiscal year whose result is allocated
        #[arg(long)]
        year: i32,
        /// A part of the result and the account that takes it, as ACCOUNT=AMOUNT (repeatable)
        #[arg(long = "to", value_name = "ACCOUNT=AMOUNT")]
        to: Vec<String>,
        /// The day of the general assembly's decision, YYYY-MM-DD (default: today)
        #[arg(long)]
        date: Option<String>,
        /// Print the allocation and change nothing
        #[arg(long)]
        dry_run: bool,
        #[command(flatten)]
        format: super::FormatArg,
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
