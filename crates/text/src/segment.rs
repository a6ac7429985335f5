//! The `text` stage: paragraphs, sentences and tokens.

use crate::abbrev::Abbreviations;
use crate::normalize::normalize_into;
use crate::stem::{StemCache, Stemmer, with_stem_cache};
use crate::tokenize::{self, Ambig, Raw, RawToken, Term};
use stancemap_core::text::DASHES;
use stancemap_core::{
    Document, Error, Layer, Part, Sentence, SentenceKind, Shape, Span, Stage, Token, TokenKind,
    WordClasses, WordId, WordTable,
};
use std::sync::Arc;

/// A paragraph of at most this many words on one line, without closing punctuation, is a
/// heading.
const HEADING_MAX_WORDS: usize = 16;

/// Splits a document into paragraphs, sentences and tokens (the `text` stage).
///
/// Fills [`Document::sentences`], [`Document::tokens`] (with their normal forms, stems
/// and letter case), the parts of hyphenated words ([`Document::parts`]), each word's
/// shared English classes ([`Document::word_classes`]) and the quote regions
/// ([`Document::quotes`]), replacing what was there, skipping [`Document::boilerplate`]
/// regions. Sentences never overlap boilerplate and, with the boilerplate regions and
/// white space, tile the text: every non-white-space
/// byte outside boilerplate lies in exactly one sentence, and every such byte lies in
/// exactly one token.
///
/// Paragraphs are separated by blank lines; a line break also starts a paragraph (scraped
/// text puts one paragraph on a line) unless the text is hard-wrapped: a line that does
/// not end in sentence-final punctuation followed by one that starts in lower case, and
/// blocks of lines of even width (≥ 3 lines of 40–100 characters, some ending
/// mid-sentence) continue the paragraph. A sentence never crosses a paragraph boundary.
///
/// Sentence boundaries follow `.`, `?`, `!` and `…` (and any closing quotes or brackets
/// right after them), except:
/// - before a word that starts in lower case (scraped text has stray periods: "the
///   United Kingdom. would apply" is one sentence), or before `,` `;` `:`;
/// - after a title ("Dr.", "Gen."), after an abbreviation before a number ("No. 10");
/// - after an initial ("J."), a dotted acronym ("U.S.") or a sentence-internal
///   abbreviation ("Sept.", "e.g."), unless the next word is a common sentence starter
///   ("The", "He", "But") or a quotation opens;
/// - after an ellipsis, unless the next word is capitalised.
///
/// Em dashes are never boundaries. Non-breaking spaces are white space.
///
/// The stage also looks each distinct word of the document up once in the shared English
/// word classes ([`WordClasses`]) and stores the bits in [`Document::word_classes`], so
/// that every later stage asks [`Document::token_classes`] instead of a list of its own.
#[derive(Debug)]
pub struct Segmenter {
    abbreviations: Abbreviations,
    stemmer: Stemmer,
    classes: Arc<WordClasses>,
}

impl Default for Segmenter {
    /// A segmenter with the embedded English abbreviation lexicon.
    fn default() -> Segmenter {
        Segmenter::new(Abbreviations::default())
    }
}

/// One paragraph: its trimmed byte range and whether it spans a single line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Paragraph {
    start: usize,
    end: usize,
    single_line: bool,
}

impl Segmenter {
    /// A segmenter with the given abbreviation lexicon and the embedded word classes.
    pub fn new(abbreviations: Abbreviations) -> Segmenter {
        Segmenter {
            abbreviations,
            stemmer: Stemmer::default(),
            classes: WordClasses::embedded(),
        }
    }

    /// The segmenter with other shared word classes (a user's `english.toml`).
    ///
    /// ```
    /// use stancemap_core::{Document, Stage, WordClass, WordClasses};
    /// use stancemap_text::Segmenter;
    /// let file = r#"
    /// weekdays = []
    /// months = []
    /// modals = ["ought"]
    /// auxiliaries = []
    /// subject_pronouns = []
    /// prepositions = []
    /// honorifics = []
    /// not_name = []
    /// "#;
    /// let classes = WordClasses::parse("english.toml", file)?;
    /// let seg = Segmenter::default().with_classes(std::sync::Arc::new(classes));
    /// let mut doc = Document::new("d", "They ought to go on Monday.");
    /// seg.process(&mut doc)?;
    /// assert!(doc.token_classes(1).contains(WordClass::MODAL));
    /// assert!(doc.token_classes(5).is_empty());
    /// # Ok::<(), stancemap_core::Error>(())
    /// ```
    pub fn with_classes(mut self, classes: Arc<WordClasses>) -> Segmenter {
        self.classes = classes;
        self
    }

    /// The shared word classes in use.
    pub fn classes(&self) -> &WordClasses {
        &self.classes
    }

    /// The abbreviation lexicon in use.
    pub fn abbreviations(&self) -> &Abbreviations {
        &self.abbreviations
    }

    /// Segments `text`, leaving out the `excluded` byte ranges (boilerplate), and
    /// returns the sentences and tokens [`Stage::process`] would store; the tokens'
    /// words go into `words`.
    ///
    /// ```
    /// use stancemap_core::WordTable;
    /// use stancemap_text::Segmenter;
    /// let mut words = WordTable::default();
    /// let (sentences, tokens) = Segmenter::default().segment("Hi there. Bye.", &[], &mut words);
    /// assert_eq!(sentences.len(), 2);
    /// assert_eq!(tokens.len(), 5);
    /// assert_eq!(words.get(tokens[1].norm), "there");
    /// ```
    pub fn segment(
        &self,
        text: &str,
        excluded: &[Span],
        words: &mut WordTable,
    ) -> (Vec<Sentence>, Vec<Token>) {
        // One borrow of the per-thread stem cache for the whole text.
        with_stem_cache(|cache| {
            let mut interner = Interner::new(words, cache);
            self.segment_with(text, excluded, &mut interner)
        })
    }

    fn segment_with(
        &self,
        text: &str,
        excluded: &[Span],
        words: &mut Interner<'_>,
    ) -> (Vec<Sentence>, Vec<Token>) {
        let mut sentences = Vec::new();
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut raw = Vec::with_capacity(256);
        let mut paragraph_index = 0usize;
        for (a, b) in regions(text, excluded) {
            for p in paragraphs(text, a, b) {
                raw.clear();
                tokenize::tokenize(text, p.start, p.end, &self.abbreviations, &mut raw);
                if raw.is_empty() {
                    continue;
                }
                let heading = p.single_line && is_heading(text, &raw);
                let kind = if heading {
                    SentenceKind::Heading
                } else {
                    SentenceKind::Body
                };
                for r in split_sentences(text, &raw, &self.abbreviations) {
                    let first = tokens.len();
                    for t in &raw[r.clone()] {
                        tokens.push(self.token(text, t, words));
                    }
                    let span = Span::new(raw[r.start].start, raw[r.end - 1].end);
                    sentences.push(Sentence {
                        span,
                        tokens: first..tokens.len(),
                        paragraph: paragraph_index,
                        kind,
                    });
                }
                paragraph_index += 1;
            }
        }
        (sentences, tokens)
    }

    /// Tokenizes a piece of text as one paragraph (no sentence splitting), e.g. a
    /// lexicon entry, with the same rules and normal forms as the stage; the tokens'
    /// words go into `words`.
    ///
    /// ```
    /// use stancemap_text::Segmenter;
    /// use stancemap_core::WordTable;
    /// let mut words = WordTable::default();
    /// let toks = Segmenter::default().tokenize("Poland\u{2019}s Prime Minister", &mut words);
    /// let norms: Vec<&str> = toks.iter().map(|t| words.get(t.norm)).collect();
    /// assert_eq!(norms, ["poland", "'s", "prime", "minister"]);
    /// ```
    pub fn tokenize(&self, text: &str, words: &mut WordTable) -> Vec<Token> {
        let mut raw = Vec::new();
        tokenize::tokenize(text, 0, text.len(), &self.abbreviations, &mut raw);
        with_stem_cache(|cache| {
            let mut interner = Interner::new(words, cache);
            raw.iter()
                .map(|t| self.token(text, t, &mut interner))
                .collect()
        })
    }

    #[inline]
    fn token(&self, text: &str, t: &RawToken, words: &mut Interner<'_>) -> Token {
        let kind = match t.kind {
            Raw::Word | Raw::Abbrev(_) => TokenKind::Word,
            Raw::Number => TokenKind::Number,
            _ => TokenKind::Punct,
        };
        let surface = &text[t.start..t.end];
        let (norm, stem) = words.word(&self.stemmer, surface, kind);
        Token {
            span: Span::new(t.start, t.end),
            kind,
            norm,
            stem,
            shape: Shape::of(surface),
        }
    }

    /// The parts of the hyphenated words and numbers among `tokens` ("case-by-case",
    /// "2025-26"), in order: the pieces between dashes, each with its span, normal form,
    /// stem and shape (see [`Part`]). A token made of dashes alone has none.
    ///
    /// ```
    /// use stancemap_core::{Span, WordTable};
    /// use stancemap_text::Segmenter;
    /// let text = "a case-by-case review";
    /// let seg = Segmenter::default();
    /// let mut words = WordTable::default();
    /// let (_, tokens) = seg.segment(text, &[], &mut words);
    /// let parts = seg.parts(text, &tokens, &mut words);
    /// let norms: Vec<&str> = parts.iter().map(|p| words.get(p.norm)).collect();
    /// assert_eq!(norms, ["case", "by", "case"]);
    /// assert!(parts.iter().all(|p| p.token == 1));
    /// assert_eq!(parts[2].span, Span::new(10, 14));
    /// ```
    pub fn parts(&self, text: &str, tokens: &[Token], words: &mut WordTable) -> Vec<Part> {
        with_stem_cache(|cache| {
            let mut interner = Interner::new(words, cache);
            let mut parts = Vec::new();
            for (i, t) in tokens.iter().enumerate() {
                if t.kind == TokenKind::Punct {
                    continue;
                }
                let Some(surface) = text.get(t.span.range()) else {
                    continue;
                };
                // Every dash is `-` or starts with the byte 0xE2: a cheap pre-check.
                if !surface.bytes().any(|b| b == b'-' || b == 0xE2) {
                    continue;
                }
                for (a, b) in pieces_between_dashes(surface) {
                    let piece = &surface[a..b];
                    let (norm, stem) = interner.word(&self.stemmer, piece, TokenKind::Word);
                    parts.push(Part {
                        token: i,
                        span: Span::new(t.span.start + a, t.span.start + b),
                        norm,
                        stem,
                        shape: Shape::of(piece),
                    });
                }
            }
            parts
        })
    }
}

/// The byte ranges of the non-empty pieces of `w` between dashes; none when `w` has no
/// dash or nothing but dashes.
fn pieces_between_dashes(w: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if !w.contains(DASHES) {
        return out;
    }
    let mut start = 0;
    for (i, c) in w.char_indices() {
        if DASHES.contains(&c) {
            if i > start {
                out.push((start, i));
            }
            start = i + c.len_utf8();
        }
    }
    if start < w.len() {
        out.push((start, w.len()));
    }
    out
}

/// Interns a text's tokens: normal forms, and each distinct word's stem computed once
/// per document (then once per thread through the stem cache).
struct Interner<'a> {
    words: &'a mut WordTable,
    cache: Option<&'a mut StemCache>,
    /// The stem of each word-kind normal form met so far, by the norm's id.
    stems: Vec<Option<WordId>>,
    /// The normal form being built.
    buf: String,
}

impl<'a> Interner<'a> {
    fn new(words: &'a mut WordTable, cache: Option<&'a mut StemCache>) -> Interner<'a> {
        Interner {
            words,
            cache,
            stems: Vec::new(),
            buf: String::new(),
        }
    }

    /// The normal form and the stem of a token's surface.
    fn word(&mut self, stemmer: &Stemmer, surface: &str, kind: TokenKind) -> (WordId, WordId) {
        self.buf.clear();
        normalize_into(surface, &mut self.buf);
        let norm = self.words.intern(&self.buf);
        if kind != TokenKind::Word {
            return (norm, norm);
        }
        if let Some(Some(stem)) = self.stems.get(norm.index()) {
            return (norm, *stem);
        }
        let stem = stemmer.stem_in(self.cache.as_deref_mut(), &self.buf);
        let stem = self.words.intern(&stem);
        if self.stems.len() <= norm.index() {
            self.stems.resize(norm.index() + 1, None);
        }
        self.stems[norm.index()] = Some(stem);
        (norm, stem)
    }
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "text"
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Sentences]
    }

    fn process(&self, doc: &mut Document) -> Result<(), Error> {
        let excluded: Vec<Span> = doc.boilerplate.iter().map(|r| r.span).collect();
        let mut words = WordTable::default();
        let (sentences, tokens) = self.segment(doc.text(), &excluded, &mut words);
        doc.sentences = sentences;
        // The parts add words: classify after them.
        doc.parts = self.parts(doc.text(), &tokens, &mut words);
        doc.word_classes = self.classes.classify(&words);
        doc.words = words;
        doc.tokens = tokens;
        doc.quotes = stancemap_core::quotes::quote_regions(doc);
        Ok(())
    }
}

/// The byte ranges of `text` outside the excluded spans (widened to char boundaries,
/// clamped, merged), in order.
fn regions(text: &str, excluded: &[Span]) -> Vec<(usize, usize)> {
    let len = text.len();
    let mut ex: Vec<(usize, usize)> = excluded
        .iter()
        .map(|s| {
            let mut a = s.start.min(len);
            let mut b = s.end.min(len).max(a);
            while a > 0 && !text.is_char_boundary(a) {
                a -= 1;
            }
            while b < len && !text.is_char_boundary(b) {
                b += 1;
            }
            (a, b)
        })
        .filter(|(a, b)| a < b)
        .collect();
    ex.sort_unstable();
    let mut out = Vec::with_capacity(ex.len() + 1);
    let mut at = 0;
    for (a, b) in ex {
        if a > at {
            out.push((at, a));
        }
        at = at.max(b);
    }
    if at < len {
        out.push((at, len));
    }
    out
}

/// A line: byte range without its line break, and whether the break after it is a hard
/// paragraph break (U+2029, form feed).
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    hard_break: bool,
}

fn lines(text: &str, a: usize, b: usize) -> Vec<Line> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = a;
    let mut i = a;
    while i < b {
        // Eight bytes at a time while they are plain ASCII (no control byte, none of the
        // lead bytes of U+0085, U+2028, U+2029): none can start a line break.
        while i + 8 <= b && plain_ascii(&bytes[i..i + 8]) {
            i += 8;
        }
        if i >= b {
            break;
        }
        let c = bytes[i];
        // Most bytes cannot start a line break: skip them with one test.
        if c > 0x0D && c != 0xC2 && c != 0xE2 {
            i += 1;
            continue;
        }
        let (brk, len, hard) = match c {
            b'\n' | 0x0B => (true, 1, false),
            0x0C => (true, 1, true),
            b'\r' => (
                true,
                if bytes.get(i + 1) == Some(&b'\n') && i + 1 < b {
                    2
                } else {
                    1
                },
                false,
            ),
            0xC2 if bytes.get(i + 1) == Some(&0x85) => (true, 2, false),
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                (true, 3, bytes.get(i + 2) == Some(&0xA9))
            }
            _ => (false, 1, false),
        };
        if brk {
            out.push(Line {
                start,
                end: i,
                hard_break: hard,
            });
            i += len;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(Line {
        start,
        end: b,
        hard_break: false,
    });
    out
}

/// True when all eight bytes are ASCII and at least 0x0E (so none is a line break).
#[inline]
fn plain_ascii(chunk: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut w = [0u8; 8];
    w.copy_from_slice(chunk);
    let x = u64::from_le_bytes(w);
    // With no high bit set, `x - 0x0E` borrows into a byte's high bit exactly when that
    // byte is below 0x0E.
    x & HIGH == 0 && x.wrapping_sub(ONES * 0x0E) & HIGH == 0
}

/// Trims Unicode white space from both ends of `text[a..b]`.
fn trim(text: &str, a: usize, b: usize) -> (usize, usize) {
    let s = &text[a..b];
    let t = s.trim_start();
    let start = a + (s.len() - t.len());
    let t = t.trim_end();
    (start, start + t.len())
}

/// True when the (trimmed) line ends in sentence-final punctuation, possibly followed by
/// closing quotes or brackets.
fn ends_terminal(text: &str, a: usize, b: usize) -> bool {
    for c in text[a..b].chars().rev() {
        if tokenize::is_terminal(c) {
            return true;
        }
        if tokenize::is_quote(c) || matches!(c, ')' | ']' | '}') {
            continue;
        }
        return false;
    }
    false
}

fn starts_lowercase(text: &str, a: usize, b: usize) -> bool {
    text[a..b].chars().next().is_some_and(char::is_lowercase)
}

/// True when a block of lines looks hard-wrapped: at least three lines, all but the last
/// of similar width between 40 and 100 characters, the last no longer than the others,
/// and some line ending mid-sentence.
fn hard_wrapped(text: &str, block: &[(usize, usize)]) -> bool {
    if block.len() < 3 {
        return false;
    }
    let widths: Vec<usize> = block
        .iter()
        .map(|&(a, b)| text[a..b].chars().count())
        .collect();
    let body = &widths[..widths.len() - 1];
    let (min, max) = (
        body.iter().copied().min().unwrap_or(0),
        body.iter().copied().max().unwrap_or(0),
    );
    let last = widths[widths.len() - 1];
    min >= 40
        && max <= 100
        && max - min <= (max / 4).max(12)
        && last <= max + 2
        && block[..block.len() - 1]
            .iter()
            .any(|&(a, b)| !ends_terminal(text, a, b))
}

/// Paragraphs of `text[a..b]`, trimmed, in order; white-space-only ones are dropped.
fn paragraphs(text: &str, a: usize, b: usize) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut block: Vec<(usize, usize)> = Vec::new();
    for line in lines(text, a, b) {
        let (s, e) = trim(text, line.start, line.end);
        if s < e {
            block.push((s, e));
        } else {
            flush_block(text, &mut block, &mut out);
        }
        if line.hard_break {
            flush_block(text, &mut block, &mut out);
        }
    }
    flush_block(text, &mut block, &mut out);
    out
}

/// Turns a block of non-blank lines into paragraphs.
fn flush_block(text: &str, block: &mut Vec<(usize, usize)>, out: &mut Vec<Paragraph>) {
    if block.is_empty() {
        return;
    }
    if hard_wrapped(text, block) {
        out.push(Paragraph {
            start: block[0].0,
            end: block[block.len() - 1].1,
            single_line: false,
        });
        block.clear();
        return;
    }
    let mut cur = Paragraph {
        start: block[0].0,
        end: block[0].1,
        single_line: true,
    };
    for &(s, e) in &block[1..] {
        if !ends_terminal(text, cur.start, cur.end) && starts_lowercase(text, s, e) {
            cur.end = e;
            cur.single_line = false;
        } else {
            out.push(cur);
            cur = Paragraph {
                start: s,
                end: e,
                single_line: true,
            };
        }
    }
    out.push(cur);
    block.clear();
}

/// A single-line paragraph of at most [`HEADING_MAX_WORDS`] words, not starting in lower
/// case, with no closing punctuation (nor a trailing `,` `;` `:`).
fn is_heading(text: &str, raw: &[RawToken]) -> bool {
    let words = raw
        .iter()
        .filter(|t| matches!(t.kind, Raw::Word | Raw::Number | Raw::Abbrev(_)))
        .count();
    if words == 0 || words > HEADING_MAX_WORDS {
        return false;
    }
    // Headings start with a capital or a digit; a lower-case start is a fragment.
    if raw
        .iter()
        .find(|t| matches!(t.kind, Raw::Word | Raw::Number | Raw::Abbrev(_)))
        .is_some_and(|t| first_char(text, t).is_lowercase())
    {
        return false;
    }
    let last = raw.iter().rev().find(|t| !is_closer_kind(text, t));
    match last.map(|t| (t.kind, first_char(text, t))) {
        Some((Raw::Terminal(_) | Raw::Abbrev(_), _)) => false,
        // A line ending in `,` `;` `:` runs on into what follows; it is not a title.
        Some((Raw::Punct, ',' | ';' | ':')) => false,
        _ => true,
    }
}

fn first_char(text: &str, t: &RawToken) -> char {
    text[t.start..t.end].chars().next().unwrap_or(' ')
}

/// A closing bracket or a quote mark that can close a quotation.
fn is_closer_kind(text: &str, t: &RawToken) -> bool {
    match t.kind {
        Raw::Close => true,
        Raw::Quote => !tokenize::is_opening_quote(first_char(text, t)),
        _ => false,
    }
}

/// A quote or bracket that opens: an opening-only quote mark, or a straight quote after
/// white space and before a non-space.
fn is_opener(text: &str, raw: &[RawToken], k: usize) -> bool {
    let t = &raw[k];
    match t.kind {
        Raw::Open => true,
        Raw::Quote => {
            let c = first_char(text, t);
            if tokenize::is_opening_quote(c) {
                return true;
            }
            if tokenize::is_closing_quote(c) {
                return false;
            }
            let after_space = k == 0 || raw[k - 1].end < t.start;
            let before_word = raw.get(k + 1).is_some_and(|n| n.start == t.end);
            after_space && before_word
        }
        _ => false,
    }
}

/// Splits one paragraph's raw tokens into sentences (ranges of token indices).
fn split_sentences(
    text: &str,
    raw: &[RawToken],
    ab: &Abbreviations,
) -> Vec<std::ops::Range<usize>> {
    let n = raw.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut k = 0;
    while k < n {
        let cand = match raw[k].kind {
            Raw::Terminal(_) | Raw::Abbrev(_) => raw[k].kind,
            _ => {
                k += 1;
                continue;
            }
        };
        // Closing quotes and brackets right after the punctuation stay with the sentence.
        let mut e = k;
        while e + 1 < n && raw[e + 1].start == raw[e].end && is_closer_kind(text, &raw[e + 1]) {
            e += 1;
        }
        if e + 1 >= n {
            break;
        }
        if is_boundary(text, raw, cand, e + 1, ab) {
            out.push(start..e + 1);
            start = e + 1;
        }
        k = e + 1;
    }
    if start < n {
        out.push(start..n);
    }
    out
}

/// Whether a sentence ends before token `next`, given the candidate token class.
fn is_boundary(text: &str, raw: &[RawToken], cand: Raw, next: usize, ab: &Abbreviations) -> bool {
    let t = &raw[next];
    let c = first_char(text, t);
    match t.kind {
        Raw::Word | Raw::Number | Raw::Abbrev(_) if c.is_lowercase() => return false,
        Raw::Terminal(_) | Raw::Close => return false,
        Raw::Punct if matches!(c, ',' | ';' | ':' | '%') => return false,
        Raw::Quote if tokenize::is_closing_quote(c) => return false,
        _ => {}
    }
    let opener = is_opener(text, raw, next);
    let starter = || {
        matches!(t.kind, Raw::Word | Raw::Abbrev(_))
            && ab.is_sentence_starter(&text[t.start..t.end])
    };
    match cand {
        Raw::Terminal(Term::Strong) => true,
        Raw::Terminal(Term::Period) | Raw::Abbrev(Ambig::Final) => true,
        Raw::Terminal(Term::Ellipsis) => c.is_uppercase() || opener,
        Raw::Abbrev(Ambig::Title | Ambig::Numeric) => false,
        Raw::Abbrev(Ambig::Inner | Ambig::Initial | Ambig::Acronym) => opener || starter(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        let mut words = WordTable::default();
        let (s, _) = Segmenter::default().segment(text, &[], &mut words);
        s.iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn splits_simple_sentences() {
        assert_eq!(
            sents("The ministry issued a statement. It gave no details! Why not? Nobody knows."),
            [
                "The ministry issued a statement.",
                "It gave no details!",
                "Why not?",
                "Nobody knows."
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sents(
                "U.S. Defense Secretary Lloyd Park met Dr. Jane Roe and Gen. Alan Wu on Sept. 12 in St. Louis. They talked."
            ),
            [
                "U.S. Defense Secretary Lloyd Park met Dr. Jane Roe and Gen. Alan Wu on Sept. 12 in St. Louis.",
                "They talked."
            ]
        );
        assert_eq!(
            sents(
                "Prof. Ito and Mr. and Mrs. Dale, i.e. the donors, met the U.K. envoy vs. No. 10 staff from Jan. to Dec. last year."
            ),
            [
                "Prof. Ito and Mr. and Mrs. Dale, i.e. the donors, met the U.K. envoy vs. No. 10 staff from Jan. to Dec. last year."
            ]
        );
    }

    #[test]
    fn acronym_at_sentence_end_splits_before_a_starter() {
        assert_eq!(
            sents("The drones came from the U.S. The navy denied it."),
            ["The drones came from the U.S.", "The navy denied it."]
        );
    }

    #[test]
    fn initials_stay_and_sign_off_is_alone() {
        assert_eq!(
            sents("The report by J. R. Smith was published.\nA.B."),
            ["The report by J. R. Smith was published.", "A.B."]
        );
    }

    #[test]
    fn numbers_do_not_split() {
        assert_eq!(
            sents("It would cost $200 bn, or 3.5 percent. Another 1.2 million was pledged."),
            [
                "It would cost $200 bn, or 3.5 percent.",
                "Another 1.2 million was pledged."
            ]
        );
    }

    #[test]
    fn quotes_end_sentences_after_the_closing_mark() {
        assert_eq!(
            sents("\"We are ready,\" he said. \"We will not wait.\" Next came the vote."),
            [
                "\"We are ready,\" he said.",
                "\"We will not wait.\"",
                "Next came the vote."
            ]
        );
        assert_eq!(
            sents("\u{201C}This is a trap right now,\u{201D} he said. Then he left."),
            [
                "\u{201C}This is a trap right now,\u{201D} he said.",
                "Then he left."
            ]
        );
        assert_eq!(
            sents("He called it \u{201C}a disgrace.\u{201D} The mayor agreed."),
            [
                "He called it \u{201C}a disgrace.\u{201D}",
                "The mayor agreed."
            ]
        );
    }

    #[test]
    fn question_in_quote_before_lowercase_does_not_split() {
        assert_eq!(
            sents("\u{201C}Why now?\u{201D} she asked. \u{201C}Enough!\u{201D} he shouted."),
            [
                "\u{201C}Why now?\u{201D} she asked.",
                "\u{201C}Enough!\u{201D} he shouted."
            ]
        );
    }

    #[test]
    fn ellipses_and_em_dashes() {
        assert_eq!(
            sents("We waited... and waited \u{2014} nothing. Then\u{2026} Silence fell."),
            [
                "We waited... and waited \u{2014} nothing.",
                "Then\u{2026}",
                "Silence fell."
            ]
        );
    }

    #[test]
    fn broken_punctuation_before_lowercase_does_not_split() {
        assert_eq!(
            sents("The plan backed by the European Union. would impose a levy on imports."),
            ["The plan backed by the European Union. would impose a levy on imports."]
        );
    }

    #[test]
    fn scraped_text_quirks() {
        // Missing space after an acronym or a full stop.
        assert_eq!(
            sents("Talks stalled in the U.S.The envoy left.Officials said nothing."),
            [
                "Talks stalled in the U.S.",
                "The envoy left.",
                "Officials said nothing."
            ]
        );
        // A decimal without its leading zero.
        assert_eq!(
            sents("Prices rose .5 percent in May. Wages fell."),
            ["Prices rose .5 percent in May.", "Wages fell."]
        );
        // Suffixes and capitals after them.
        assert_eq!(
            sents(
                "Hank Lowe Jr. Avenue was closed, said Lt. Col. Mara Diaz of Washington, D.C. They reopened it."
            ),
            [
                "Hank Lowe Jr. Avenue was closed, said Lt. Col. Mara Diaz of Washington, D.C.",
                "They reopened it."
            ]
        );
        // A list number at the start of a paragraph.
        assert_eq!(
            sents("2. Close the airspace.\n3. Call the council."),
            ["2. Close the airspace.", "3. Call the council."]
        );
    }

    #[test]
    fn lines_ending_in_a_colon_are_not_headings() {
        let text = "The statement read:\n\nWe Stand Together";
        let mut words = WordTable::default();
        let (s, _) = Segmenter::default().segment(text, &[], &mut words);
        assert_eq!(s[0].kind, SentenceKind::Body);
        assert_eq!(s[1].kind, SentenceKind::Heading);
    }

    #[test]
    fn nbsp_is_white_space() {
        let text = "Ministers met\u{00A0}on Monday.\u{00A0}They agreed.";
        assert_eq!(
            sents(text),
            ["Ministers met\u{00A0}on Monday.", "They agreed."]
        );
    }

    #[test]
    fn paragraphs_and_headings() {
        let text = "Farm Subsidies Under Fire\n\nThe vote was close. Critics objected.\nA second line is a new paragraph.\nthis one continues it\n\nRead More";
        let mut words = WordTable::default();
        let (s, _) = Segmenter::default().segment(text, &[], &mut words);
        let got: Vec<(&str, usize, SentenceKind)> = s
            .iter()
            .map(|s| (&text[s.span.start..s.span.end], s.paragraph, s.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("Farm Subsidies Under Fire", 0, SentenceKind::Heading),
                ("The vote was close.", 1, SentenceKind::Body),
                ("Critics objected.", 1, SentenceKind::Body),
                ("A second line is a new paragraph.", 2, SentenceKind::Body),
                ("this one continues it", 3, SentenceKind::Body),
                ("Read More", 4, SentenceKind::Heading),
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_continue_the_paragraph() {
        let text = "The committee said on Tuesday that the new tariff schedule\nwould take effect in March, and that Finance Minister\nRoberta Lang had signed the order. Exporters warned of\nhigher costs.\n\nA new paragraph.";
        let mut words = WordTable::default();
        let (s, _) = Segmenter::default().segment(text, &[], &mut words);
        let got: Vec<(&str, usize)> = s
            .iter()
            .map(|s| (&text[s.span.start..s.span.end], s.paragraph))
            .collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[0].0.ends_with("signed the order.") && got[0].1 == 0);
        assert_eq!(got[1], ("Exporters warned of\nhigher costs.", 0));
        assert_eq!(got[2], ("A new paragraph.", 1));
        // lower-case continuation of a scraped line
        let text = "The envoy said the talks would resume\nnext week in Geneva.";
        assert_eq!(
            sents(text),
            ["The envoy said the talks would resume\nnext week in Geneva."]
        );
    }

    #[test]
    fn skips_boilerplate() {
        let text = "Real text here. Sign up for our newsletter! More real text.";
        let b = text.find("Sign").unwrap();
        let e = text.find("More").unwrap();
        let mut words = WordTable::default();
        let (s, toks) = Segmenter::default().segment(text, &[Span::new(b, e)], &mut words);
        let got: Vec<&str> = s.iter().map(|s| &text[s.span.start..s.span.end]).collect();
        assert_eq!(got, ["Real text here.", "More real text."]);
        assert!(toks.iter().all(|t| !t.span.overlaps(Span::new(b, e))));
    }

    #[test]
    fn the_stage_classifies_each_word_once() {
        use stancemap_core::WordClass;
        let mut doc = Document::new("d", "On Monday Dr. Roe said they Would not come in May.");
        Segmenter::default().process(&mut doc).unwrap();
        assert_eq!(doc.word_classes.len(), doc.words.len());
        let class = |w: &str| {
            let i = (0..doc.tokens.len()).find(|&i| doc.norm(i) == w).unwrap();
            doc.token_classes(i)
        };
        assert!(class("monday").contains(WordClass::WEEKDAY | WordClass::NOT_NAME));
        assert!(class("dr.").contains(WordClass::HONORIFIC));
        assert!(class("they").contains(WordClass::SUBJECT_PRONOUN));
        assert!(
            class("would").contains(WordClass::MODAL),
            "looked up by normal form"
        );
        assert_eq!(class("may"), WordClass::MONTH | WordClass::MODAL);
        assert!(class("in").contains(WordClass::PREPOSITION));
        assert!(class("roe").is_empty() && class("come").is_empty());
        assert!(doc.token_classes(doc.tokens.len()).is_empty());
    }

    #[test]
    fn the_stage_gives_hyphen_parts_and_letter_case() {
        let text = "NATO\u{2019}s case-by-case Anti\u{2010}Drone plan, 2025-26.";
        let mut doc = Document::new("d", text);
        Segmenter::default().process(&mut doc).expect("segments");
        let norms = |i: usize| -> Vec<String> {
            doc.parts_of(i)
                .iter()
                .map(|p| format!("{}/{}", doc.word(p.norm), doc.word(p.stem)))
                .collect()
        };
        let words: Vec<&str> = doc.tokens.iter().map(|t| doc.slice(t.span)).collect();
        let at = |w: &str| words.iter().position(|x| *x == w).expect(w);
        assert_eq!(
            norms(at("case-by-case")),
            ["case/case", "by/by", "case/case"]
        );
        assert_eq!(norms(at("Anti\u{2010}Drone")), ["anti/anti", "drone/drone"]);
        assert_eq!(norms(at("2025-26")), ["2025/2025", "26/26"]);
        assert!(norms(at("plan")).is_empty());
        let anti = doc.parts_of(at("Anti\u{2010}Drone"));
        assert_eq!(doc.slice(anti[1].span), "Drone");
        assert!(anti[1].shape.is_cap() && !anti[1].shape.is_upper());
        let nato = &doc.tokens[at("NATO")];
        assert!(nato.shape.is_cap() && nato.shape.is_upper());
        assert!(!doc.tokens[at("plan")].shape.is_cap());
        // Parts are words of the document: classified like every other word.
        assert_eq!(doc.word_classes.len(), doc.words.len());
    }

    #[test]
    fn tokens_have_norm_and_stem() {
        let text =
            "Russia\u{2019}s jets aren\u{2019}t \u{201C}Escalating\u{201D} \u{2014} 12 times.";
        let mut words = WordTable::default();
        let (_, toks) = Segmenter::default().segment(text, &[], &mut words);
        let got: Vec<(&str, &str, &str, TokenKind)> = toks
            .iter()
            .map(|t| {
                (
                    &text[t.span.start..t.span.end],
                    words.get(t.norm),
                    words.get(t.stem),
                    t.kind,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Russia", "russia", "russia", TokenKind::Word),
                ("\u{2019}s", "'s", "'s", TokenKind::Word),
                ("jets", "jets", "jet", TokenKind::Word),
                ("are", "are", "are", TokenKind::Word),
                ("n\u{2019}t", "n't", "n't", TokenKind::Word),
                ("\u{201C}", "\"", "\"", TokenKind::Punct),
                ("Escalating", "escalating", "escal", TokenKind::Word),
                ("\u{201D}", "\"", "\"", TokenKind::Punct),
                ("\u{2014}", "-", "-", TokenKind::Punct),
                ("12", "12", "12", TokenKind::Number),
                ("times", "times", "time", TokenKind::Word),
                (".", ".", ".", TokenKind::Punct),
            ]
        );
    }

    #[test]
    fn spans_are_valid_on_emoji_diacritics_and_nbsp() {
        let text = "Zürich\u{2019}s Cafe\u{301} \u{2014} \u{1F469}\u{200D}\u{1F692}\u{00A0}welcomed 🇫🇷 Pål!\u{00A0}\u{00A0}Ça\u{202F}va? \u{1F44D}\u{1F3FD}\n\u{301}Ok.";
        let mut words = WordTable::default();
        let (s, toks) = Segmenter::default().segment(text, &[], &mut words);
        for sp in s.iter().map(|s| s.span).chain(toks.iter().map(|t| t.span)) {
            assert!(sp.start < sp.end && sp.end <= text.len());
            assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
            let slice = &text[sp.start..sp.end];
            assert_eq!(slice.trim(), slice, "{slice:?}");
        }
        let surfaces: Vec<&str> = toks
            .iter()
            .map(|t| &text[t.span.start..t.span.end])
            .collect();
        for g in [
            "Cafe\u{301}",
            "\u{1F469}\u{200D}\u{1F692}",
            "\u{1F44D}\u{1F3FD}",
            "🇫🇷",
            "Pål",
            "Ça",
        ] {
            assert!(surfaces.contains(&g), "{g:?} in {surfaces:?}");
        }
        let sents: Vec<&str> = s.iter().map(|s| &text[s.span.start..s.span.end]).collect();
        assert_eq!(
            sents[..2],
            [
                "Zürich\u{2019}s Cafe\u{301} \u{2014} \u{1F469}\u{200D}\u{1F692}\u{00A0}welcomed 🇫🇷 Pål!",
                "Ça\u{202F}va?"
            ]
        );
    }

    #[test]
    fn stage_fills_document() {
        let mut doc = Document::new("d", "One. Two.");
        let seg = Segmenter::default();
        assert_eq!(seg.name(), "text");
        assert_eq!(seg.provides(), &[Layer::Sentences]);
        seg.process(&mut doc).expect("ok");
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.sentence_tokens(1).len(), 2);
        // idempotent
        seg.process(&mut doc).expect("ok");
        assert_eq!(doc.sentences.len(), 2);
        assert_eq!(doc.tokens.len(), 4);
    }
}
