//! Pure bytes ↔ domain: file formats that several modules read and write.

pub mod bank;
pub mod books;
pub mod books_in;
pub mod bundle;
pub mod charts;
pub mod giving360;
pub mod iati;
pub mod journal;
pub mod setup_csv;
pub mod spreadsheet;
