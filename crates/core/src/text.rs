//! Small text helpers shared by every crate: name normalisation (the SPEC §4 matching
//! rule) and slugs for actor ids.

/// Folds typographic variants to ASCII: curly quotes and apostrophes, dashes, NBSP.
pub fn fold_punct(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
        | '\u{2033}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' => ' ',
        _ => c,
    }
}

/// Letters whose base letter NFD decomposition does not reveal (`ł`, `ø`, `đ` …).
fn fold_special(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'Ł' => "L",
        'ø' => "o",
        'Ø' => "O",
        'đ' | 'ð' => "d",
        'Đ' | 'Ð' => "D",
        'ħ' => "h",
        'ı' => "i",
        'ŧ' => "t",
        'ß' => "ss",
        'þ' => "th",
        'æ' => "ae",
        'œ' => "oe",
        _ => return None,
    })
}

/// Drops diacritics from Latin letters (`Radosław` → `Radoslaw`, `Pål` → `Pal`).
///
/// ```
/// use stancemap_core::text::strip_diacritics;
/// assert_eq!(strip_diacritics("Radosław Pål Zelenskyy"), "Radoslaw Pal Zelenskyy");
/// ```
pub fn strip_diacritics(s: &str) -> String {
    use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        match fold_special(c) {
            Some(rep) => out.push_str(rep),
            None => out.push(c),
        }
    }
    out
}

/// The SPEC §4 normal form of a name: lower case, diacritics dropped, curly apostrophes
/// straightened, white space collapsed, a leading "the" dropped.
///
/// ```
/// use stancemap_core::text::normalize_name;
/// assert_eq!(normalize_name("The  Kremlin"), "kremlin");
/// assert_eq!(normalize_name("Radosław Sikorski"), "radoslaw sikorski");
/// assert_eq!(normalize_name("Latvia’s Ministry"), "latvia's ministry");
/// ```
pub fn normalize_name(name: &str) -> String {
    let folded: String = strip_diacritics(name)
        .chars()
        .map(fold_punct)
        .flat_map(char::to_lowercase)
        .collect();
    let collapsed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    match collapsed.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => collapsed,
    }
}

/// A stable id for a name: normal form with runs of non-alphanumerics as `-`.
///
/// ```
/// use stancemap_core::text::slug;
/// assert_eq!(slug("Donald Tusk"), "donald-tusk");
/// assert_eq!(slug("Ministry of Defense of Latvia"), "ministry-of-defense-of-latvia");
/// assert_eq!(slug("Pål Jonson"), "pal-jonson");
/// ```
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in normalize_name(name).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// 1-based line and column (in characters) of a byte offset, for error messages about
/// data files. An offset past the end or inside a character is moved back to a boundary.
///
/// ```
/// use stancemap_core::text::line_col;
/// assert_eq!(line_col("ab\ncé d", 6), (2, 3));
/// ```
pub fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncé d", 7), (2, 4));
        assert_eq!(line_col("ab\ncé d", 6), (2, 3));
        assert_eq!(line_col("", 5), (1, 1));
        assert_eq!(line_col("x", 10), (1, 2));
    }

    #[test]
    fn combining_marks_are_dropped() {
        assert_eq!(normalize_name("Cafe\u{301}"), "cafe");
    }
}
