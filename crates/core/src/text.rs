//! Small text helpers shared by every crate: name normalisation (the SPEC §4 matching
//! rule) and slugs for actor ids.

/// The dashes a hyphenated word is written with ("case-by-case", "east–west"): hyphen,
/// hyphen and non-breaking hyphen, en and em dash. The text stage splits words at them
/// and token patterns read a dash as `-`.
pub const DASHES: [char; 5] = ['-', '\u{2010}', '\u{2011}', '\u{2013}', '\u{2014}'];

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
    if s.is_ascii() {
        // NFD, the combining marks and the special letters are all outside ASCII.
        return s.to_string();
    }
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
    if name.is_ascii() {
        return normalize_ascii_name(name);
    }
    normalize_general(name)
}

/// [`normalize_name`] by its definition, for any string.
fn normalize_general(name: &str) -> String {
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

/// [`normalize_name`] of an ASCII string, in one pass and one allocation: NFD and the
/// diacritic folds leave ASCII alone, and of the punctuation folds only the backtick
/// applies. Called for every candidate name and actor id, so it avoids the general path.
fn normalize_ascii_name(name: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(name.len());
    let mut space = false;
    for &b in name.as_bytes() {
        // `char::is_whitespace` on ASCII: tab, line feed, vertical tab, form feed, carriage
        // return and space (not `u8::is_ascii_whitespace`, which leaves out the vertical tab).
        if matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(b' ');
            space = false;
        }
        out.push(if b == b'`' {
            b'\''
        } else {
            b.to_ascii_lowercase()
        });
    }
    if out.starts_with(b"the ") {
        out.drain(..4);
    }
    // ASCII in, ASCII out: the conversion cannot fail.
    String::from_utf8(out).unwrap_or_else(|_| normalize_general(name))
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
    let norm = normalize_name(name);
    if norm.is_ascii() {
        return ascii_slug(norm);
    }
    general_slug(&norm)
}

/// [`slug`] of any normal form: alphanumerics kept, every other run one `-`, none at
/// either end.
fn general_slug(norm: &str) -> String {
    let mut out = String::with_capacity(norm.len());
    for c in norm.chars() {
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

/// [`slug`] of an ASCII normal form, rewritten in place (the slug is never longer).
fn ascii_slug(norm: String) -> String {
    let mut bytes = norm.into_bytes();
    let mut len = 0;
    for k in 0..bytes.len() {
        let b = bytes[k];
        if b.is_ascii_alphanumeric() {
            bytes[len] = b;
            len += 1;
        } else if len > 0 && bytes[len - 1] != b'-' {
            bytes[len] = b'-';
            len += 1;
        }
    }
    while len > 0 && bytes[len - 1] == b'-' {
        len -= 1;
    }
    bytes.truncate(len);
    // ASCII letters, digits and `-`: the conversion cannot fail.
    String::from_utf8(bytes).unwrap_or_default()
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

    /// ASCII strings that exercise the fast path: every pair of ASCII bytes, and longer
    /// strings of spaces, backticks, the article and mixed case.
    fn ascii_samples() -> Vec<String> {
        let mut out = Vec::new();
        for a in 0u8..128 {
            for b in 0u8..128 {
                out.push(String::from_utf8(vec![a, b]).expect("ASCII"));
            }
        }
        let pieces = [
            "the", "The", "THE", " ", "  ", "\t", "\x0B", "\x0C", "\r\n", "`", "'", "-", "x",
            "Kremlin", "U.S.", "\x1C", "\x1F", "\x7F", "theme", "o`Neil",
        ];
        // A small linear congruential generator: deterministic, no dependency.
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..20_000 {
            let mut s = String::new();
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            for k in 0..(seed >> 60) as usize {
                let r = seed.rotate_left(7 * k as u32 + 3);
                s.push_str(pieces[(r % pieces.len() as u64) as usize]);
            }
            out.push(s);
        }
        out
    }

    /// [`slug`] by its definition.
    fn slug_general(name: &str) -> String {
        general_slug(&normalize_general(name))
    }

    #[test]
    fn ascii_fast_paths_equal_the_general_path() {
        for s in ascii_samples() {
            assert_eq!(normalize_name(&s), normalize_general(&s), "{s:?}");
            assert_eq!(strip_diacritics(&s), s, "{s:?}");
            assert_eq!(slug(&s), slug_general(&s), "{s:?}");
        }
    }

    #[test]
    fn combining_marks_are_dropped() {
        assert_eq!(normalize_name("Cafe\u{301}"), "cafe");
    }
}
