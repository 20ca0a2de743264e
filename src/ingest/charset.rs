//! Decoding a web page's bytes: byte-order mark, the server's charset, the
//! page's own `<meta>` declaration, and what the bytes actually are.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into a page a `<meta charset>` is looked for.
const PRESCAN: usize = 4096;

/// Decode an HTML page. A byte-order mark wins; bytes that are valid UTF-8
/// are read as UTF-8 whatever was declared (servers often claim ISO-8859-1
/// for UTF-8 pages); otherwise the server's charset, then the page's
/// `<meta>` one, then windows-1252, the web's default for legacy pages.
#[must_use]
pub fn decode_html(bytes: &[u8], declared: Option<&str>) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    let from_header = declared.and_then(label);
    let from_meta = meta_charset(bytes).and_then(label);
    let encoding =
        [from_header, from_meta].into_iter().flatten().find(|e| *e != UTF_8).unwrap_or(WINDOWS_1252);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// Decode a plain-text body that a server declared in `declared`; the
/// flag is false when some bytes were not valid in it and became `�`.
#[must_use]
pub fn decode_text(bytes: &[u8], declared: &str) -> (String, bool) {
    let encoding = label(declared).unwrap_or(UTF_8);
    let (text, bad) = encoding.decode_without_bom_handling(bytes);
    (text.into_owned(), !bad)
}

/// The encoding a label names, as browsers map it (`utf-16` in a page
/// means UTF-8, `latin1` means windows-1252).
fn label(name: &str) -> Option<&'static Encoding> {
    Encoding::for_label(name.trim().as_bytes()).map(Encoding::output_encoding)
}

/// The charset a page declares near its start, in `<meta charset=…>` or
/// `<meta http-equiv content="…; charset=…">`.
#[must_use]
pub fn meta_charset(bytes: &[u8]) -> Option<&str> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset") {
        let mut i = from + at + b"charset".len();
        from = i;
        while lower.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while lower.get(i).is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'') {
            i += 1;
        }
        let end = (i..head.len())
            .find(|&j| !(head[j].is_ascii_alphanumeric() || matches!(head[j], b'-' | b'_' | b':' | b'.')))
            .unwrap_or(head.len());
        if end > i {
            return std::str::from_utf8(&head[i..end]).ok();
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The `charset` parameter of a Content-Type header value.
#[must_use]
pub fn header_charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_and_header_charsets_are_found() {
        assert_eq!(meta_charset(b"<html><head><meta charset=\"Windows-1252\">"), Some("Windows-1252"));
        assert_eq!(
            meta_charset(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\">"),
            Some("iso-8859-2")
        );
        assert_eq!(meta_charset(b"<p>no charset here</p>"), None);
        assert_eq!(header_charset("text/html; charset=\"ISO-8859-1\""), Some("ISO-8859-1"));
        assert_eq!(header_charset("text/html"), None);
    }

    #[test]
    fn legacy_bytes_follow_the_declaration_and_utf8_wins_when_valid() {
        let cp1252 = b"<meta charset=windows-1252><p>\x93Caf\xe9\x94, she said</p>";
        assert!(decode_html(cp1252, None).contains("\u{201c}Caf\u{e9}\u{201d}"));
        // The header claims UTF-8 but the bytes are not: the page's meta wins.
        assert!(decode_html(cp1252, Some("utf-8")).contains("Caf\u{e9}"));
        // The header claims Latin-1 but the bytes are valid UTF-8.
        let utf8 = "<p>Café “quoted”</p>".as_bytes();
        assert_eq!(decode_html(utf8, Some("iso-8859-1")), "<p>Café “quoted”</p>");
        // No declaration at all: windows-1252.
        assert!(decode_html(b"<p>na\xefve</p>", None).contains("na\u{ef}ve"));
        // A byte-order mark beats everything.
        assert_eq!(decode_html(b"\xEF\xBB\xBF<p>x</p>", Some("iso-8859-1")), "<p>x</p>");
    }
}
