//! Aligned normalisation: NFKC, typographic quotes and dashes folded, lower case, with a
//! map from every normalised byte back to the original text.
//!
//! The normal form is defined by a `tokenizers` normalizer [`Sequence`]; the fast paths
//! below (pure ASCII, and a handful of typographic characters whose normal form is known)
//! give exactly the same string, which a test checks character by character.

use stancemap_core::Span;
use std::ops::Range;
use std::sync::LazyLock;
use tokenizers::normalizers::replace::ReplacePattern;
use tokenizers::normalizers::{Lowercase, NFKC, Replace, Sequence};
use tokenizers::tokenizer::normalizer::Range as NRange;
use tokenizers::{NormalizedString, Normalizer};
use unicode_segmentation::GraphemeCursor;

/// Single quotes, apostrophes and primes folded to `'` (after NFKC).
const SINGLE_QUOTES: &str = "[\u{2018}\u{2019}\u{201A}\u{201B}\u{2032}`]";
/// Double quotes and guillemets folded to `"` (after NFKC).
const DOUBLE_QUOTES: &str = "[\u{201C}\u{201D}\u{201E}\u{201F}\u{00AB}\u{00BB}]";
/// Hyphens, dashes and the minus sign folded to `-` (after NFKC).
const DASHES: &str = "[\u{2010}-\u{2015}\u{2212}\u{FE58}\u{FE63}\u{FF0D}]";

/// The normalizer, built once: its regexes are compiled at construction.
static NORMALIZER: LazyLock<Sequence> =
    LazyLock::new(|| build_normalizer().expect("the built-in normalizer patterns are valid"));

fn build_normalizer() -> tokenizers::Result<Sequence> {
    Ok(Sequence::new(vec![
        NFKC.into(),
        Replace::new(ReplacePattern::Regex(SINGLE_QUOTES.into()), "'")?.into(),
        Replace::new(ReplacePattern::Regex(DOUBLE_QUOTES.into()), "\"")?.into(),
        Replace::new(ReplacePattern::Regex(DASHES.into()), "-")?.into(),
        Lowercase.into(),
    ]))
}

/// Normal form of a non-ASCII character when it is known without running the
/// normalizer (it is NFKC-stable or NFKC-decomposes to ASCII, and no neighbour can
/// compose with it). Checked against the normalizer in the tests.
#[inline]
pub(crate) fn fold_fast(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => "\"",
        '\u{2010}'..='\u{2015}' | '\u{2212}' => "-",
        '\u{2026}' => "...",
        '\u{00A0}'
        | '\u{2007}'
        | '\u{202F}'
        | '\u{2009}'
        | '\u{200A}'
        | '\u{2002}'..='\u{2006}' => " ",
        '\u{00A9}' => "\u{00A9}",
        '\u{00AE}' => "\u{00AE}",
        '\u{00B0}' => "\u{00B0}",
        '\u{00A3}' => "\u{00A3}",
        '\u{20AC}' => "\u{20AC}",
        '\u{00A7}' => "\u{00A7}",
        '\u{2022}' => "\u{2022}",
        '\u{00B7}' => "\u{00B7}",
        _ => return None,
    })
}

/// The normalised form of a string (the form [`NormalizedText::as_str`] and
/// [`Token::norm`](stancemap_core::Token::norm) use): NFKC, curly quotes and apostrophes
/// folded to `"` and `'`, dashes to `-`, lower case.
///
/// Use it on lexicon entries so that they match normalised text.
///
/// ```
/// use stancemap_text::normalize;
/// assert_eq!(normalize("Russia\u{2019}s \u{201C}Red Line\u{201D} \u{2014} ﬁnal"), "russia's \"red line\" - final");
/// ```
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    normalize_into(s, &mut out);
    out
}

/// Appends the normal form of `s` to `out`.
#[inline]
pub(crate) fn normalize_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        push_ascii_lower(s, out);
        return;
    }
    normalize_non_ascii(s, out);
}

/// [`normalize_into`] of a string with a non-ASCII character.
fn normalize_non_ascii(s: &str, out: &mut String) {
    if s.chars().all(|c| c.is_ascii() || fold_fast(c).is_some()) {
        for c in s.chars() {
            match fold_fast(c) {
                Some(f) => out.push_str(f),
                None => push_ascii_char(c, out),
            }
        }
        return;
    }
    match slow(s) {
        Some(ns) => out.push_str(ns.get()),
        // The normalizer only fails on a regex error, which cannot happen with the
        // built-in patterns; fall back to a plain lower case rather than panic.
        None => out.push_str(&s.to_lowercase()),
    }
}

#[inline]
fn push_ascii_char(c: char, out: &mut String) {
    out.push(if c == '`' {
        '\''
    } else {
        c.to_ascii_lowercase()
    });
}

#[inline]
fn push_ascii_lower(s: &str, out: &mut String) {
    let start = out.len();
    out.push_str(s);
    out.as_mut_str()[start..].make_ascii_lowercase();
    // A plain loop: words are short, a `memchr` call costs more than it saves.
    if s.bytes().any(|b| b == b'`') {
        let folded = out[start..].replace('`', "'");
        out.truncate(start);
        out.push_str(&folded);
    }
}

/// Runs the tokenizers normalizer.
fn slow(s: &str) -> Option<NormalizedString> {
    let mut ns = NormalizedString::from(s);
    NORMALIZER.normalize(&mut ns).ok()?;
    Some(ns)
}

/// How one stretch of normalised text maps to the original.
#[derive(Clone, Debug)]
enum Map {
    /// Byte for byte (ASCII).
    Identity,
    /// Every normalised byte stands for the whole original stretch (a folded character).
    Whole,
    /// A word the normalizer rewrote; its alignments map each byte.
    Aligned(Box<NormalizedString>),
}

#[derive(Clone, Debug)]
struct Chunk {
    norm_start: usize,
    norm_len: usize,
    orig_start: usize,
    orig_len: usize,
    map: Map,
}

/// A text in normal form, with a byte alignment back to the original.
///
/// The normal form is that of [`normalize`]. Matchers (aho-corasick over lexicon entries
/// that went through [`normalize`]) run over [`as_str`](NormalizedText::as_str) and map
/// each hit back with [`original_span`](NormalizedText::original_span), which widens the
/// span to whole grapheme clusters of the original, so that `"café"` found in the
/// normalised text covers `Cafe\u{301}` including its combining accent.
///
/// Construction splits the text at ASCII white space (which NFKC never composes across)
/// and runs the tokenizers normalizer only on words that need it; ASCII stays ASCII, byte
/// for byte.
///
/// # Why this is not a [`stancemap_core::fold::FoldedText`]
/// The gazetteer and the scorer share that aligned fold; this type keeps its own map,
/// because moving it would change what it returns:
/// - The normal form is not a fold: NFKC and the regex replacements of the `tokenizers`
///   normalizer (the reference the fast paths are tested against), white space neither
///   collapsed nor trimmed, invisible characters kept. At most the map could be shared.
/// - The map could carry [`original_span`](NormalizedText::original_span) (each
///   normalised byte has one original range), but not
///   [`normalized_range`](NormalizedText::normalized_range), whose rounding of an offset
///   inside a character depends on how the word was normalised. For a character folded
///   on the fast path (`’` → `'`) it rounds outward to the whole character, as a
///   per-character map would; inside a word the normalizer rewrote it follows
///   `tokenizers`' `convert_offsets`: a start goes to the next character whose origin
///   starts at or after it, an end to the last character whose origin ends at or before
///   it, or to the end of the *word* when there is none. In `"x ﬁnal"` the original
///   bytes 3..4 (inside `ﬁ`) give `"nal"`, not `"fi"` (a test pins both cases). A map
///   of per-character origins does not know the word, so it cannot reproduce this.
/// - The rewritten words keep the normalizer's own alignment (`NormalizedString`), which
///   the inverse above reads; replacing it by a copy would hold two maps, not one.
///
/// ```
/// use stancemap_text::NormalizedText;
/// let text = "NATO\u{2019}s \u{201C}Robust\u{201D} Response";
/// let nt = NormalizedText::new(text);
/// assert_eq!(nt.as_str(), "nato's \"robust\" response");
/// let at = nt.as_str().find("\"robust\"").unwrap();
/// let span = nt.original_span(at..at + 8);
/// assert_eq!(&text[span.start..span.end], "\u{201C}Robust\u{201D}");
/// ```
#[derive(Clone, Debug)]
pub struct NormalizedText {
    original: String,
    normalized: String,
    chunks: Vec<Chunk>,
}

impl NormalizedText {
    /// Normalises `original` and records the alignment.
    pub fn new(original: &str) -> NormalizedText {
        let mut nt = NormalizedText {
            original: original.to_string(),
            normalized: String::with_capacity(original.len()),
            chunks: Vec::new(),
        };
        let bytes = original.as_bytes();
        let mut i = 0;
        // `original` is borrowed from the caller, so the pushes below may mutate `nt`.
        while i < bytes.len() {
            // A maximal run of ASCII: identity.
            let mut j = i;
            while j < bytes.len() && bytes[j].is_ascii() {
                j += 1;
            }
            if j > i {
                // Leave the ASCII non-space tail that touches a non-ASCII char to the word
                // that contains it (NFKC and the folds look at whole words).
                let mut cut = j;
                if j < bytes.len() {
                    while cut > i && !bytes[cut - 1].is_ascii_whitespace() {
                        cut -= 1;
                    }
                }
                if cut > i {
                    nt.push_identity(original, i, cut);
                }
                i = cut;
            }
            if i >= bytes.len() {
                break;
            }
            // A word (up to the next ASCII white space) that contains non-ASCII chars.
            let mut k = i;
            while k < bytes.len() && !bytes[k].is_ascii_whitespace() {
                k += 1;
            }
            nt.push_word(original, i, k);
            i = k;
        }
        nt
    }

    fn push_identity(&mut self, original: &str, start: usize, end: usize) {
        let norm_start = self.normalized.len();
        push_ascii_lower(&original[start..end], &mut self.normalized);
        if let Some(last) = self.chunks.last_mut()
            && matches!(last.map, Map::Identity)
            && last.orig_start + last.orig_len == start
            && last.norm_start + last.norm_len == norm_start
        {
            last.orig_len += end - start;
            last.norm_len += end - start;
            return;
        }
        self.chunks.push(Chunk {
            norm_start,
            norm_len: end - start,
            orig_start: start,
            orig_len: end - start,
            map: Map::Identity,
        });
    }

    fn push_word(&mut self, original: &str, start: usize, end: usize) {
        let word = &original[start..end];
        if word.chars().all(|c| c.is_ascii() || fold_fast(c).is_some()) {
            let mut at = start;
            let mut ascii_from = start;
            for c in word.chars() {
                if let Some(f) = fold_fast(c) {
                    if ascii_from < at {
                        self.push_identity(original, ascii_from, at);
                    }
                    let norm_start = self.normalized.len();
                    self.normalized.push_str(f);
                    self.chunks.push(Chunk {
                        norm_start,
                        norm_len: f.len(),
                        orig_start: at,
                        orig_len: c.len_utf8(),
                        map: Map::Whole,
                    });
                    ascii_from = at + c.len_utf8();
                }
                at += c.len_utf8();
            }
            if ascii_from < end {
                self.push_identity(original, ascii_from, end);
            }
            return;
        }
        let norm_start = self.normalized.len();
        match slow(word) {
            Some(ns) => {
                self.normalized.push_str(ns.get());
                self.chunks.push(Chunk {
                    norm_start,
                    norm_len: ns.get().len(),
                    orig_start: start,
                    orig_len: end - start,
                    map: Map::Aligned(Box::new(ns)),
                });
            }
            None => {
                let lower = word.to_lowercase();
                self.normalized.push_str(&lower);
                self.chunks.push(Chunk {
                    norm_start,
                    norm_len: lower.len(),
                    orig_start: start,
                    orig_len: end - start,
                    map: Map::Whole,
                });
            }
        }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.normalized
    }

    /// The original text.
    pub fn original(&self) -> &str {
        &self.original
    }

    /// Length of the normalised text in bytes.
    pub fn len(&self) -> usize {
        self.normalized.len()
    }

    /// True for an empty text.
    pub fn is_empty(&self) -> bool {
        self.normalized.is_empty()
    }

    /// The span of the original text that the normalised byte range stands for, widened
    /// to grapheme cluster boundaries. Out-of-range requests are clamped; never panics.
    pub fn original_span(&self, normalized: Range<usize>) -> Span {
        let n = self.normalized.len();
        let start = normalized.start.min(n);
        let end = normalized.end.min(n).max(start);
        if start == end {
            let at = if start < n {
                self.map_start(start)
            } else {
                self.original.len()
            };
            let at = snap_back(&self.original, at);
            return Span::new(at, at);
        }
        let s = self.map_start(start);
        let e = self.map_end(end).max(s);
        snap_to_graphemes(&self.original, s..e)
    }

    /// The normalised byte range that an original span maps to (the inverse of
    /// [`original_span`](NormalizedText::original_span), up to rounding to whole
    /// rewritten words). Useful to restrict a search to one sentence.
    pub fn normalized_range(&self, original: Span) -> Range<usize> {
        let len = self.original.len();
        let (s, e) = (original.start.min(len), original.end.min(len));
        let e = e.max(s);
        let ns = self.orig_to_norm(s, false);
        let ne = self.orig_to_norm(e, true).max(ns);
        ns..ne
    }

    fn orig_to_norm(&self, pos: usize, is_end: bool) -> usize {
        let i = self
            .chunks
            .partition_point(|c| c.orig_start + c.orig_len <= pos);
        let Some(c) = self.chunks.get(i) else {
            return self.normalized.len();
        };
        if pos <= c.orig_start {
            return c.norm_start;
        }
        let rel = pos - c.orig_start;
        match &c.map {
            Map::Identity => c.norm_start + rel,
            Map::Whole => {
                if is_end {
                    c.norm_start + c.norm_len
                } else {
                    c.norm_start
                }
            }
            Map::Aligned(ns) => {
                let r = if is_end {
                    ns.convert_offsets(NRange::Original(0..rel)).map(|r| r.end)
                } else {
                    ns.convert_offsets(NRange::Original(rel..c.orig_len))
                        .map(|r| r.start)
                };
                c.norm_start
                    + r.unwrap_or(if is_end { c.norm_len } else { 0 })
                        .min(c.norm_len)
            }
        }
    }

    /// Original offset of the first byte of the normalised byte `pos` (`pos < len`).
    fn map_start(&self, pos: usize) -> usize {
        let i = self
            .chunks
            .partition_point(|c| c.norm_start + c.norm_len <= pos);
        let Some(c) = self.chunks.get(i) else {
            return self.original.len();
        };
        let rel = pos.saturating_sub(c.norm_start);
        match &c.map {
            Map::Identity => c.orig_start + rel,
            Map::Whole => c.orig_start,
            Map::Aligned(ns) => {
                let r = ns
                    .convert_offsets(NRange::Normalized(rel..rel + 1))
                    .map_or(0, |r| r.start);
                c.orig_start + r.min(c.orig_len)
            }
        }
    }

    /// Original offset just past the normalised byte `pos - 1` (`pos > 0`).
    fn map_end(&self, pos: usize) -> usize {
        let last = pos - 1;
        let i = self
            .chunks
            .partition_point(|c| c.norm_start + c.norm_len <= last);
        let Some(c) = self.chunks.get(i) else {
            return self.original.len();
        };
        let rel = last.saturating_sub(c.norm_start);
        match &c.map {
            Map::Identity => c.orig_start + rel + 1,
            Map::Whole => c.orig_start + c.orig_len,
            Map::Aligned(ns) => {
                let r = ns
                    .convert_offsets(NRange::Normalized(rel..rel + 1))
                    .map_or(c.orig_len, |r| r.end);
                c.orig_start + r.min(c.orig_len)
            }
        }
    }
}

/// Moves `at` back to the nearest grapheme boundary (and so a char boundary).
fn snap_back(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    let mut cur = GraphemeCursor::new(at, text.len(), true);
    match cur.is_boundary(text, 0) {
        Ok(true) => at,
        _ => match cur.prev_boundary(text, 0) {
            Ok(Some(b)) => b,
            _ => char_floor(text, at),
        },
    }
}

/// Moves `at` forward to the nearest grapheme boundary.
fn snap_forward(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    let mut cur = GraphemeCursor::new(at, text.len(), true);
    match cur.is_boundary(text, 0) {
        Ok(true) => at,
        _ => match cur.next_boundary(text, 0) {
            Ok(Some(b)) => b,
            _ => char_ceil(text, at),
        },
    }
}

fn char_floor(text: &str, mut at: usize) -> usize {
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn char_ceil(text: &str, mut at: usize) -> usize {
    while at < text.len() && !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Widens a byte range of `text` to grapheme cluster boundaries (clamped to the text).
///
/// Normalisation composes `e` + U+0301 into `é`, and the alignment of `é` covers only the
/// original `e`; widening to the grapheme takes the accent back in.
///
/// ```
/// use stancemap_text::snap_to_graphemes;
/// let text = "Cafe\u{301} noir";
/// assert_eq!(snap_to_graphemes(text, 0..4).range(), 0..6);
/// ```
pub fn snap_to_graphemes(text: &str, range: Range<usize>) -> Span {
    let start = snap_back(text, range.start);
    let end = snap_forward(text, range.end.max(range.start)).max(start);
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: the tokenizers normalizer over the whole string.
    fn reference(s: &str) -> String {
        slow(s).expect("normalizer runs").get().to_string()
    }

    #[test]
    fn fast_fold_equals_normalizer() {
        let mut chars: Vec<char> = ('\u{80}'..='\u{2100}')
            .filter(|c| fold_fast(*c).is_some())
            .collect();
        chars.extend(['\u{2212}', '\u{20AC}', '\u{2022}']);
        for c in chars {
            let s = format!("a{c}B");
            assert_eq!(normalize(&s), reference(&s), "char U+{:04X}", c as u32);
        }
        for b in 0u8..0x80 {
            let s = format!("x{}Y", b as char);
            assert_eq!(normalize(&s), reference(&s), "byte {b:#x}");
        }
    }

    #[test]
    fn normalizes_like_the_reference() {
        for s in [
            "The Ministry\u{2019}s \u{201C}Zero-Tariff\u{201D} ﬁnal rule: ＵＳ２０２５ Cafe\u{301} Accord.",
            "Ça va \u{2014} «très» bien\u{2026}",
            "İstanbul ΣΟΦΙΑ ß ǅ",
            "emoji 👩\u{200D}🚒 and 🇫🇷 flag",
            "non\u{00A0}breaking\u{202F}space",
            "",
            "   ",
        ] {
            assert_eq!(normalize(s), reference(s), "{s:?}");
            assert_eq!(NormalizedText::new(s).as_str(), reference(s), "{s:?}");
        }
    }

    #[test]
    fn maps_back_through_expansions() {
        let text = "The Ministry\u{2019}s \u{201C}Zero-Tariff\u{201D} ﬁnal rule: ＵＳ２０２５ Cafe\u{301} Accord.";
        let nt = NormalizedText::new(text);
        let find = |needle: &str| {
            let at = nt.as_str().find(needle).expect(needle);
            let sp = nt.original_span(at..at + needle.len());
            &text[sp.start..sp.end]
        };
        assert_eq!(find("\"zero-tariff\""), "\u{201C}Zero-Tariff\u{201D}");
        assert_eq!(find("ministry's"), "Ministry\u{2019}s");
        assert_eq!(find("final"), "ﬁnal");
        assert_eq!(find("us2025"), "ＵＳ２０２５");
        assert_eq!(find("café"), "Cafe\u{301}");
        assert_eq!(find("accord."), "Accord.");
        assert_eq!(find("the"), "The");
    }

    #[test]
    fn original_span_is_clamped_and_on_boundaries() {
        let text = "Pål said 👩\u{200D}🚒\u{00A0}no";
        let nt = NormalizedText::new(text);
        let n = nt.len();
        for a in 0..=n + 2 {
            for b in a..=n + 2 {
                let sp = nt.original_span(a..b);
                assert!(sp.start <= sp.end && sp.end <= text.len());
                assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
            }
        }
        // A reversed range does not panic.
        #[allow(clippy::reversed_empty_ranges)]
        let sp = nt.original_span(5..2);
        assert!(sp.is_empty());
    }

    #[test]
    fn normalized_range_inverts_original_span() {
        let text = "Russia\u{2019}s \u{201C}red line\u{201D} and Zürich";
        let nt = NormalizedText::new(text);
        let start = text.find("\u{201C}").unwrap();
        let end = text.find(" and").unwrap();
        let r = nt.normalized_range(Span::new(start, end));
        assert_eq!(&nt.as_str()[r.clone()], "\"red line\"");
        assert_eq!(nt.original_span(r), Span::new(start, end));
        let z = text.find("Zürich").unwrap();
        let r = nt.normalized_range(Span::new(z, text.len()));
        assert_eq!(&nt.as_str()[r], "zürich");
    }

    /// The rounding that keeps this type off the shared fold map (see [`NormalizedText`]):
    /// outward inside a fast-path character, `tokenizers`' rules inside a rewritten word.
    #[test]
    fn normalized_range_rounds_by_how_the_word_was_normalised() {
        let nt = NormalizedText::new("it\u{2019}s");
        assert_eq!(nt.normalized_range(Span::new(3, 4)), 2..3);
        let nt = NormalizedText::new("x \u{FB01}nal");
        assert_eq!(nt.as_str(), "x final");
        let r = nt.normalized_range(Span::new(3, 4));
        assert_eq!(&nt.as_str()[r], "nal");
    }
}
