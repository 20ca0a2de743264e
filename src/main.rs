//! sayso: a terminal news reader that shows who said what.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
