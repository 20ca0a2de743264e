//! Settings the reader remembers, written into the user's own config file
//! line by line: comments, order and every other setting stay as the user
//! wrote them, and a file that would read differently afterwards is left
//! untouched.

use std::path::Path;

/// Set `key` of `[table]` to `value` (a TOML value as written, such as
/// `true`) in the config file at `path`, creating the file (and its folder)
/// when there is none.
///
/// # Errors
/// When the file cannot be read or written, has a mistake already, or holds
/// the setting in a form this cannot change (an inline table, a dotted key);
/// the message says what to write by hand.
pub fn setting(path: &Path, table: &str, key: &str, value: &str) -> Result<(), String> {
    let old = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => return Err(format!("could not read {}: {e}", path.display())),
    };
    let new = edited(&old, table, key, value).ok_or_else(|| {
        format!("could not remember it in {}: write `{key} = {value}` under [{table}] there", path.display())
    })?;
    if new == old {
        return Ok(());
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("could not create {}: {e}", dir.display()))?;
    }
    crate::atomic::write(path, new.as_bytes()).map_err(|e| format!("could not write {}: {e}", path.display()))
}

/// `text` with `key` of `[table]` set to `value`, or `None` when the result
/// would not be the same file with only that setting changed.
#[must_use]
pub fn edited(text: &str, table: &str, key: &str, value: &str) -> Option<String> {
    let before: toml::Table = toml::from_str(text).ok()?;
    let wanted: toml::Value = toml::from_str::<toml::Table>(&format!("v = {value}")).ok()?.remove("v")?;
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let header = lines.iter().position(|l| is_header(l, table));
    match header {
        Some(h) => {
            let end =
                (h + 1..lines.len()).find(|&i| lines[i].trim_start().starts_with('[')).unwrap_or(lines.len());
            match (h + 1..end).find(|&i| sets(&lines[i], key)) {
                Some(i) => {
                    let line = &lines[i];
                    let indent = &line[..line.len() - line.trim_start().len()];
                    // The comment after the value, with the spaces before it.
                    let value_at = line.find('=').map_or(0, |at| at + 1);
                    let comment = line[value_at..]
                        .find('#')
                        .map_or("", |at| &line[line[..value_at + at].trim_end().len()..]);
                    lines[i] = format!("{indent}{key} = {value}{comment}");
                }
                None => lines.insert(h + 1, format!("{key} = {value}")),
            }
        }
        None => {
            if lines.last().is_some_and(|l| !l.trim().is_empty()) {
                lines.push(String::new());
            }
            lines.push(format!("[{table}]"));
            lines.push(format!("{key} = {value}"));
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    let after: toml::Table = toml::from_str(&out).ok()?;
    let mut expected = before;
    let section = expected.entry(table).or_insert_with(|| toml::Value::Table(toml::Table::new()));
    section.as_table_mut()?.insert(key.to_owned(), wanted);
    (after == expected).then_some(out)
}

/// True for the line `[table]` (with spaces or a comment around it).
fn is_header(line: &str, table: &str) -> bool {
    let line = line.split('#').next().unwrap_or("").trim();
    line.strip_prefix('[').and_then(|l| l.strip_suffix(']')).is_some_and(|name| name.trim() == table)
}

/// True for a line that sets `key`.
fn sets(line: &str, key: &str) -> bool {
    line.trim_start().strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_section_is_added_and_everything_else_kept() {
        let text = "# mine\ntheme = \"light\"\n\n[layout]\nside_width = 40 # wide\n";
        let out = edited(text, "quotes", "words_only", "true").expect("edited");
        assert_eq!(out, format!("{text}\n[quotes]\nwords_only = true\n"));
    }

    #[test]
    fn an_existing_setting_changes_in_place_with_its_comment() {
        let text = "[quotes]\n  words_only = false   # set by w\n[keys]\nwords_only = [\"W\"]\n";
        let out = edited(text, "quotes", "words_only", "true").expect("edited");
        assert_eq!(out, "[quotes]\n  words_only = true   # set by w\n[keys]\nwords_only = [\"W\"]\n");
        let back = edited(&out, "quotes", "words_only", "false").expect("edited");
        assert_eq!(back, text);
    }

    #[test]
    fn a_section_without_the_key_gets_it_under_its_header() {
        let text = "[quotes] # lists\n\n[export]\nfolder = \"~/x\"\n";
        let out = edited(text, "quotes", "words_only", "true").expect("edited");
        assert_eq!(out, "[quotes] # lists\nwords_only = true\n\n[export]\nfolder = \"~/x\"\n");
    }

    #[test]
    fn files_that_cannot_be_edited_safely_are_left_alone() {
        // A mistake already there, an inline table, a dotted key.
        assert_eq!(edited("[quotes\n", "quotes", "words_only", "true"), None);
        assert_eq!(edited("quotes = { words_only = false }\n", "quotes", "words_only", "true"), None);
        assert_eq!(edited("quotes.words_only = false\n", "quotes", "words_only", "true"), None);
    }

    #[test]
    fn the_file_is_created_and_rewritten_on_disk() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("sayso").join("config.toml");
        setting(&path, "quotes", "words_only", "true").expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "[quotes]\nwords_only = true\n");
        std::fs::write(&path, "# keep me\n[quotes]\nwords_only = true\n").expect("write");
        setting(&path, "quotes", "words_only", "false").expect("written");
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "# keep me\n[quotes]\nwords_only = false\n"
        );
    }
}
