use crate::{Scratch, Span, WordClass, WordId, WordTable};
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

/// Article metadata, where the source gives it (JSONL fields, or the corpus manifest).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet ("Bloomberg").
    pub outlet: Option<String>,
    /// Publication date, ISO 8601 (`2025-09-24`).
    pub published: Option<String>,
    /// Source address.
    pub url: Option<String>,
    /// `news`, `opinion`, `analysis`, … (opinion and analysis pieces have an author voice).
    pub genre: Option<String>,
}

/// One article: an immutable original text and the stand-off layers over it.
///
/// Invariants (checked by the property tests): every span of every layer lies within
/// the text and on char boundaries; layers are sorted by start; sentences do not overlap
/// each other nor any boilerplate region.
#[derive(Clone, Debug, Default)]
pub struct Document {
    id: String,
    path: Option<String>,
    text: String,
    /// Metadata.
    pub meta: Meta,
    /// Page furniture (newsletter prompts, by-lines, copyright lines …): excluded from
    /// analysis but never deleted, so offsets stay those of the original.
    pub boilerplate: Vec<Region>,
    /// Sentences of the analysed (non-boilerplate) text.
    pub sentences: Vec<Sentence>,
    /// Tokens of all sentences, in text order.
    pub tokens: Vec<Token>,
    /// The distinct normal forms and stems of the tokens (see [`Token::norm`]).
    pub words: WordTable,
    /// The parts of hyphenated word tokens ("case-by-case": "case", "by", "case"), each
    /// with its own span, normal form and stem, in text order (see [`Part`]).
    pub parts: Vec<Part>,
    /// The shared English word classes of each word of [`Document::words`], indexed by
    /// [`WordId::index`]: filled by the text stage from one data file
    /// ([`crate::WordClasses`]); read them with [`Document::classes`] or
    /// [`Document::token_classes`].
    pub word_classes: Vec<WordClass>,
    /// Direct-quotation regions, in text order (see [`crate::quotes::quote_regions`]):
    /// found once by the text stage with the sentences, read by every later stage.
    pub quotes: Vec<Span>,
    /// Where the text touches a topic, in text order: `None` until a topic-tagging stage
    /// has run (then a stage that gates on topics treats every span as topical).
    pub topic_spans: Option<Vec<TopicSpan>>,
    /// Actors of this document, one entry per identity. Indexed by [`ActorId`].
    pub actors: Vec<Actor>,
    /// Every mention of an actor (name, alias, role, pronoun …), in text order.
    pub mentions: Vec<Mention>,
    /// Attributed statements, in text order.
    pub statements: Vec<Statement>,
    /// Hedge cues found in the analysed text, in text order.
    pub hedges: Vec<Cue>,
    /// Booster cues found in the analysed text, in text order.
    pub boosters: Vec<Cue>,
    /// Stance per actor and topic, aggregated over the statements.
    pub stances: Vec<StanceSummary>,
    /// Things the reader should know but that are not errors (e.g. replaced bytes).
    pub warnings: Vec<String>,
    /// Speaker turns of a transcript, interview or Q&A page, in text order (empty for
    /// running prose).
    pub turns: Vec<Turn>,
    /// Working data a stage leaves for a later one (see [`Scratch`]); not output.
    pub scratch: Scratch,
}

impl Document {
    /// A document with an id and its original text; no layers yet.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    /// Sets the path the text was read from.
    pub fn with_path(mut self, path: impl Into<String>) -> Document {
        self.path = Some(path.into());
        self
    }

    /// Sets the metadata.
    pub fn with_meta(mut self, meta: Meta) -> Document {
        self.meta = meta;
        self
    }

    /// The document id (a file name without its extension, or a JSONL `id`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The path the document was read from, if any (`-` for stdin).
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The original text, exactly as read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text.as_str()[span]
    }

    /// True when `span` overlaps a boilerplate region.
    pub fn in_boilerplate(&self, span: Span) -> bool {
        self.boilerplate.iter().any(|r| r.span.overlaps(span))
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        &self.tokens[self.sentences[i].tokens.clone()]
    }

    /// A word of [`Document::words`]: a token's normal form or stem.
    #[inline]
    pub fn word(&self, id: WordId) -> &str {
        self.words.get(id)
    }

    /// The shared word classes of a word of [`Document::words`] ([`WordClass::NONE`] for
    /// an id the text stage did not classify).
    ///
    /// ```
    /// use stancemap_core::{Document, WordClass, WordClasses};
    /// let mut doc = Document::new("d", "");
    /// let id = doc.words.intern("would");
    /// doc.word_classes = WordClasses::embedded().classify(&doc.words);
    /// assert!(doc.classes(id).contains(WordClass::MODAL));
    /// ```
    #[inline]
    pub fn classes(&self, id: WordId) -> WordClass {
        self.word_classes
            .get(id.index())
            .copied()
            .unwrap_or_default()
    }

    /// The shared word classes of token `i`'s normal form ([`WordClass::NONE`] past the
    /// last token).
    #[inline]
    pub fn token_classes(&self, i: usize) -> WordClass {
        self.tokens
            .get(i)
            .map_or(WordClass::NONE, |t| self.classes(t.norm))
    }

    /// The normal form of token `i` (`""` past the last token).
    #[inline]
    pub fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| self.words.get(t.norm))
    }

    /// The stem of token `i` (`""` past the last token).
    #[inline]
    pub fn stem(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| self.words.get(t.stem))
    }

    /// The parts of token `i` (see [`Part`]): empty unless it is a hyphenated word.
    pub fn parts_of(&self, i: usize) -> &[Part] {
        let a = self.parts.partition_point(|p| p.token < i);
        let b = a + self.parts[a..].partition_point(|p| p.token == i);
        &self.parts[a..b]
    }

    /// Whether `span` lies inside one direct-quotation region ([`Document::quotes`]).
    pub fn in_quote(&self, span: Span) -> bool {
        let i = self.quotes.partition_point(|q| q.end <= span.start);
        self.quotes.get(i).is_some_and(|q| q.contains(span))
    }

    /// Whether `span` contains a place where the text touches a topic; true for every
    /// span when no topic-tagging stage has run.
    pub fn is_topical(&self, span: Span) -> bool {
        self.topic_spans
            .as_ref()
            .is_none_or(|ts| ts.iter().any(|t| span.contains(t.span)))
    }

    /// Index of the sentence containing byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= offset);
        (i < self.sentences.len() && self.sentences[i].span.start <= offset).then_some(i)
    }

    /// The actor an id refers to.
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id.0]
    }
}

/// A place where the text touches a topic (see [`Document::topic_spans`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TopicSpan {
    /// The topic's id.
    pub topic: Arc<str>,
    /// The words that name it.
    pub span: Span,
    /// A target term, or a weak term that counts because the topic is active.
    pub kind: TopicTerm,
}

/// What names a topic at a [`TopicSpan`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TopicTerm {
    /// A strong target term ("shoot down", "rules of engagement"): it makes the topic
    /// active in the document.
    Target,
    /// A weak term or a condition ("caution", "case-by-case") of a topic active in the
    /// document.
    Term,
}

/// Who takes a speaker turn, as its label says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TurnKind {
    /// A speaker whose words are their own statements.
    #[default]
    Speaker,
    /// A procedural chair (Speaker, President of the sitting, moderator of a debate):
    /// speaks, but takes no position.
    Chair,
    /// An interviewer, journalist or unnamed questioner: not an actor, though the
    /// actors whose words a question reports are.
    Interviewer,
    /// An interjection from the floor ("Hon. Members: Hear, hear!", "(Applause)").
    Interjection,
}

/// A speaker turn: a label (furniture) and the text it covers, up to the next label.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Turn {
    /// The label as written ("Ms Roe (Green):", a page heading with its links).
    pub label: Span,
    /// The text the turn covers (possibly several paragraphs).
    pub body: Span,
    /// Who takes it.
    pub kind: TurnKind,
    /// The speaker's name from the label, honorifics dropped ("Ana Roe", "Roe").
    pub name: Option<String>,
    /// Role or office from the label ("Minister for the Armed Forces").
    pub role: Option<String>,
    /// Party, group, constituency or delegation from the label, as written.
    pub affiliation: Vec<String>,
    /// The actor the turn was resolved to, once actors exist.
    pub speaker: Option<ActorId>,
    /// The speaker is a body, not a person: a press review's "Daily Planet, Metropolis:
    /// \"headline\"" entry speaks for the paper.
    pub organisation: bool,
}

/// A boilerplate region and the rule that excluded it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// Where.
    pub span: Span,
    /// Rule id, e.g. `boilerplate/newsletter`.
    pub rule: String,
}

/// What kind of text unit a sentence is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// Running text.
    #[default]
    Body,
    /// A headline or section heading: a short line with no closing punctuation.
    Heading,
}

/// A sentence of analysed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Where (trimmed of surrounding white space).
    pub span: Span,
    /// Its tokens: a range of indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    /// Index of the paragraph (block of text between blank lines or line breaks).
    pub paragraph: usize,
    /// Body text or heading.
    pub kind: SentenceKind,
}

/// Coarse token class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters (may contain inner apostrophes, hyphens or periods: "U.S.", "he's").
    Word,
    /// Digits.
    Number,
    /// Punctuation; quote marks are normalised to `"` / `'` in [`Token::norm`].
    Punct,
}

/// A token with its normalised and stemmed forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where, in the original text.
    pub span: Span,
    /// Class.
    pub kind: TokenKind,
    /// NFKC, quotes/apostrophes/dashes folded, lower case: an entry of
    /// [`Document::words`] (read it with [`Document::word`]).
    pub norm: WordId,
    /// English stem of `norm` (Snowball), equal to `norm` for non-words.
    pub stem: WordId,
    /// Letter case of the surface.
    pub shape: Shape,
}

/// A piece of a hyphenated word token between its dashes ("case-by-case" has three):
/// token patterns read a compound as its words, so `case by case` matches it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Index of the token in [`Document::tokens`].
    pub token: usize,
    /// Where, in the original text (inside the token's span).
    pub span: Span,
    /// Normal form, as [`Token::norm`].
    pub norm: WordId,
    /// Stem, as [`Token::stem`].
    pub stem: WordId,
    /// Letter case of the part.
    pub shape: Shape,
}

/// The letter case of a surface: whether its first letter is upper case, and whether it
/// has two or more letters, all upper case (an acronym: "NATO", "U.S.").
///
/// ```
/// use stancemap_core::Shape;
/// assert!(Shape::of("Nato").is_cap() && !Shape::of("Nato").is_upper());
/// assert!(Shape::of("U.S.").is_upper());
/// assert!(!Shape::of("A").is_upper(), "one letter is no acronym");
/// assert!(!Shape::of("iPhone").is_cap());
/// assert!(Shape::of("ÉU").is_upper() && !Shape::of("2025").is_cap());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Shape(u8);

impl Shape {
    const CAP: u8 = 1;
    const UPPER: u8 = 2;

    /// The shape of a surface.
    pub fn of(surface: &str) -> Shape {
        let mut letters = surface.chars().filter(|c| c.is_alphabetic());
        if !letters.next().is_some_and(char::is_uppercase) {
            return Shape(0);
        }
        let mut n = 1;
        let upper = letters.all(|c| {
            n += 1;
            c.is_uppercase()
        }) && n >= 2;
        Shape(Shape::CAP | if upper { Shape::UPPER } else { 0 })
    }

    /// The first letter is upper case.
    #[inline]
    pub fn is_cap(self) -> bool {
        self.0 & Shape::CAP != 0
    }

    /// Two or more letters, all upper case.
    #[inline]
    pub fn is_upper(self) -> bool {
        self.0 & Shape::UPPER != 0
    }
}

/// Index of an actor in [`Document::actors`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ActorId(pub usize);

/// What an actor is (SPEC §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    /// A person.
    Person,
    /// A country or its government.
    State,
    /// An organisation: alliance, ministry, think tank, company, outlet.
    Organisation,
    /// A group: "Baltic states", "experts", "NATO members".
    Group,
    /// The article's own voice.
    Author,
}

impl ActorKind {
    /// The SPEC name (`person`, `state`, …).
    pub fn as_str(&self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::Group => "group",
            ActorKind::Author => "author",
        }
    }
}

/// One identity in a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable slug of the name (`donald-tusk`).
    pub id: String,
    /// Canonical name (`Donald Tusk`).
    pub name: String,
    /// Kind.
    pub kind: ActorKind,
    /// Country the actor belongs to or speaks for.
    pub country: Option<String>,
    /// Role or title (`Prime Minister`).
    pub role: Option<String>,
}

/// How an actor is referred to at a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// The full name or a registry alias.
    Name,
    /// A partial name (surname, "Poland's Tusk").
    Partial,
    /// A role or title standing for the holder ("the NATO chief").
    Role,
    /// A pronoun ("he", "she", "they").
    Pronoun,
    /// A capital, seat or demonym standing for a state ("Moscow", "the Kremlin", "German").
    Metonym,
}

/// A mention of an actor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Who.
    pub actor: ActorId,
    /// Where.
    pub span: Span,
    /// How.
    pub kind: MentionKind,
    /// Rule id that found it (`actors/registry`, `actors/title-name`, …).
    pub rule: String,
}

/// Stance label (SPEC §1); "none" is the absence of a stance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// For the policy.
    Support,
    /// Against it.
    Oppose,
    /// It depends.
    Conditional,
}

impl Stance {
    /// The SPEC name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Stance::Support => "support",
            Stance::Oppose => "oppose",
            Stance::Conditional => "conditional",
        }
    }

    /// Parses a SPEC name; `none` and anything else give `None`.
    pub fn parse(s: &str) -> Option<Stance> {
        match s {
            "support" => Some(Stance::Support),
            "oppose" => Some(Stance::Oppose),
            "conditional" => Some(Stance::Conditional),
            _ => None,
        }
    }
}

/// The SPEC name (`support`, `oppose`, `conditional`); width and alignment are honoured.
impl std::fmt::Display for Stance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// Parses a SPEC name, as [`Stance::parse`].
///
/// ```
/// use stancemap_core::Stance;
/// assert_eq!("oppose".parse::<Stance>(), Ok(Stance::Oppose));
/// assert!("none".parse::<Stance>().is_err());
/// ```
impl std::str::FromStr for Stance {
    type Err = UnknownStance;

    fn from_str(s: &str) -> Result<Stance, UnknownStance> {
        Stance::parse(s).ok_or_else(|| UnknownStance(s.to_string()))
    }
}

/// A label other than `support`, `oppose` or `conditional` (from [`Stance`]'s `FromStr`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownStance(pub String);

impl std::fmt::Display for UnknownStance {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "unknown stance label {:?} (support, oppose or conditional)",
            self.0
        )
    }
}

impl std::error::Error for UnknownStance {}

/// A statement's stance on one topic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatementStance {
    /// Topic id (`shoot_down`).
    pub topic: String,
    /// Label.
    pub stance: Stance,
    /// Signed strength in [-1, 1] (support > 0 > oppose, conditional near 0), before
    /// commitment weighting.
    pub score: f32,
    /// The cue spans that decided it (target term, polarity cue).
    pub evidence: Vec<Span>,
    /// Rule id, e.g. `stance/shoot_down/support/threaten`.
    pub rule: String,
}

/// An attributed statement: a span of text in which an actor's position is given.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// Who.
    pub actor: ActorId,
    /// The whole statement, attribution included (the evidence).
    pub span: Span,
    /// The reported content (the quote, or the clause after the reporting verb).
    pub content: Span,
    /// True for a direct quote.
    pub quote: bool,
    /// Reporting cue as written (`said`, `according to`, `warned against`); `None` for
    /// the author's own voice.
    pub cue: Option<String>,
    /// Where the cue is.
    pub cue_span: Option<Span>,
    /// Index of the speaker mention in [`Document::mentions`], if any.
    pub mention: Option<usize>,
    /// Stances by topic.
    pub stances: Vec<StatementStance>,
    /// Indices into [`Document::hedges`] of the cues inside this statement.
    pub hedges: Vec<usize>,
    /// Indices into [`Document::boosters`] of the cues inside this statement.
    pub boosters: Vec<usize>,
    /// Commitment weight in (0, 1]: 1 = unhedged, lower with hedges, raised by boosters.
    pub commitment: f32,
}

/// Class of a hedge or booster cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// may, might, could (epistemic).
    Modal,
    /// seem, appear, suggest, believe, think.
    EpistemicVerb,
    /// likely, perhaps, possibly, reportedly, alleged.
    Adverb,
    /// around, relatively.
    Approximator,
    /// it depends, case-by-case, if necessary.
    Conditional,
    /// according to, reportedly (source attribution).
    Attribution,
    /// clear, obvious, unequivocal, no room for discussion.
    Booster,
}

impl CueKind {
    /// The snake_case name.
    pub fn as_str(&self) -> &'static str {
        match self {
            CueKind::Modal => "modal",
            CueKind::EpistemicVerb => "epistemic_verb",
            CueKind::Adverb => "adverb",
            CueKind::Approximator => "approximator",
            CueKind::Conditional => "conditional",
            CueKind::Attribution => "attribution",
            CueKind::Booster => "booster",
        }
    }
}

/// A hedge or booster cue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// The cue as written in the text.
    pub cue: String,
    /// Class.
    pub kind: CueKind,
    /// Where.
    pub span: Span,
    /// Lexicon entry id.
    pub rule: String,
}

/// How much one hedge of a kind multiplies a statement's commitment.
///
/// Modal, epistemic-verb and adverb hedges (may, seem, likely) qualify the claim itself;
/// a conditional (it depends, case-by-case) keeps the claim but limits its scope; an
/// approximator (around, relatively) or a source attribution (according to, reportedly)
/// leaves the speaker's own position mostly intact.
fn hedge_factor(kind: CueKind) -> f32 {
    match kind {
        CueKind::Modal | CueKind::EpistemicVerb | CueKind::Adverb => 0.7,
        CueKind::Conditional => 0.8,
        CueKind::Approximator | CueKind::Attribution => 0.9,
        CueKind::Booster => 1.0,
    }
}

/// Lowest commitment a hedged statement can reach: a claim made at all is never worth 0.
pub const COMMITMENT_FLOOR: f32 = 0.2;
/// How much one booster multiplies the commitment (capped at 1).
pub const BOOSTER_FACTOR: f32 = 1.25;

/// The commitment weight of a statement, in `[COMMITMENT_FLOOR, 1]`, from the hedges
/// and boosters inside it.
///
/// Scale: `1.0` is an unhedged claim ("we will shoot down"). Each hedge multiplies the
/// weight by a factor of its kind: ×0.7 for a modal, epistemic verb or hedging adverb
/// ("may", "I think", "perhaps"), ×0.8 for a conditional ("it depends", "case-by-case"),
/// ×0.9 for an approximator or attribution ("around", "according to"). Each booster
/// ("clear", "unequivocal") multiplies by 1.25. The result is clamped to
/// `[0.2, 1.0]`: one hedge gives 0.7, two 0.49, three 0.34; a hedge and a booster 0.875;
/// boosters alone leave 1.0. A cue passed in the wrong list counts by its own kind
/// (a booster among hedges still boosts).
///
/// ```
/// use stancemap_core::{Cue, CueKind, Span};
/// use stancemap_core::commitment;
/// let cue = |kind| Cue { cue: String::new(), kind, span: Span::new(0, 0), rule: String::new() };
/// let may = cue(CueKind::Modal);
/// let clear = cue(CueKind::Booster);
/// assert_eq!(commitment(&[], &[]), 1.0);
/// assert!((commitment(&[&may], &[]) - 0.7).abs() < 1e-6);
/// assert!((commitment(&[&may], &[&clear]) - 0.875).abs() < 1e-6);
/// assert_eq!(commitment(&[&may; 10], &[]), 0.2);
/// ```
pub fn commitment(hedges: &[&Cue], boosters: &[&Cue]) -> f32 {
    let mut w = 1.0f32;
    for c in hedges.iter().chain(boosters) {
        w *= match c.kind {
            CueKind::Booster => BOOSTER_FACTOR,
            k => hedge_factor(k),
        };
    }
    w.clamp(COMMITMENT_FLOOR, 1.0)
}

/// An actor's stance on a topic, aggregated over the document's statements.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StanceSummary {
    /// Who.
    pub actor: ActorId,
    /// Topic id.
    pub topic: String,
    /// Label.
    pub stance: Stance,
    /// Commitment-weighted score in [-1, 1].
    pub score: f32,
    /// True when a statement it rests on is hedged.
    pub hedged: bool,
    /// Mean commitment of the statements it rests on.
    pub commitment: f32,
    /// Indices into [`Document::statements`].
    pub statements: Vec<usize>,
}

#[cfg(test)]
mod commitment_tests {
    use super::*;

    #[test]
    fn commitment_scale() {
        let cue = |kind| Cue {
            cue: String::new(),
            kind,
            span: Span::new(0, 0),
            rule: String::new(),
        };
        let (m, c, a, b) = (
            cue(CueKind::Modal),
            cue(CueKind::Conditional),
            cue(CueKind::Approximator),
            cue(CueKind::Booster),
        );
        assert_eq!(commitment(&[], &[]), 1.0);
        assert_eq!(commitment(&[], &[&b, &b]), 1.0);
        assert!((commitment(&[&c], &[]) - 0.8).abs() < 1e-6);
        assert!((commitment(&[&a], &[]) - 0.9).abs() < 1e-6);
        assert!((commitment(&[&m, &m], &[]) - 0.49).abs() < 1e-6);
        assert!(commitment(&[&m, &m], &[&b]) > commitment(&[&m, &m], &[]));
        assert_eq!(commitment(&[&m; 8], &[]), COMMITMENT_FLOOR);
    }
}
