//! HTML escaping. Every piece of text that comes from the input (article text, names,
//! titles, ids, cue words, rule names) goes through [`escape`] before it reaches the
//! report, in element content and in attribute values alike.

use std::fmt::Write as _;

/// Escapes `&`, `<`, `>`, `"` and `'`, so that the result is safe both as element
/// content and inside a double- or single-quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    escape_into(&mut out, text);
    out
}

/// [`escape`], appending to `out` (the renderer writes large texts piece by piece).
pub fn escape_into(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, b) in text.bytes().enumerate() {
        let rep = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // The five bytes are ASCII, so `i` is always a char boundary.
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + 1;
    }
    out.push_str(&text[last..]);
}

/// Appends a formatted value; writing into a `String` cannot fail.
pub(crate) fn push_fmt(out: &mut String, args: std::fmt::Arguments<'_>) {
    let _ = out.write_fmt(args);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn keeps_multibyte_text() {
        assert_eq!(escape("Zoë „quoted“ — ok"), "Zoë „quoted“ — ok");
        assert_eq!(escape(""), "");
    }
}
