//! Aligned folding: a folded copy of a text that keeps, for every folded byte, the
//! original byte range it came from, so that a match found in the folded copy is mapped
//! back to a [`Span`] of the original.
//!
//! A [`Fold`] always straightens typographic punctuation ([`fold_punct`]: curly quotes
//! and apostrophes, dashes, NBSP-like spaces), drops invisible characters
//! ([`is_invisible`]) and folds every run of white space to one character; its options
//! say what else it does:
//!
//! | option | off (the default) | on |
//! |---|---|---|
//! | [`Fold::lower`] | case kept | lower case (`char::to_lowercase`, which may give several characters) |
//! | [`Fold::paragraphs`] | every white-space run is one `' '` | a run holding two or more line feeds is one `'\n'` (a paragraph break), any other run one `' '` |
//! | [`Fold::ellipsis`] | `'…'` kept | `'…'` is `"..."` |
//!
//! The actor gazetteer folds texts with `Fold::PLAIN.paragraphs()` (case matters to its
//! surfaces, a paragraph break stops a match); the scorer finds gold strings in articles
//! with `Fold::PLAIN.lower().ellipsis()`.
//!
//! # Example
//! ```
//! use stancemap_core::fold::{Fold, FoldedText};
//! let text = "The  mayor\u{2019}s \u{201C}No\u{201D}\u{2026}";
//! let folded = FoldedText::new(text, Fold::PLAIN.lower().ellipsis());
//! assert_eq!(folded.as_str(), "the mayor's \"no\"...");
//! let at = folded.as_str().find("mayor's").unwrap();
//! let span = folded.original_span(at..at + "mayor's".len()).unwrap();
//! assert_eq!(&text[span], "mayor\u{2019}s");
//! // A needle is folded the same way (trimmed, no map kept).
//! assert_eq!(Fold::PLAIN.lower().fold(" Mayor\u{2019}s "), "mayor's");
//! ```
//!
//! # The map
//! Each folded character stands for the original character it came from; the one
//! character of a white-space run stands for the run, from its first white-space
//! character to its last (invisible characters inside the run are covered, those after
//! it are not). [`FoldedText::original_span`] maps a range of whole folded characters to
//! the original range from the start of its first character's origin to the end of its
//! last one's.
//!
//! The map is run-length encoded: a stretch of folded text that is a byte-for-byte copy
//! of the original (ASCII letters, a single space, any character that folds to one
//! character of its own length) is one segment, whatever its length; only characters
//! whose length changes (`’` → `'`, `…` → `...`, a run of several spaces) add segments.
//! News text folds to a handful of segments per paragraph, so the map costs a small
//! fraction of the text, where a per-byte table costs 8–16 bytes per byte.

use std::ops::Range;

use crate::Span;
use crate::text::fold_punct;

/// What a [`Fold`] does besides straightening punctuation, dropping invisible characters
/// and collapsing white space (see the [module documentation](self)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Fold {
    lower: bool,
    paragraphs: bool,
    ellipsis: bool,
}

impl Fold {
    /// Case kept, every white-space run one space, `'…'` kept.
    pub const PLAIN: Fold = Fold {
        lower: false,
        paragraphs: false,
        ellipsis: false,
    };

    /// The same fold, lower-casing the text.
    ///
    /// ```
    /// use stancemap_core::fold::Fold;
    /// assert_eq!(Fold::PLAIN.fold("NATO Allies"), "NATO Allies");
    /// assert_eq!(Fold::PLAIN.lower().fold("NATO Allies"), "nato allies");
    /// ```
    #[must_use]
    pub const fn lower(self) -> Fold {
        Fold {
            lower: true,
            ..self
        }
    }

    /// The same fold, keeping paragraph breaks: a white-space run holding two or more
    /// line feeds folds to `'\n'` instead of `' '`.
    ///
    /// ```
    /// use stancemap_core::fold::{Fold, FoldedText};
    /// let text = "one\r\n\r\ntwo \n three";
    /// assert_eq!(FoldedText::new(text, Fold::PLAIN).as_str(), "one two three");
    /// assert_eq!(FoldedText::new(text, Fold::PLAIN.paragraphs()).as_str(), "one\ntwo three");
    /// ```
    #[must_use]
    pub const fn paragraphs(self) -> Fold {
        Fold {
            paragraphs: true,
            ..self
        }
    }

    /// The same fold, writing the ellipsis character `'…'` as three periods.
    ///
    /// ```
    /// use stancemap_core::fold::Fold;
    /// assert_eq!(Fold::PLAIN.ellipsis().fold("wait\u{2026}"), "wait...");
    /// ```
    #[must_use]
    pub const fn ellipsis(self) -> Fold {
        Fold {
            ellipsis: true,
            ..self
        }
    }

    /// The folded form of `s`, trimmed, without a map: the form of a needle or a
    /// dictionary entry that is searched in a [`FoldedText`] of the same fold.
    ///
    /// ```
    /// use stancemap_core::fold::Fold;
    /// assert_eq!(Fold::PLAIN.fold("\u{200B} Côte d\u{2019}Ivoire\u{00A0}\n"), "Côte d'Ivoire");
    /// ```
    pub fn fold(self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        fold_into(s, self, &mut out, &mut NoMap);
        // Only the one character of a white-space run can stand at either end.
        let trimmed = out.trim();
        if trimmed.len() == out.len() {
            return out;
        }
        trimmed.to_string()
    }
}

/// Characters that take no room and carry no text: soft hyphen, zero-width space,
/// non-joiner and joiner, word joiner, byte-order mark. Every [`Fold`] drops them.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// A folded copy of a text with a byte map back to the original (see the
/// [module documentation](self)).
///
/// ```
/// use stancemap_core::fold::{Fold, FoldedText};
/// let text = "Says\u{00A0}the\n Kremlin\u{2019}s\u{00AD} aide";
/// let folded = FoldedText::new(text, Fold::PLAIN);
/// assert_eq!(folded.as_str(), "Says the Kremlin's aide");
/// let span = folded.original_span(5..16).unwrap();
/// assert_eq!(&text[span], "the\n Kremlin");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FoldedText {
    text: String,
    /// Sorted by `folded`; the first starts at 0 (none for an empty folded text). A
    /// segment runs to the next one's `folded` (the last to the end of the text).
    segments: Vec<Segment>,
}

/// A stretch of folded text and where it comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    /// The first folded byte of the stretch.
    folded: usize,
    /// The original byte of the first folded byte.
    start: usize,
    /// [`COPY`]: the stretch is a byte-for-byte copy of the original from `start`.
    /// Otherwise every byte of the stretch (one folded character, or the characters of
    /// one lower-cased or expanded character) stands for the original `start..end`.
    end: usize,
}

/// The `end` of a copy [`Segment`].
const COPY: usize = usize::MAX;

impl FoldedText {
    /// Folds `original` with `fold`, keeping the map.
    pub fn new(original: &str, fold: Fold) -> FoldedText {
        let mut text = String::with_capacity(original.len());
        let mut segments = Segments(Vec::new());
        fold_into(original, fold, &mut text, &mut segments);
        FoldedText {
            text,
            segments: segments.0,
        }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length of the folded text in bytes.
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// True when nothing is left after folding.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The original span of the folded bytes `folded`: from the start of the origin of
    /// its first character to the end of the origin of its last. `None` for an empty
    /// range, or one that is out of bounds or not on character boundaries of the folded
    /// text (a match of a `&str` needle is always on them).
    ///
    /// ```
    /// use stancemap_core::fold::{Fold, FoldedText};
    /// let text = "a \u{2014}  b";
    /// let folded = FoldedText::new(text, Fold::PLAIN);
    /// assert_eq!(folded.as_str(), "a - b");
    /// assert_eq!(folded.original_span(2..3).map(|s| &text[s]), Some("\u{2014}"));
    /// assert_eq!(folded.original_span(2..5).map(|s| &text[s]), Some("\u{2014}  b"));
    /// assert_eq!(folded.original_span(3..3), None);
    /// ```
    pub fn original_span(&self, folded: Range<usize>) -> Option<Span> {
        if folded.start >= folded.end {
            return None;
        }
        self.text.get(folded.clone())?;
        Some(Span::new(
            self.start_of(folded.start),
            self.end_of(folded.end - 1),
        ))
    }

    /// The segment holding folded byte `at` (`at < self.len()`).
    fn segment(&self, at: usize) -> Segment {
        let i = self.segments.partition_point(|s| s.folded <= at);
        // Segment 0 starts at folded byte 0, so `i >= 1` for any byte of the text.
        self.segments[i.saturating_sub(1)]
    }

    /// Original start of folded byte `at`.
    fn start_of(&self, at: usize) -> usize {
        let s = self.segment(at);
        if s.end == COPY {
            s.start + (at - s.folded)
        } else {
            s.start
        }
    }

    /// Original end of folded byte `at`.
    fn end_of(&self, at: usize) -> usize {
        let s = self.segment(at);
        if s.end == COPY {
            s.start + (at - s.folded) + 1
        } else {
            s.end
        }
    }
}

/// Where [`fold_into`] records the map.
trait Map {
    /// The folded bytes from `folded` on copy the original from `start` byte for byte.
    fn copy(&mut self, folded: usize, start: usize);
    /// The folded bytes from `folded` on (up to the next record) stand for `start..end`.
    fn whole(&mut self, folded: usize, start: usize, end: usize);
}

/// No map: [`Fold::fold`].
struct NoMap;

impl Map for NoMap {
    #[inline]
    fn copy(&mut self, _: usize, _: usize) {}
    #[inline]
    fn whole(&mut self, _: usize, _: usize, _: usize) {}
}

/// The run-length map of a [`FoldedText`].
struct Segments(Vec<Segment>);

impl Map for Segments {
    #[inline]
    fn copy(&mut self, folded: usize, start: usize) {
        // A copy that continues the previous copy segment extends it.
        if let Some(last) = self.0.last()
            && last.end == COPY
            && last.start + (folded - last.folded) == start
        {
            return;
        }
        self.0.push(Segment {
            folded,
            start,
            end: COPY,
        });
    }

    #[inline]
    fn whole(&mut self, folded: usize, start: usize, end: usize) {
        self.0.push(Segment { folded, start, end });
    }
}

/// ASCII that every fold copies as it is (up to its case): not white space (as
/// `char::is_whitespace` has it: tab, line feed, vertical tab, form feed, carriage
/// return, space) and not the backtick, which [`fold_punct`] makes an apostrophe.
#[inline]
fn is_plain_ascii(b: u8) -> bool {
    b.is_ascii() && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' | b'`')
}

/// Appends the fold of `original` to `out`, recording the map in `map` (offsets into
/// `out` as it grows).
fn fold_into(original: &str, fold: Fold, out: &mut String, map: &mut impl Map) {
    let bytes = original.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A run of plain ASCII: copied at once.
        let run = bytes[i..]
            .iter()
            .position(|&b| !is_plain_ascii(b))
            .map_or(bytes.len(), |n| i + n);
        if run > i {
            map.copy(out.len(), i);
            let from = out.len();
            out.push_str(&original[i..run]);
            if fold.lower {
                out[from..].make_ascii_lowercase();
            }
            i = run;
            continue;
        }
        let Some(c) = original[i..].chars().next() else {
            break;
        };
        let end = i + c.len_utf8();
        if is_invisible(c) {
            i = end;
            continue;
        }
        let f = fold_punct(c);
        if f.is_whitespace() {
            // The run: white space, and invisible characters between it.
            let mut run_end = end;
            let mut newlines = usize::from(c == '\n');
            let mut next = end;
            for d in original[end..].chars() {
                if is_invisible(d) {
                    next += d.len_utf8();
                    continue;
                }
                if !fold_punct(d).is_whitespace() {
                    break;
                }
                newlines += usize::from(d == '\n');
                next += d.len_utf8();
                run_end = next;
            }
            let space = if fold.paragraphs && newlines >= 2 {
                '\n'
            } else {
                ' '
            };
            push_one(out, map, space, i, run_end);
            i = next;
            continue;
        }
        if fold.ellipsis && f == '\u{2026}' {
            map.whole(out.len(), i, end);
            out.push_str("...");
        } else if fold.lower {
            let mut lower = f.to_lowercase();
            match (lower.next(), lower.len()) {
                (Some(l), 0) => push_one(out, map, l, i, end),
                (first, _) => {
                    map.whole(out.len(), i, end);
                    out.extend(first);
                    out.extend(lower);
                }
            }
        } else {
            push_one(out, map, f, i, end);
        }
        i = end;
    }
}

/// Appends `c`, the one folded character of the original `start..end`.
#[inline]
fn push_one(out: &mut String, map: &mut impl Map, c: char, start: usize, end: usize) {
    if c.len_utf8() == end - start {
        // Byte for byte: both ends of the character map to the original character's.
        map.copy(out.len(), start);
    } else {
        map.whole(out.len(), start, end);
    }
    out.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, one folded character at a time: the folded text and, per folded
    /// character, (its folded byte range, its original range).
    fn reference(text: &str, fold: Fold) -> (String, Vec<(Range<usize>, Span)>) {
        let mut out = String::new();
        let mut chars: Vec<(Range<usize>, Span)> = Vec::new();
        let emit = |out: &mut String,
                    chars: &mut Vec<(Range<usize>, Span)>,
                    c: char,
                    start: usize,
                    end: usize| {
            let at = out.len();
            out.push(c);
            chars.push((at..out.len(), Span::new(start, end)));
        };
        let mut in_space = false;
        let mut newlines = 0;
        for (start, c) in text.char_indices() {
            let end = start + c.len_utf8();
            if is_invisible(c) {
                continue;
            }
            let c = fold_punct(c);
            if c.is_whitespace() {
                if !in_space {
                    newlines = 0;
                }
                newlines += usize::from(c == '\n');
                if in_space {
                    // Widen the run's one character; a paragraph break once two line
                    // feeds are in.
                    let (range, span) = chars.pop().expect("the run's character");
                    out.truncate(range.start);
                    let space = if fold.paragraphs && newlines >= 2 {
                        '\n'
                    } else {
                        ' '
                    };
                    emit(&mut out, &mut chars, space, span.start, end);
                } else {
                    emit(&mut out, &mut chars, ' ', start, end);
                }
                in_space = true;
                continue;
            }
            in_space = false;
            if fold.ellipsis && c == '\u{2026}' {
                for _ in 0..3 {
                    emit(&mut out, &mut chars, '.', start, end);
                }
            } else if fold.lower {
                for l in c.to_lowercase() {
                    emit(&mut out, &mut chars, l, start, end);
                }
            } else {
                emit(&mut out, &mut chars, c, start, end);
            }
        }
        (out, chars)
    }

    const FOLDS: [Fold; 8] = [
        Fold::PLAIN,
        Fold::PLAIN.lower(),
        Fold::PLAIN.paragraphs(),
        Fold::PLAIN.ellipsis(),
        Fold::PLAIN.lower().paragraphs(),
        Fold::PLAIN.lower().ellipsis(),
        Fold::PLAIN.paragraphs().ellipsis(),
        Fold::PLAIN.lower().paragraphs().ellipsis(),
    ];

    /// Checks `text` against the reference: the folded text, every range of whole
    /// folded characters, and `None` for ranges off character boundaries.
    fn check(text: &str) {
        for fold in FOLDS {
            let folded = FoldedText::new(text, fold);
            let (want, chars) = reference(text, fold);
            assert_eq!(folded.as_str(), want, "{text:?} {fold:?}");
            assert_eq!(fold.fold(text), want.trim(), "{text:?} {fold:?}");
            for (a, (ra, sa)) in chars.iter().enumerate() {
                for (rb, sb) in &chars[a..] {
                    let got = folded.original_span(ra.start..rb.end);
                    assert_eq!(
                        got,
                        Some(Span::new(sa.start, sb.end)),
                        "{text:?} {fold:?} {:?}",
                        ra.start..rb.end
                    );
                }
            }
            for at in 0..=want.len() + 1 {
                if !want.is_char_boundary(at) {
                    assert_eq!(folded.original_span(at..want.len()), None);
                    assert_eq!(folded.original_span(0..at), None);
                }
            }
            assert_eq!(folded.original_span(0..want.len() + 1), None);
        }
    }

    #[test]
    fn folds_like_the_definition() {
        for text in [
            "",
            " ",
            "\u{200B}",
            "abc",
            "  leading and trailing  ",
            "\n\nparagraph\n\n",
            "a\r\n\r\nb \n c\n\u{200B}\nd",
            "Radosław Pål Zelenskyy — “Élysée” ‘x’ `y`",
            "wait\u{2026} soft\u{00AD}ware\u{FEFF}",
            "İstanbul ΣΟΦΙΑ ß ǅ Ⅻ",
            "emoji 👩\u{200D}🚒 and 🇫🇷\u{00A0}\u{2009}flag",
            "a \u{200B} b \u{200B}c\u{200B} ",
            "\t\x0B\x0C\r \u{85}\u{2028}\u{3000}x",
            "x\u{1C}y\u{7F}",
        ] {
            check(text);
        }
    }

    #[test]
    fn folds_random_text_like_the_definition() {
        let pieces = [
            "a", "B", "é", "É", "İ", "ß", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u{A0}",
            "\u{2009}", "\u{200B}", "\u{AD}", "\u{FEFF}", "\u{2019}", "\u{201C}", "\u{2014}",
            "\u{2026}", "`", "-", ".", "👩", "\u{301}", "Ǆ", "ﬁ",
        ];
        // A small xorshift generator: deterministic, no dependency.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut t = String::new();
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            for k in 0..(x % 12) {
                let r = x.rotate_left(5 * k as u32 + 1);
                t.push_str(pieces[(r % pieces.len() as u64) as usize]);
            }
            check(&t);
        }
    }

    #[test]
    fn copies_are_one_segment() {
        let text = "The Kremlin said no. It did.";
        let folded = FoldedText::new(text, Fold::PLAIN.lower());
        assert_eq!(folded.as_str(), "the kremlin said no. it did.");
        assert_eq!(folded.segments.len(), 1);
        // A multi-byte character of its own length continues the copy.
        let folded = FoldedText::new("Zürich and Kraków", Fold::PLAIN);
        assert_eq!(folded.segments.len(), 1);
        // A character that changes length adds a segment, and the copy resumes after it.
        let folded = FoldedText::new("it\u{2019}s here", Fold::PLAIN);
        assert_eq!(folded.segments.len(), 3);
        assert_eq!(
            folded.original_span(4..8),
            Some(Span::new(6, 10)),
            "{:?}",
            folded.segments
        );
    }

    #[test]
    fn runs_at_the_ends_map_to_the_whole_run() {
        let text = "\u{200B} \n \u{A0}x  \u{200B}\n\n";
        let folded = FoldedText::new(text, Fold::PLAIN.paragraphs());
        assert_eq!(folded.as_str(), " x\n");
        // The leading run starts at its first white-space character, after the
        // invisible one; the trailing run holds the invisible one inside it.
        assert_eq!(folded.original_span(0..1), Some(Span::new(3, 8)));
        assert_eq!(folded.original_span(1..2), Some(Span::new(8, 9)));
        assert_eq!(folded.original_span(2..3), Some(Span::new(9, text.len())));
        assert_eq!(Fold::PLAIN.paragraphs().fold(text), "x");
    }

    #[test]
    fn multi_byte_characters_map_to_whole_characters() {
        let text = "İ\u{2026}é";
        let folded = FoldedText::new(text, Fold::PLAIN.lower().ellipsis());
        assert_eq!(folded.as_str(), "i\u{307}...é");
        // "i" and the combining dot both come from "İ".
        assert_eq!(folded.original_span(0..1), Some(Span::new(0, 2)));
        assert_eq!(folded.original_span(1..3), Some(Span::new(0, 2)));
        // Each period comes from the whole ellipsis.
        assert_eq!(folded.original_span(3..4), Some(Span::new(2, 5)));
        assert_eq!(folded.original_span(5..8), Some(Span::new(2, 7)));
        // Inside a folded character: no span.
        assert_eq!(folded.original_span(0..2), None);
        assert_eq!(folded.original_span(7..8), None);
    }
}
