//! Decoding a web page's or a feed's bytes: byte-order mark, the server's
//! charset, the document's own declaration, and what the bytes actually are.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

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

/// Decode an XML document (a feed) to UTF-8 text, so that the XML parser
/// never has to handle another encoding. In order: a byte-order mark
/// (UTF-8, UTF-16, UTF-32), the zero-byte pattern of an undeclared UTF-16
/// or UTF-32 `<`, bytes that are valid UTF-8, the server's charset, the
/// `<?xml encoding?>` declaration, and a statistical guess for undeclared
/// legacy charsets (KOI8-R, Shift_JIS, windows-1255, …). The returned text
/// has no byte-order mark and no encoding declaration left to mislead a parser.
#[must_use]
pub fn decode_xml(bytes: &[u8], declared: Option<&str>) -> String {
    let text = match wide(bytes) {
        Some(Wide::Utf32 { big_endian, skip }) => utf32(&bytes[skip..], big_endian),
        Some(Wide::Utf16 { encoding, skip }) => {
            encoding.decode_without_bom_handling(&bytes[skip..]).0.into_owned()
        }
        None => match Encoding::for_bom(bytes) {
            Some((encoding, bom)) => encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned(),
            None => match std::str::from_utf8(bytes) {
                Ok(text) => text.to_owned(),
                Err(_) => {
                    let named = [declared.and_then(label), xml_declared(bytes).and_then(label)]
                        .into_iter()
                        .flatten()
                        .find(|e| *e != UTF_8 && *e != UTF_16BE && *e != UTF_16LE);
                    named.unwrap_or_else(|| guess(bytes)).decode_without_bom_handling(bytes).0.into_owned()
                }
            },
        },
    };
    without_declaration(text)
}

/// A wide (two- or four-byte) Unicode encoding recognised at the start.
enum Wide {
    Utf16 { encoding: &'static Encoding, skip: usize },
    Utf32 { big_endian: bool, skip: usize },
}

/// UTF-32 by its byte-order mark, or UTF-16 and UTF-32 without one by the
/// zero bytes around the first `<` (XML's own autodetection).
fn wide(bytes: &[u8]) -> Option<Wide> {
    match bytes {
        [0, 0, 0xFE, 0xFF, ..] => Some(Wide::Utf32 { big_endian: true, skip: 4 }),
        [0xFF, 0xFE, 0, 0, ..] => Some(Wide::Utf32 { big_endian: false, skip: 4 }),
        [0, 0, 0, b'<', ..] => Some(Wide::Utf32 { big_endian: true, skip: 0 }),
        [b'<', 0, 0, 0, ..] => Some(Wide::Utf32 { big_endian: false, skip: 0 }),
        [0, b'<', 0, _, ..] => Some(Wide::Utf16 { encoding: UTF_16BE, skip: 0 }),
        [b'<', 0, _, 0, ..] => Some(Wide::Utf16 { encoding: UTF_16LE, skip: 0 }),
        _ => None,
    }
}

/// UTF-32 code units as text; a unit that is not a character becomes `�`.
fn utf32(bytes: &[u8], big_endian: bool) -> String {
    bytes
        .chunks(4)
        .map(|unit| {
            let mut b = [0u8; 4];
            b[..unit.len()].copy_from_slice(unit);
            let n = if big_endian { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
            char::from_u32(n).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect()
}

/// The most likely legacy encoding of bytes that declare none.
fn guess(bytes: &[u8]) -> &'static Encoding {
    use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    // Valid UTF-8 was taken before this point: these bytes are not.
    detector.guess(None, Utf8Detection::Deny)
}

/// The `encoding` of an `<?xml …?>` declaration at the start.
fn xml_declared(bytes: &[u8]) -> Option<&str> {
    let head = &bytes[..bytes.len().min(PRESCAN)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace())?;
    let decl = head[start..].strip_prefix(b"<?xml")?;
    let decl = &decl[..decl.iter().position(|&b| b == b'>')?];
    let at = find(decl, b"encoding")? + b"encoding".len();
    let rest = &decl[at..];
    let quote = rest.iter().position(|&b| b == b'"' || b == b'\'')?;
    let value = &rest[quote + 1..];
    let end = value.iter().position(|&b| b == rest[quote])?;
    std::str::from_utf8(&value[..end]).ok()
}

/// The text without a leading byte-order mark or `<?xml …?>` declaration:
/// once decoded, the declared encoding would only mislead the parser.
fn without_declaration(text: String) -> String {
    let body = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    match body.strip_prefix("<?xml").and_then(|d| d.find("?>").map(|end| &d[end + 2..])) {
        Some(rest) => rest.to_owned(),
        None if body.len() == text.len() => text,
        None => body.to_owned(),
    }
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
