//! Raw tokenization of one paragraph: word, number and punctuation tokens with the
//! extra classes the sentence splitter needs (which periods are abbreviation periods,
//! which punctuation may end a sentence).

use crate::abbrev::{AbbrevClass, Abbreviations};
use unicode_segmentation::GraphemeCursor;

/// Why a word kept its final period, which decides whether that period can end a
/// sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ambig {
    /// Listed title ("Dr."): never a boundary.
    Title,
    /// Listed inner abbreviation ("Sept.", "e.g."): boundary only before a starter.
    Inner,
    /// Abbreviation before a number ("No. 10"), or a list number ("1."): never a boundary.
    Numeric,
    /// Listed often-final abbreviation ("etc."): like a full stop.
    Final,
    /// A single capital letter ("J."): boundary only before a starter.
    Initial,
    /// Dotted acronym ("U.S.", "T.D."): boundary only before a starter.
    Acronym,
}

/// What a run of sentence-final punctuation is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Term {
    /// One period.
    Period,
    /// Several periods or `…`.
    Ellipsis,
    /// Contains `?` or `!`.
    Strong,
}

/// Raw token class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Raw {
    /// Letters (maybe digits).
    Word,
    /// Digits (with inner separators).
    Number,
    /// A word that kept its final period.
    Abbrev(Ambig),
    /// A run of `.`, `?`, `!`, `…`.
    Terminal(Term),
    /// A quote mark.
    Quote,
    /// `(`, `[`, `{`.
    Open,
    /// `)`, `]`, `}`.
    Close,
    /// Any other punctuation or symbol.
    Punct,
}

/// A raw token: byte range in the document text and class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RawToken {
    pub start: usize,
    pub end: usize,
    pub kind: Raw,
}

#[inline]
fn char_at(s: &str, i: usize, end: usize) -> Option<char> {
    if i >= end {
        return None;
    }
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some(b as char);
    }
    s.get(i..end)?.chars().next()
}

/// The char that ends just before byte `i`.
#[inline]
fn char_at_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

/// Characters that extend the grapheme before them (combining marks, joiners,
/// variation selectors, emoji modifiers, tags): they never start a token of their own
/// inside a word.
#[inline]
pub(crate) fn is_extender(c: char) -> bool {
    !c.is_ascii()
        && (unicode_normalization::char::is_combining_mark(c)
            || matches!(c,
                '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{FE00}'..='\u{FE0F}'
                | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}'))
}

/// Characters that may end a sentence.
#[inline]
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '?'
            | '!'
            | '\u{2026}'
            | '\u{3002}'
            | '\u{FF0E}'
            | '\u{FF1F}'
            | '\u{FF01}'
            | '\u{203C}'
            | '\u{2047}'..='\u{2049}'
    )
}

/// Quote marks (each is a token of its own).
#[inline]
pub(crate) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '`' | '\u{2018}'..='\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}' | '\u{300C}'..='\u{300F}'
    )
}

/// Quote marks that only ever open a quotation.
#[inline]
pub(crate) fn is_opening_quote(c: char) -> bool {
    matches!(
        c,
        '\u{201C}'
            | '\u{2018}'
            | '\u{201E}'
            | '\u{201A}'
            | '\u{201F}'
            | '\u{201B}'
            | '\u{00AB}'
            | '\u{2039}'
            | '\u{300C}'
            | '\u{300E}'
    )
}

/// Quote marks that only ever close a quotation (or are an apostrophe).
#[inline]
pub(crate) fn is_closing_quote(c: char) -> bool {
    matches!(
        c,
        '\u{201D}' | '\u{2019}' | '\u{00BB}' | '\u{203A}' | '\u{300D}' | '\u{300F}'
    )
}

/// End of the grapheme cluster that starts at `i` (at least one char).
fn grapheme_end(s: &str, i: usize, end: usize) -> usize {
    let first = char_at(s, i, end).map_or(1, char::len_utf8);
    let min = (i + first).min(end);
    if s.as_bytes().get(i).is_some_and(u8::is_ascii)
        && s.as_bytes().get(min).is_none_or(u8::is_ascii)
        && s.as_bytes().get(i) != Some(&b'\r')
    {
        return min;
    }
    let mut cur = GraphemeCursor::new(i, s.len(), true);
    let b = match cur.next_boundary(s, 0) {
        Ok(Some(b)) if b > i => b.min(end).max(min),
        _ => min,
    };
    // A prepended mark (U+0600 …) joins even a following space into its cluster; white
    // space never belongs to a token.
    match s[min..b].find(char::is_whitespace) {
        Some(k) => min + k,
        None => b,
    }
}

/// Clitics split off PTB-style ("Russia’s" → "Russia" + "’s"), written with `'`;
/// the apostrophe may also be `’`.
const CLITICS: [&str; 6] = ["s", "re", "ve", "ll", "d", "m"];

/// Tokenizes `s[start..end]` (one paragraph) into `out`.
pub(crate) fn tokenize(
    s: &str,
    start: usize,
    end: usize,
    ab: &Abbreviations,
    out: &mut Vec<RawToken>,
) {
    let first_index = out.len();
    let bytes = s.as_bytes();
    let mut i = start;
    while i < end {
        let b = bytes[i];
        // White space.
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let Some(c) = char_at(s, i, end) else { break };
        if !b.is_ascii() && c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            if let Some(j) = ascii_word(s, i, end, ab, out) {
                i = j;
                continue;
            }
            i = word(s, i, end, ab, out, out.len() == first_index);
            continue;
        }
        // A decimal without its leading zero (".5 percent") is a number, not a full stop.
        if c == '.'
            && char_at(s, i + 1, end).is_some_and(|d| d.is_ascii_digit())
            && (i == start || char_at_before(s, i).is_none_or(char::is_whitespace))
        {
            i = word(s, i, end, ab, out, false);
            continue;
        }
        if is_terminal(c) {
            let mut j = i;
            let (mut periods, mut strong, mut ellipsis) = (0usize, false, false);
            while let Some(t) = char_at(s, j, end).filter(|t| is_terminal(*t)) {
                match t {
                    '.' | '\u{FF0E}' | '\u{3002}' => periods += 1,
                    '\u{2026}' => ellipsis = true,
                    _ => strong = true,
                }
                j += t.len_utf8();
            }
            let term = if strong {
                Term::Strong
            } else if ellipsis || periods > 1 {
                Term::Ellipsis
            } else {
                Term::Period
            };
            out.push(RawToken {
                start: i,
                end: j,
                kind: Raw::Terminal(term),
            });
            i = j;
            continue;
        }
        if c == '-' {
            let mut j = i;
            while bytes.get(j) == Some(&b'-') && j < end {
                j += 1;
            }
            out.push(RawToken {
                start: i,
                end: j,
                kind: Raw::Punct,
            });
            i = j;
            continue;
        }
        let kind = if is_quote(c) {
            Raw::Quote
        } else if matches!(c, '(' | '[' | '{') {
            Raw::Open
        } else if matches!(c, ')' | ']' | '}') {
            Raw::Close
        } else {
            Raw::Punct
        };
        let j = grapheme_end(s, i, end);
        out.push(RawToken {
            start: i,
            end: j,
            kind,
        });
        i = j;
    }
}

/// Scans a dotted acronym of single letters ("U.S.", "e.g.", "T.D.") starting at `i`.
/// Returns its end (after the final period) or `None`.
fn dotted_acronym(s: &str, i: usize, end: usize) -> Option<usize> {
    let mut p = i;
    let mut n = 0;
    while let Some(c) = char_at(s, p, end) {
        if !c.is_alphabetic() {
            break;
        }
        let q = p + c.len_utf8();
        if char_at(s, q, end) != Some('.') {
            break;
        }
        p = q + 1;
        n += 1;
    }
    if n < 2 {
        return None;
    }
    // "U.S.A" without the last period: take the last letter too. A longer word right
    // after the period ("U.S.The", a missing space in scraped text) is a token of its own.
    if let Some(c) = char_at(s, p, end)
        && c.is_alphabetic()
    {
        let q = p + c.len_utf8();
        if char_at(s, q, end).is_none_or(|d| !d.is_alphanumeric()) {
            return Some(q);
        }
    }
    Some(p)
}

/// True when only white space separates `i` from a digit.
fn digit_follows(s: &str, mut i: usize, end: usize) -> bool {
    while let Some(c) = char_at(s, i, end) {
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        return c.is_numeric();
    }
    false
}

/// [`ASCII_CLASS`] of an ASCII letter.
const LETTER: u8 = 1;
/// [`ASCII_CLASS`] of an ASCII digit.
const DIGIT: u8 = 2;

/// Per byte: [`LETTER`], [`DIGIT`] or 0 (anything else, non-ASCII bytes included).
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() {
            LETTER
        } else if c.is_ascii_digit() {
            DIGIT
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The common case of [`word`], decided from bytes alone: a run of ASCII letters and
/// digits ended by the paragraph end, by ASCII white space, or by ASCII punctuation that
/// never joins a word (not `-` `'` `.` `:` `&`, nor `,` after a digit). Such a word keeps
/// no period, has no clitic and no inner period, so [`word`] would push exactly one
/// `Word` (with a letter) or `Number` token for it. Returns `None` for anything else.
#[inline]
fn ascii_word(
    s: &str,
    i: usize,
    end: usize,
    ab: &Abbreviations,
    out: &mut Vec<RawToken>,
) -> Option<usize> {
    let bytes = s.as_bytes().get(..end)?;
    let mut j = i;
    let mut class = 0;
    while let Some(&b) = bytes.get(j) {
        let c = ASCII_CLASS[usize::from(b)];
        if c == 0 {
            break;
        }
        class |= c;
        j += 1;
    }
    if j == i {
        return None;
    }
    let alpha = class & LETTER != 0;
    if let Some(&b) = bytes.get(j) {
        // White space: no listed abbreviation spans it (entries have none).
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
        let joins = matches!(b, b'-' | b'\'' | b'.' | b':' | b'&')
            || (b == b',' && bytes[j - 1].is_ascii_digit());
        // A listed entry with an inner period could still start here.
        let safe = space
            || (b.is_ascii_punctuation() && !joins && !(alpha && ab.may_start_dotted(&bytes[i..])));
        if !safe {
            return None;
        }
    }
    out.push(RawToken {
        start: i,
        end: j,
        kind: if alpha { Raw::Word } else { Raw::Number },
    });
    Some(j)
}

/// Scans a word or number token starting at `i` (an alphanumeric char); pushes one or
/// two tokens (a clitic is split off) and returns the end.
fn word(
    s: &str,
    i: usize,
    end: usize,
    ab: &Abbreviations,
    out: &mut Vec<RawToken>,
    para_first: bool,
) -> usize {
    // Listed abbreviations with inner periods ("Ph.D.").
    if char_at(s, i, end).is_some_and(char::is_alphabetic) {
        let rest = &s[i..end];
        let candidates = if ab.may_start_dotted(rest.as_bytes()) {
            ab.dotted()
        } else {
            &[]
        };
        for entry in candidates {
            if rest.len() > entry.len()
                && rest.as_bytes()[..entry.len()].eq_ignore_ascii_case(entry.as_bytes())
                && rest.as_bytes()[entry.len()] == b'.'
                && char_at(s, i + entry.len() + 1, end).is_none_or(|c| !c.is_alphanumeric())
            {
                let class = ab
                    .class(&s[i..i + entry.len()])
                    .unwrap_or(AbbrevClass::Inner);
                let j = i + entry.len() + 1;
                out.push(RawToken {
                    start: i,
                    end: j,
                    kind: Raw::Abbrev(ambig(class)),
                });
                return j;
            }
        }
        if let Some(j) = dotted_acronym(s, i, end) {
            let kind = if s.as_bytes()[j - 1] == b'.' {
                let class = ab.class(&s[i..j - 1]).map_or(Ambig::Acronym, ambig);
                Raw::Abbrev(class)
            } else {
                Raw::Word
            };
            out.push(RawToken {
                start: i,
                end: j,
                kind,
            });
            return j;
        }
    }

    let mut j = i;
    let (mut alpha, mut digit) = (false, false);
    let mut prev = ' ';
    if s.as_bytes()[i] == b'.' {
        // ".5": the caller checked that a digit follows.
        j += 1;
        prev = '0';
    }
    let bytes = s.as_bytes();
    loop {
        // Fast path: a run of ASCII letters and digits.
        let run_start = j;
        while j < end && bytes[j].is_ascii_alphanumeric() {
            if bytes[j].is_ascii_digit() {
                digit = true;
            } else {
                alpha = true;
            }
            j += 1;
        }
        if j > run_start {
            prev = bytes[j - 1] as char;
        }
        let Some(c) = char_at(s, j, end) else { break };
        let len = c.len_utf8();
        if c.is_alphanumeric() {
            if c.is_numeric() {
                digit = true;
            } else {
                alpha = true;
            }
            prev = c;
            j += len;
            continue;
        }
        if is_extender(c) {
            j += len;
            continue;
        }
        let next = char_at(s, j + len, end);
        let join = match c {
            '-' | '\u{2010}' | '\u{2011}' => next.is_some_and(char::is_alphanumeric),
            '\'' | '\u{2019}' => prev.is_alphabetic() && next.is_some_and(char::is_alphabetic),
            '.' => {
                (prev.is_numeric() && next.is_some_and(char::is_numeric))
                    || (prev.is_alphanumeric()
                        && next.is_some_and(|n| n.is_lowercase() || n.is_numeric()))
            }
            ',' => {
                prev.is_numeric()
                    && (1..=3).all(|k| char_at(s, j + k, end).is_some_and(|d| d.is_ascii_digit()))
                    && char_at(s, j + 4, end).is_none_or(|d| !d.is_alphanumeric())
            }
            ':' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
            '&' => prev.is_uppercase() && next.is_some_and(char::is_uppercase),
            _ => false,
        };
        if !join {
            break;
        }
        j += len;
    }

    let text = &s[i..j];
    // A kept period: listed abbreviation, initial, or a list number at paragraph start.
    if s.as_bytes().get(j) == Some(&b'.') && j < end && char_at(s, j + 1, end) != Some('.') {
        let after = j + 1;
        let keep = if !digit {
            match ab.class(text) {
                Some(AbbrevClass::Numeric) if digit_follows(s, after, end) => Some(Ambig::Numeric),
                Some(AbbrevClass::Numeric) | None => {
                    let mut cs = text.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) if c.is_uppercase() => Some(Ambig::Initial),
                        _ => None,
                    }
                }
                Some(class) => Some(ambig(class)),
            }
        } else if !alpha
            && para_first
            && text.len() <= 3
            && char_at(s, after, end).is_some_and(char::is_whitespace)
        {
            Some(Ambig::Numeric)
        } else {
            None
        };
        if let Some(a) = keep {
            out.push(RawToken {
                start: i,
                end: after,
                kind: Raw::Abbrev(a),
            });
            return after;
        }
    }

    let kind = if alpha { Raw::Word } else { Raw::Number };
    if alpha && let Some(cut) = clitic_start(text) {
        out.push(RawToken {
            start: i,
            end: i + cut,
            kind,
        });
        out.push(RawToken {
            start: i + cut,
            end: j,
            kind: Raw::Word,
        });
        return j;
    }
    out.push(RawToken {
        start: i,
        end: j,
        kind,
    });
    j
}

fn ambig(class: AbbrevClass) -> Ambig {
    match class {
        AbbrevClass::Title => Ambig::Title,
        AbbrevClass::Inner => Ambig::Inner,
        AbbrevClass::Numeric => Ambig::Numeric,
        AbbrevClass::Final => Ambig::Final,
    }
}

/// Byte offset in `word` where a PTB clitic starts ("aren’t" → 3, "Russia’s" → 6), if
/// the word ends in one and something is left before it.
fn clitic_start(word: &str) -> Option<usize> {
    let apos = word.rfind(['\'', '\u{2019}'])?;
    let tail = &word[apos..];
    let after = &tail[tail.chars().next().map_or(1, char::len_utf8)..];
    // n't: the n before the apostrophe goes with the clitic.
    if after.eq_ignore_ascii_case("t")
        && apos >= 2
        && word.as_bytes()[apos - 1].eq_ignore_ascii_case(&b'n')
    {
        let cut = apos - 1;
        return (cut > 0).then_some(cut);
    }
    if CLITICS.iter().any(|c| after.eq_ignore_ascii_case(c)) && apos > 0 {
        return Some(apos);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, Raw)> {
        let ab = Abbreviations::default();
        let mut out = Vec::new();
        tokenize(s, 0, s.len(), &ab, &mut out);
        out.iter().map(|t| (&s[t.start..t.end], t.kind)).collect()
    }

    fn texts(s: &str) -> Vec<&str> {
        toks(s).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn keeps_hyphenated_and_dotted_words_together() {
        assert_eq!(
            texts("A case-by-case, air-to-air U.S. plan (e.g. F-35s)."),
            [
                "A",
                "case-by-case",
                ",",
                "air-to-air",
                "U.S.",
                "plan",
                "(",
                "e.g.",
                "F-35s",
                ")",
                "."
            ]
        );
    }

    #[test]
    fn splits_clitics_ptb_style() {
        assert_eq!(
            texts("Spain\u{2019}s navy aren\u{2019}t ready, we\u{2019}re told; O'Neill's can't."),
            [
                "Spain",
                "\u{2019}s",
                "navy",
                "are",
                "n\u{2019}t",
                "ready",
                ",",
                "we",
                "\u{2019}re",
                "told",
                ";",
                "O'Neill",
                "'s",
                "ca",
                "n't",
                "."
            ]
        );
    }

    #[test]
    fn numbers_keep_decimals_and_thousands() {
        let t = toks("A $200 bn fund, 3.5% of 1,000,000 at 12:30 on 2025-09-24.");
        let got: Vec<&str> = t.iter().map(|x| x.0).collect();
        assert_eq!(
            got,
            [
                "A",
                "$",
                "200",
                "bn",
                "fund",
                ",",
                "3.5",
                "%",
                "of",
                "1,000,000",
                "at",
                "12:30",
                "on",
                "2025-09-24",
                "."
            ]
        );
        assert_eq!(t[2].1, Raw::Number);
        assert_eq!(t[3].1, Raw::Word);
    }

    #[test]
    fn each_quote_is_a_token() {
        assert_eq!(
            texts("\u{201C}No,\u{201D} he said. \"Never.\""),
            [
                "\u{201C}", "No", ",", "\u{201D}", "he", "said", ".", "\"", "Never", ".", "\""
            ]
        );
    }

    #[test]
    fn abbreviation_periods_are_classified() {
        let t =
            toks("Dr. Ann Lee met Gen. J. R. Smith on Sept. 5 at No. 10, not no. Pages etc. Done");
        let find = |w: &str| t.iter().find(|x| x.0 == w).map(|x| x.1);
        assert_eq!(find("Dr."), Some(Raw::Abbrev(Ambig::Title)));
        assert_eq!(find("Gen."), Some(Raw::Abbrev(Ambig::Title)));
        assert_eq!(find("J."), Some(Raw::Abbrev(Ambig::Initial)));
        assert_eq!(find("Sept."), Some(Raw::Abbrev(Ambig::Inner)));
        assert_eq!(find("No."), Some(Raw::Abbrev(Ambig::Numeric)));
        assert_eq!(find("no"), Some(Raw::Word));
        assert_eq!(find("etc."), Some(Raw::Abbrev(Ambig::Final)));
    }

    #[test]
    fn ellipses_and_dashes() {
        let t = toks("Wait... what?! Yes\u{2026} \u{2014} no -- maybe");
        let got: Vec<&str> = t.iter().map(|x| x.0).collect();
        assert_eq!(
            got,
            [
                "Wait", "...", "what", "?!", "Yes", "\u{2026}", "\u{2014}", "no", "--", "maybe"
            ]
        );
        assert_eq!(t[1].1, Raw::Terminal(Term::Ellipsis));
        assert_eq!(t[3].1, Raw::Terminal(Term::Strong));
        assert_eq!(t[5].1, Raw::Terminal(Term::Ellipsis));
    }

    #[test]
    fn graphemes_stay_whole() {
        let s = "Cafe\u{301} 👩\u{200D}🚒 🇫🇷 x\u{00A0}y";
        assert_eq!(texts(s), ["Cafe\u{301}", "👩\u{200D}🚒", "🇫🇷", "x", "y"]);
    }
}
