//! The analysis stream: the document's tokens as the stance rules see them.
//!
//! Built from the text stage's view (`doc.sentences`, `doc.tokens`, `doc.parts`) with
//! three changes that make patterns simpler and robust to tokenizer details:
//! - quote marks are dropped (`should not ‘whine’` reads `should not whine`), and quote
//!   marks a tokenizer left glued to a word are trimmed;
//! - hyphenated words are read as their parts (`case-by-case` reads `case by case`),
//!   each part with its own byte span (the text stage's [`Part`](stancemap_core::Part)s);
//! - dashes read `-`.
//!
//! Norms, stems and letter case are the text stage's (its stemmer is the one the
//! patterns use). Sentences overlapping boilerplate are skipped. Each distinct word of
//! the document is worked out once (form, [`Vocab`] symbols, negation, valence: see
//! `WordForms`), not once per token.

use stancemap_core::text::DASHES;
use stancemap_core::{Document, Shape, Span, TokenKind, WordId};
use stancemap_patterns::{Sym, TokView, Vocab, english, norm_word};
use std::borrow::Cow;
use std::ops::Range;

/// One token of the stream.
#[derive(Clone, Debug)]
pub(crate) struct Tok {
    pub span: Span,
    /// The lower-case, quote-folded form: a range of [`Stream::norms`] (see
    /// [`Stream::norm`]).
    norm: Range<usize>,
    /// [`Vocab`] symbols of the norm and the stem.
    pub norm_sym: Sym,
    pub stem_sym: Sym,
    pub word: bool,
    pub neg: bool,
    /// Valence of the word in tenths (see [`Vocab::valence`]).
    pub val: i8,
    /// First letter is upper case in the original.
    pub cap: bool,
    /// All letters upper case (two or more): "US", "NATO".
    pub upper: bool,
    /// Index into [`Stream::sents`].
    pub sent: usize,
}

impl TokView for Tok {
    #[inline]
    fn norm(&self) -> Sym {
        self.norm_sym
    }
    #[inline]
    fn stem(&self) -> Sym {
        self.stem_sym
    }
    fn is_word(&self) -> bool {
        self.word
    }
    fn valence(&self) -> i8 {
        self.val
    }
    #[inline]
    fn is_neg(&self) -> bool {
        self.neg
    }
    fn sentence(&self) -> usize {
        self.sent
    }
}

/// A sentence of the stream.
#[derive(Clone, Debug)]
pub(crate) struct Sent {
    /// Its tokens (indices into [`Stream::toks`]).
    pub range: Range<usize>,
    pub para: usize,
    /// Ends with a question mark, or with a reporting clause of asking after a comma.
    pub question: bool,
}

/// The token stream of a document.
#[derive(Clone, Debug, Default)]
pub(crate) struct Stream {
    pub toks: Vec<Tok>,
    pub sents: Vec<Sent>,
    /// The norms of all tokens, one after the other (one allocation per document
    /// instead of one per token).
    norms: String,
}

const QUOTES: [&str; 10] = ["\"", "'", "“", "”", "‘", "’", "«", "»", "„", "‚"];
/// Currency signs, read as part of an amount.
const CURRENCY: [char; 6] = ['$', '€', '£', '¥', '₽', '₴'];
/// Reporting verbs of asking: a sentence closed by ", X asked." reports a question.
const ASKING: [&str; 4] = ["asked", "asks", "wondered", "wonders"];

impl Stream {
    /// Builds the stream of a document; `vocab` has the patterns' symbols and knows
    /// the negators.
    pub(crate) fn build(doc: &Document, vocab: &Vocab) -> Stream {
        let text = doc.text();
        let (sentences, tokens) = (&doc.sentences, &doc.tokens);
        let mut out = Stream {
            toks: Vec::with_capacity(tokens.len()),
            sents: Vec::with_capacity(sentences.len()),
            norms: String::new(),
        };
        let mut words = WordForms::new(doc, vocab);
        // The next part of a hyphenated token (`doc.parts` is in token order).
        let mut next_part = 0;
        for s in sentences {
            if doc.in_boilerplate(s.span) || s.tokens.start > s.tokens.end {
                continue;
            }
            let Some(toks) = tokens.get(s.tokens.clone()) else {
                continue;
            };
            let start = out.toks.len();
            let sent = out.sents.len();
            let mut question = false;
            for (i, t) in (s.tokens.start..).zip(toks) {
                if t.kind == TokenKind::Punct {
                    let Some(orig) = text.get(t.span.range()) else {
                        continue;
                    };
                    // A currency sign belongs to its amount ("the €185 billion"): a
                    // word, so that pattern gaps run over it as over the number.
                    if !orig.chars().all(|c| CURRENCY.contains(&c)) {
                        let Some(f) = words.punct(t.norm, orig, &mut out.norms) else {
                            continue;
                        };
                        question = f.question;
                        out.toks.push(Tok {
                            span: t.span,
                            norm: f.norm,
                            norm_sym: f.sym,
                            stem_sym: f.sym,
                            word: false,
                            neg: false,
                            val: 0,
                            cap: false,
                            upper: false,
                            sent,
                        });
                        continue;
                    }
                }
                question = false;
                while doc.parts.get(next_part).is_some_and(|p| p.token < i) {
                    next_part += 1;
                }
                let first_part = next_part;
                while doc.parts.get(next_part).is_some_and(|p| p.token == i) {
                    next_part += 1;
                }
                let parts = &doc.parts[first_part..next_part];
                let mut push_word = |span: Span, norm, stem, shape: Shape| {
                    let f = words.word(norm, stem, &mut out.norms);
                    out.toks.push(Tok {
                        span,
                        norm: f.norm,
                        norm_sym: f.norm_sym,
                        stem_sym: f.stem_sym,
                        word: true,
                        neg: f.neg,
                        val: f.val,
                        cap: shape.is_cap(),
                        upper: shape.is_upper(),
                        sent,
                    });
                };
                if parts.is_empty() {
                    push_word(t.span, t.norm, t.stem, t.shape);
                }
                for p in parts {
                    push_word(p.span, p.norm, p.stem, p.shape);
                }
            }
            let end = out.toks.len();
            // "How many more … before someone orders them to fire, the senator asked."
            // is a question too: a closing reporting clause of asking after a comma.
            if !question && end > start {
                let comma = (start..end).rev().find(|&i| out.norm(&out.toks[i]) == ",");
                question = comma.is_some_and(|c| {
                    let after = &out.toks[c + 1..end];
                    after.iter().filter(|t| t.word).count() <= 8
                        && after.iter().any(|t| ASKING.contains(&out.norm(t)))
                });
            }
            if end > start {
                out.sents.push(Sent {
                    range: start..end,
                    para: s.paragraph,
                    question,
                });
            }
        }
        out
    }

    /// The norm of a token of this stream.
    pub(crate) fn norm(&self, t: &Tok) -> &str {
        self.norms.get(t.norm.clone()).unwrap_or_default()
    }

    /// Stream index range of the tokens inside `span`.
    pub(crate) fn range_of(&self, span: Span) -> Range<usize> {
        let a = self.toks.partition_point(|t| t.span.end <= span.start);
        let b = self.toks.partition_point(|t| t.span.start < span.end);
        a..b.max(a)
    }
}

/// [`norm_word`] without allocating for the common case (already lower-case ASCII
/// without a backtick).
fn fold(w: &str) -> Cow<'_, str> {
    if w.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`')
    {
        Cow::Borrowed(w)
    } else {
        Cow::Owned(norm_word(w))
    }
}

/// What the stream makes of each distinct word of a document, worked out the first time
/// the word is met: its form in the stream (quote-folded; quote marks a tokenizer left
/// glued to a word trimmed) and that form's symbols, negation and valence.
struct WordForms<'d> {
    doc: &'d Document,
    vocab: &'d Vocab,
    stemmer: rust_stemmers::Stemmer,
    /// By [`WordId`] index: the word as a stream word, and as punctuation.
    words: Vec<Option<WordForm>>,
    puncts: Vec<Option<Option<PunctForm>>>,
    /// The form of every dash.
    dash: Option<PunctForm>,
}

#[derive(Clone)]
struct WordForm {
    norm: Range<usize>,
    norm_sym: Sym,
    stem_sym: Sym,
    neg: bool,
    val: i8,
}

#[derive(Clone)]
struct PunctForm {
    norm: Range<usize>,
    sym: Sym,
    question: bool,
}

impl<'d> WordForms<'d> {
    fn new(doc: &'d Document, vocab: &'d Vocab) -> WordForms<'d> {
        WordForms {
            doc,
            vocab,
            stemmer: english(),
            words: vec![None; doc.words.len()],
            puncts: vec![None; doc.words.len()],
            dash: None,
        }
    }

    /// The stream form of a word or number with normal form `norm` and stem `stem`;
    /// `norms` receives each distinct form once.
    fn word(&mut self, norm: WordId, stem: WordId, norms: &mut String) -> WordForm {
        if let Some(Some(f)) = self.words.get(norm.index()) {
            return f.clone();
        }
        let (vocab, word) = (self.vocab, self.doc.word(norm));
        // Strip quote marks a tokenizer may have left glued to a word, but keep
        // clitics ("'s", "'re", "n't").
        let raw = fold(word);
        let is_clitic = raw.starts_with('\'') && raw.chars().count() <= 4;
        let trimmed = raw.trim_matches(|c| c == '"' || c == '\'');
        let form = if is_clitic || trimmed.is_empty() {
            &*raw
        } else {
            trimmed
        };
        // The text stage stemmed the word with the same stemmer: reuse its stem unless
        // folding or trimming changed the word.
        let (norm_sym, stem_sym) = if form == word {
            (vocab.get(form), vocab.get(self.doc.word(stem)))
        } else {
            (vocab.get(form), vocab.get(&self.stemmer.stem(form)))
        };
        let f = WordForm {
            norm: push(norms, form),
            norm_sym,
            stem_sym,
            neg: vocab.is_negator(norm_sym) || (form.ends_with("n't") && form.len() > 3),
            val: vocab.valence(norm_sym),
        };
        if let Some(slot) = self.words.get_mut(norm.index()) {
            *slot = Some(f.clone());
        }
        f
    }

    /// The stream form of a punctuation token with normal form `norm` and surface
    /// `orig`; `None` for a quote mark, which the stream drops.
    fn punct(&mut self, norm: WordId, orig: &str, norms: &mut String) -> Option<PunctForm> {
        if QUOTES.contains(&orig) {
            return None;
        }
        if orig.chars().all(|c| DASHES.contains(&c)) {
            let vocab = self.vocab;
            return Some(
                self.dash
                    .get_or_insert_with(|| PunctForm {
                        norm: push(norms, "-"),
                        sym: vocab.get("-"),
                        question: false,
                    })
                    .clone(),
            );
        }
        if let Some(Some(f)) = self.puncts.get(norm.index()) {
            return f.clone();
        }
        let folded = fold(self.doc.word(norm));
        let f = (!QUOTES.contains(&&*folded)).then(|| PunctForm {
            norm: push(norms, &folded),
            sym: self.vocab.get(&folded),
            question: folded == "?",
        });
        if let Some(slot) = self.puncts.get_mut(norm.index()) {
            *slot = Some(f.clone());
        }
        f
    }
}

/// Appends `s` to `norms`, returning where it is.
fn push(norms: &mut String, s: &str) -> Range<usize> {
    let a = norms.len();
    norms.push_str(s);
    a..norms.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stream_drops_quotes_and_splits_hyphens() {
        let doc = crate::tests::new_doc("d", "He’s urged a case-by-case ‘approach’.");
        let st = Stream::build(&doc, &Vocab::default());
        let norms: Vec<&str> = st.toks.iter().map(|t| st.norm(t)).collect();
        assert_eq!(
            norms,
            vec![
                "he", "'s", "urged", "a", "case", "by", "case", "approach", "."
            ]
        );
        assert_eq!(&doc.text()[st.toks[6].span.range()], "case");
        assert_eq!(st.range_of(Span::new(6, 11)), 2..3);
    }
}
