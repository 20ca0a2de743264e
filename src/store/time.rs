//! Timestamps: unix seconds in the database, RFC 3339 in exports.

/// Seconds since the unix epoch, now (0 if the clock is before 1970).
#[must_use]
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// `secs` as RFC 3339 in UTC, e.g. `2026-11-30T14:05:09Z`.
#[must_use]
pub fn rfc3339(secs: i64) -> String {
    let (date, clock) = split(secs);
    format!("{date}T{clock}Z")
}

/// `secs` as `YYYY-MM-DD HH:MM:SS` in UTC (the form spreadsheets read).
#[must_use]
pub fn date_time(secs: i64) -> String {
    let (date, clock) = split(secs);
    format!("{date} {clock}")
}

fn split(secs: i64) -> (String, String) {
    let days = secs.div_euclid(86_400);
    let rest = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    (format!("{y:04}-{m:02}-{d:02}"), format!("{:02}:{:02}:{:02}", rest / 3600, rest / 60 % 60, rest % 60))
}

/// Proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's algorithm).
const fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants_format() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_798_675_509), "2026-12-31T00:05:09Z");
        assert_eq!(date_time(-1), "1969-12-31 23:59:59");
    }
}
