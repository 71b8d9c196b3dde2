//! The `amana` binary: parses the command line, runs the command, and maps a failure to the
//! exit statuses of the contract (0 ok, 1 verify found a problem, 2 invalid input or refused,
//! 3 environment). Everything else is in `cli/` (arguments, printing) and the library.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::args::Cli::parse();
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if let Some(message) = failure.message() {
                eprintln!("{}", cli::error_line(message));
            }
            ExitCode::from(failure.exit_code())
        }
    }
}
