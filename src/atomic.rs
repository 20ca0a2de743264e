//! Writing a file so that nobody ever sees half of it, and a crash or power
//! cut leaves either the old file or the new one.

use std::io::{self, Write as _};
use std::path::Path;

/// Write `bytes` to a temporary file beside `path`, flush it to the disk,
/// rename it over `path`, then flush the folder so the rename itself
/// survives a power cut.
///
/// # Errors
/// When the folder cannot be written (the temporary file is removed).
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = path.file_name().ok_or_else(|| {
        io::Error::new(io::ErrorKind::InvalidInput, format!("{} is not a file name", path.display()))
    })?;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let temp = dir.join(format!(".{}.{}.tmp", name.to_string_lossy(), std::process::id()));
    let result = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()))
        .and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result?;
    sync_dir(dir);
    Ok(())
}

/// Flush a folder's entries to the disk. Not every system can open a folder
/// for this (nor needs to); the file's own data is already safe then.
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.md");
        std::fs::write(&path, "old").expect("write");
        write(&path, b"new").expect("atomic write");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("list").filter_map(Result::ok).collect();
        assert_eq!(names.len(), 1, "only the file itself");
    }

    #[test]
    fn a_folder_that_does_not_exist_is_an_error_and_writes_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("missing").join("out.md");
        assert!(write(&path, b"x").is_err());
        assert!(!dir.path().join("missing").exists());
    }
}
