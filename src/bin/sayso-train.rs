//! Rebuilds sayso's models from the PolNeAR-style training data.

fn main() {
    eprintln!("sayso-train: nothing to train yet");
}
