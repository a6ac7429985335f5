//! Which language a text is in: stancemap's lexicons, rules and topic packs are English,
//! so a text in another language yields no actors and no stances. [`language_warning`]
//! says so, instead of an empty result without a word.

use stancemap_core::hash::FxHashSet;
use std::sync::{Arc, LazyLock};

/// Bytes of text looked at (from the start, on a character boundary): enough for a
/// reliable guess, and bounded whatever the document's size.
const SAMPLE_BYTES: usize = 2048;

/// Fewer letters than this give no guess (a headline or a date line is too short).
const MIN_LETTERS: usize = 40;

/// The language of `text` when it is reliably not English: its English name (such as
/// "Polish") and ISO 639-3 code (such as "pol"). `None` for English, for text too short
/// to tell, and whenever the guess is unreliable. Uses the `whatlang` trigram models on
/// the first 2 KiB of the text.
///
/// ```
/// use stancemap_ingest::detect_non_english;
/// assert_eq!(detect_non_english("Minister Ana Veltri said the harbour levy must be withdrawn before the summer season begins."), None);
/// let (name, code) = detect_non_english(
///     "Minister Ana Veltri powiedziała, że opłata portowa musi zostać wycofana przed początkiem sezonu letniego.",
/// ).unwrap();
/// assert_eq!((name, code), ("Polish", "pol"));
/// ```
pub fn detect_non_english(text: &str) -> Option<(&'static str, &'static str)> {
    LanguageCheck::embedded().detect(text)
}

/// The language check with its list of English function words (`data/language.toml`:
/// words frequent in any English text and rare as words of other languages), which a
/// user file of the same form can replace.
#[derive(Clone, Debug)]
pub struct LanguageCheck {
    function_words: FxHashSet<String>,
}

static EMBEDDED: LazyLock<Arc<LanguageCheck>> = LazyLock::new(|| {
    Arc::new(
        LanguageCheck::from_toml("language.toml", include_str!("../data/language.toml"))
            .expect("the embedded language check words are valid"),
    )
});

impl LanguageCheck {
    /// The check with the embedded function words (parsed once per process).
    pub fn embedded() -> Arc<LanguageCheck> {
        Arc::clone(&EMBEDDED)
    }

    /// Parses a `function_words = [...]` file; `name` is used in errors.
    ///
    /// # Errors
    /// [`ErrorKind::Data`](stancemap_core::ErrorKind::Data) with file, line and column.
    pub fn from_toml(name: &str, text: &str) -> Result<LanguageCheck, stancemap_core::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Language {
            function_words: Vec<String>,
        }
        let file: Language = stancemap_core::data::parse_toml(name, text)?;
        Ok(LanguageCheck {
            function_words: file.function_words.into_iter().collect(),
        })
    }

    /// Reads a function-word file.
    ///
    /// # Errors
    /// The file cannot be read, or as [`LanguageCheck::from_toml`].
    pub fn from_path(
        path: impl AsRef<std::path::Path>,
    ) -> Result<LanguageCheck, stancemap_core::Error> {
        let path = path.as_ref();
        let text = stancemap_core::data::read(path)?;
        LanguageCheck::from_toml(&path.display().to_string(), &text)
    }

    /// As [`detect_non_english`], with this check's function words.
    pub fn detect(&self, text: &str) -> Option<(&'static str, &'static str)> {
        let mut end = text.len().min(SAMPLE_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let sample = &text[..end];
        if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
            return None;
        }
        if self.plainly_english(sample) {
            return None;
        }
        let info = whatlang::detect(sample)?;
        if info.lang() == whatlang::Lang::Eng || !info.is_reliable() {
            return None;
        }
        Some((info.lang().eng_name(), info.lang().code()))
    }

    /// As [`language_warning`], with this check's function words.
    pub fn warning(&self, text: &str) -> Option<String> {
        self.detect(text).map(|(name, code)| {
            format!(
                "the text looks {name} ({code}): only English is analysed, so actors and stances will be missing"
            )
        })
    }

    /// A fast path before the trigram models: a fifth or more of the words are English
    /// function words (they make up two fifths of running English text, and next to none
    /// of another language's).
    fn plainly_english(&self, sample: &str) -> bool {
        let (mut words, mut function) = (0usize, 0usize);
        for w in sample
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            words += 1;
            let lower = w.len() <= 5 && w.bytes().all(|b| b.is_ascii_lowercase());
            function += usize::from(lower && self.function_words.contains(w));
        }
        words >= 20 && function * 5 >= words
    }
}

/// The warning for a document whose text is not English (see [`detect_non_english`]),
/// or `None`.
///
/// ```
/// use stancemap_ingest::language_warning;
/// let w = language_warning("Министр Анна Велтри заявила, что портовый сбор должен быть отменён до начала летнего сезона.");
/// assert_eq!(w.as_deref(), Some("the text looks Russian (rus): only English is analysed, so actors and stances will be missing"));
/// ```
pub fn language_warning(text: &str) -> Option<String> {
    LanguageCheck::embedded().warning(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_word_list_replaces_the_embedded_one() {
        let en = "The harbour levy was withdrawn on Friday, and the minister said that it would not return before the summer season, which has begun.";
        let empty = LanguageCheck::from_toml("l.toml", "function_words = []").unwrap();
        assert!(!empty.plainly_english(en));
        assert_eq!(
            empty.detect(en),
            None,
            "the trigram models still say English"
        );
        let err = LanguageCheck::from_toml("l.toml", "words = []").unwrap_err();
        assert!(err.to_string().contains("l.toml:1:"), "{err}");
    }

    #[test]
    fn the_fast_path_takes_english_prose_and_leaves_other_languages() {
        let en = "The harbour levy was withdrawn on Friday, and the minister said that it would not return before the summer season, which has begun.";
        let check = LanguageCheck::embedded();
        assert!(check.plainly_english(en));
        let nl = "De havenheffing is op vrijdag ingetrokken, en de minister zei dat die niet terugkomt voor het zomerseizoen, dat al is begonnen.";
        let de = "Die Hafengebühr wurde am Freitag zurückgezogen, und der Minister sagte, dass sie vor der Sommersaison nicht zurückkehren werde, die begonnen hat.";
        assert!(!check.plainly_english(nl) && !check.plainly_english(de));
        assert!(!check.plainly_english("Too short to tell."));
    }

    #[test]
    fn english_news_short_text_and_empty_text_give_no_warning() {
        assert_eq!(language_warning(""), None);
        assert_eq!(language_warning("Brussels, 4 May"), None);
        let news = "The transport committee voted on Tuesday to delay the levy on freight \
                    lorries, and its chair, Ana Veltri, said she would not support a vote \
                    before the autumn.";
        assert_eq!(language_warning(news), None);
    }

    #[test]
    fn german_and_french_are_named() {
        let de = "Die Verkehrsministerin Ana Veltri sagte am Dienstag, die Abgabe auf \
                  Lastwagen müsse vor dem Sommer zurückgenommen werden.";
        assert_eq!(detect_non_english(de), Some(("German", "deu")));
        let fr = "La ministre des transports Ana Veltri a déclaré mardi que la taxe sur \
                  les camions devait être retirée avant l'été.";
        assert_eq!(detect_non_english(fr), Some(("French", "fra")));
    }

    #[test]
    fn a_long_text_is_sampled_on_a_char_boundary() {
        let text = "ż".repeat(5000);
        // Must not panic on the cut; the guess itself does not matter here.
        let _ = detect_non_english(&text);
    }
}
