//! Finding gold text (cue contexts, evidence strings) in the article, tolerant of the
//! typographic differences between a hand-typed gold file and the published text.
//!
//! The article is folded once with [`stancemap_core::fold`] (curly quotes and
//! apostrophes straightened, dashes and NBSP-like spaces made ASCII, runs of white space
//! collapsed, zero-width characters dropped, lower case, `'…'` as `"..."`) into a copy
//! that keeps, for every folded byte, the original byte range it came from. A folded needle is searched in the folded copy and each hit
//! is mapped back, so the spans are always byte offsets into the ORIGINAL text.

use stancemap_core::Span;
use stancemap_core::fold::{self as core_fold, Fold};

/// How articles and gold strings are folded: [`Fold`]'s straightened punctuation,
/// dropped invisible characters and collapsed white space, plus lower case and `'…'` as
/// `"..."`.
const FOLD: Fold = Fold::PLAIN.lower().ellipsis();

/// A folded copy of an article with a byte map back to the original, searched for gold
/// strings folded the same way.
#[derive(Clone, Debug)]
pub struct FoldedText(core_fold::FoldedText);

/// The folded form of a needle (no map needed), trimmed.
pub fn fold(text: &str) -> String {
    FOLD.fold(text)
}

impl FoldedText {
    /// Folds `text`.
    pub fn new(text: &str) -> FoldedText {
        FoldedText(core_fold::FoldedText::new(text, FOLD))
    }

    /// The folded text.
    pub fn folded(&self) -> &str {
        self.0.as_str()
    }

    /// The original span of folded bytes `start..end` (`start < end`, on character
    /// boundaries).
    fn original(&self, start: usize, end: usize) -> Option<Span> {
        self.0.original_span(start..end)
    }

    /// Every (non-overlapping) occurrence of `needle`, as original byte spans. An empty
    /// needle (after folding) occurs nowhere.
    pub fn find_all(&self, needle: &str) -> Vec<Span> {
        let needle = fold(needle);
        if needle.is_empty() {
            return Vec::new();
        }
        self.folded()
            .match_indices(needle.as_str())
            .filter_map(|(i, m)| self.original(i, i + m.len()))
            .collect()
    }

    /// Like [`FoldedText::find_all`], but prefers occurrences that are whole words (no
    /// letter or digit right before or after): the first whole-word hit, else the first
    /// hit.
    pub fn find_word(&self, needle: &str) -> Option<Span> {
        let needle = fold(needle);
        if needle.is_empty() {
            return None;
        }
        let mut first = None;
        let folded = self.folded();
        for (i, m) in folded.match_indices(needle.as_str()) {
            let end = i + m.len();
            let before = folded[..i].chars().next_back();
            let after = folded[end..].chars().next();
            let boundary = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
            let span = self.original(i, end);
            if boundary(before) && boundary(after) {
                return span;
            }
            if first.is_none() {
                first = span;
            }
        }
        first
    }
}

/// Where a gold cue is in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CueLocation {
    /// The cue inside its (unique) context.
    Found(Span),
    /// The context is in the article but does not contain the cue: the context span is
    /// used instead (with a warning).
    ContextOnly(Span),
    /// The context is not in the article.
    NotFound,
}

/// Locates a gold cue: its context in the article, then the cue inside the context.
/// Pushes a warning when the context is missing or ambiguous (the first occurrence is
/// used) or does not contain the cue.
pub fn locate_cue(
    article: &str,
    folded: &FoldedText,
    cue: &str,
    context: &str,
    warnings: &mut Vec<String>,
) -> CueLocation {
    let hits = folded.find_all(context);
    let Some(&ctx) = hits.first() else {
        warnings.push(format!(
            "cue {cue:?}: context {context:?} not found in the article"
        ));
        return CueLocation::NotFound;
    };
    if hits.len() > 1 {
        warnings.push(format!(
            "cue {cue:?}: context {context:?} occurs {} times; the first is used",
            hits.len()
        ));
    }
    let inner = article.get(ctx.start..ctx.end).unwrap_or("");
    match FoldedText::new(inner).find_word(cue) {
        Some(s) => CueLocation::Found(s.shift(ctx.start)),
        None => {
            warnings.push(format!(
                "cue {cue:?} is not inside its context {context:?}; the context span is used"
            ));
            CueLocation::ContextOnly(ctx)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_across_quote_space_and_dash_variants() {
        let article =
            "The mayor said \u{201C}we won\u{2019}t\u{00A0}back  down\u{201D} \u{2014} twice.";
        let f = FoldedText::new(article);
        let hits = f.find_all("\"we won't back down\" - twice");
        assert_eq!(hits.len(), 1);
        let s = hits[0];
        assert_eq!(
            &article[s],
            "\u{201C}we won\u{2019}t\u{00A0}back  down\u{201D} \u{2014} twice"
        );
    }

    #[test]
    fn matches_across_line_breaks_and_case() {
        let article = "First line ends\n   Second line";
        let f = FoldedText::new(article);
        let s = f.find_all("ends second")[0];
        assert_eq!(&article[s], "ends\n   Second");
    }

    #[test]
    fn ellipsis_and_invisible_characters() {
        let article = "wait\u{2026} then soft\u{00AD}ware";
        let f = FoldedText::new(article);
        assert_eq!(&article[f.find_all("wait... then")[0]], "wait\u{2026} then");
        assert_eq!(&article[f.find_all("software")[0]], "soft\u{00AD}ware");
    }

    #[test]
    fn empty_needle_is_never_found() {
        let f = FoldedText::new("abc");
        assert!(f.find_all("  ").is_empty());
        assert!(f.find_word("").is_none());
    }

    #[test]
    fn prefers_whole_words() {
        let text = "mayor may go";
        let f = FoldedText::new(text);
        assert_eq!(f.find_word("may"), Some(Span { start: 6, end: 9 }));
        let f = FoldedText::new("mayor");
        assert_eq!(f.find_word("may"), Some(Span { start: 0, end: 3 }));
    }

    #[test]
    fn cue_in_curly_context() {
        let article = "Officials think it\u{2019}s likely that talks resume. It\u{2019}s likely.";
        let f = FoldedText::new(article);
        let mut w = Vec::new();
        let loc = locate_cue(article, &f, "likely", "it's likely that talks", &mut w);
        let CueLocation::Found(s) = loc else {
            panic!("{loc:?}")
        };
        assert_eq!(&article[s], "likely");
        assert_eq!(s.start, article.find("likely").unwrap());
        assert!(w.is_empty());
    }

    #[test]
    fn missing_context_and_missing_cue_warn() {
        let article = "Nothing to see here.";
        let f = FoldedText::new(article);
        let mut w = Vec::new();
        assert_eq!(
            locate_cue(article, &f, "may", "it may rain", &mut w),
            CueLocation::NotFound
        );
        assert_eq!(
            locate_cue(article, &f, "may", "to see", &mut w),
            CueLocation::ContextOnly(Span { start: 8, end: 14 })
        );
        assert_eq!(w.len(), 2);
    }

    #[test]
    fn ambiguous_context_warns_and_takes_the_first() {
        let article = "it may. it may.";
        let f = FoldedText::new(article);
        let mut w = Vec::new();
        assert_eq!(
            locate_cue(article, &f, "may", "it may", &mut w),
            CueLocation::Found(Span { start: 3, end: 6 })
        );
        assert_eq!(w.len(), 1);
    }
}
