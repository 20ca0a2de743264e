//! Reading an article from a file or standard input, defensively.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// The text of the bundled sample article.
pub const SAMPLE: &str = include_str!("../../assets/sample/alaska-summit.txt");

/// An article's text and where it came from.
#[derive(Debug)]
pub struct Article {
    /// A short name for messages and titles: the file name, or `stdin`.
    pub origin: String,
    /// The decoded text.
    pub text: String,
}

/// Read `path` (or stdin for `-`) as text.
///
/// Binary files are refused; invalid UTF-8 is decoded lossily with a warning
/// on stderr.
pub fn read(path: &Path) -> Result<Article> {
    let (origin, bytes) = if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin().read_to_end(&mut bytes).context("could not read standard input")?;
        ("stdin".to_owned(), bytes)
    } else {
        let bytes = std::fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
        (path.display().to_string(), bytes)
    };
    let text = decode(&origin, bytes)?;
    Ok(Article { origin, text })
}

/// Decode bytes as UTF-8 text, refusing binary data.
pub fn decode(origin: &str, bytes: Vec<u8>) -> Result<String> {
    if looks_binary(&bytes) {
        bail!("{origin} looks like a binary file, not text; give sayso a plain-text article");
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            eprintln!("sayso: warning: {origin} is not valid UTF-8; undecodable bytes are shown as �");
            Ok(String::from_utf8_lossy(err.as_bytes()).into_owned())
        }
    }
}

/// A NUL byte, or many control bytes, in the first 8 KiB means binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    controls * 10 > head.len().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_is_refused_and_bad_utf8_is_lossy() {
        assert!(decode("x", vec![0x7f, b'E', b'L', b'F', 0, 1, 2]).is_err());
        let text = decode("x", b"caf\xe9 ok".to_vec()).expect("lossy decode");
        assert_eq!(text, "caf\u{fffd} ok");
        // Offsets are into the unchanged text, so a byte-order mark stays.
        assert_eq!(decode("x", b"\xEF\xBB\xBFhi".to_vec()).expect("bom"), "\u{feff}hi");
        assert_eq!(decode("x", Vec::new()).expect("empty"), "");
    }
}
