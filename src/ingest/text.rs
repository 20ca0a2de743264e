//! Plain text: decoding defensively, and cleaning extracted text.

use super::Error;
use super::charset;

/// Decode a text article. Binary data is refused. Without a declared
/// charset the bytes are UTF-8, kept unchanged (even a byte-order mark) so
/// that annotation offsets point into the file; invalid bytes are read
/// lossily and the returned note says so.
///
/// # Errors
/// [`Error::Binary`] for binary data.
pub fn decode(origin: &str, bytes: &[u8], declared: Option<&str>) -> Result<(String, Option<String>), Error> {
    if looks_binary(bytes) {
        return Err(Error::Binary(origin.to_owned()));
    }
    let lossy = || Some("not valid UTF-8: undecodable bytes are shown as �".to_owned());
    if let Some(declared) = declared.filter(|d| !d.eq_ignore_ascii_case("utf-8")) {
        let (text, clean) = charset::decode_text(bytes, declared);
        return Ok((text, if clean { None } else { lossy() }));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_owned(), None)),
        Err(_) => Ok((String::from_utf8_lossy(bytes).into_owned(), lossy())),
    }
}

/// A NUL byte, or many control bytes, in the first 8 KiB means binary.
#[must_use]
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    controls * 10 > head.len().max(1)
}

/// One line of extracted text: unsafe characters (controls, bidi overrides,
/// zero-width characters) removed and runs of white space made one space.
#[must_use]
pub fn clean_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()) {
        let word = sayso_nlp::text::sanitize(word);
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// The article text: the headline, a blank line, then the paragraphs, one a
/// line with a blank line between. Empty paragraphs and a first paragraph
/// that repeats the headline are left out.
#[must_use]
pub fn compose(title: Option<&str>, paragraphs: &[String]) -> String {
    let mut text = String::new();
    let mut rest = paragraphs.iter().filter(|p| !p.is_empty()).peekable();
    if let Some(title) = title.filter(|t| !t.is_empty()) {
        text.push_str(title);
        text.push('\n');
        rest.next_if(|p| p.as_str() == title);
    }
    for p in rest {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(p);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_is_refused_and_bad_utf8_is_lossy() {
        assert!(decode("x", &[0x7f, b'E', b'L', b'F', 0, 1, 2], None).is_err());
        let (text, note) = decode("x", b"caf\xe9 ok", None).expect("lossy decode");
        assert_eq!(text, "caf\u{fffd} ok");
        assert!(note.is_some());
        // Offsets are into the unchanged text, so a byte-order mark stays.
        assert_eq!(decode("x", b"\xEF\xBB\xBFhi", None).expect("bom").0, "\u{feff}hi");
        assert_eq!(decode("x", b"", None).expect("empty").0, "");
        assert_eq!(decode("x", b"caf\xe9", Some("iso-8859-1")).expect("latin1"), ("café".to_owned(), None));
    }

    #[test]
    fn lines_are_cleaned_and_composed() {
        assert_eq!(clean_line("  a\u{202e}b \u{200b} c\n\td\u{7}"), "ab c d");
        let paragraphs = vec!["Head".to_owned(), "One.".to_owned(), String::new(), "Two.".to_owned()];
        assert_eq!(compose(Some("Head"), &paragraphs), "Head\n\nOne.\n\nTwo.\n");
        assert_eq!(compose(None, &paragraphs[1..]), "One.\n\nTwo.\n");
    }
}
