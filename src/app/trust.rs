//! The officers' side of the ledger, as it was named before the application service was split
//! into one file per family of actions: these paths stay for the code and the tests that use
//! them. Seals are in [`crate::app::seal`], closing in [`crate::app::close`], officers in
//! [`crate::app::officers`], receipts in [`crate::app::receipts`], members' receipts in
//! [`crate::app::member_receipt`] and [`crate::app::receipt_check`].

pub use crate::app::close::CloseOutcome;
pub use crate::app::decisions::{SealOutcome, seal_fingerprint};
pub use crate::app::member_receipt::{
    MEMBER_RECEIPT_FORMAT, MemberReceipt, NotReceived, ProvenEntry, ReceiptSeal, ReceiptSignature,
    money_received,
};
pub use crate::app::receipt_check::{ReceiptCheck, check_member_receipt};
pub use crate::app::seal::BankRequest;
