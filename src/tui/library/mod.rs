//! Drawing the library view: the articles kept, newest first, with
//! full-text search; the speakers across them; and one speaker's
//! attributions. Its state and keys are in `app::library`.

mod draw;

#[cfg(test)]
mod tests;
