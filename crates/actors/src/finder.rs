//! The actor finder: registry hits, people no list names, one identity per actor.
//!
//! Order of work, per document:
//! 1. registry hits (countries, capitals and seats, organisations, groups, titles,
//!    known people) from the [`Gazetteer`](crate::gazetteer::Gazetteer);
//! 2. people by construction: title + name ("Latvia's President Edgars Rinkevics",
//!    "the envoy, Jane Roe"), academic and honorific titles ("Dr.", "Professor"),
//!    appositions ("Ed Roe, a senior researcher at …"), reporting contexts ("said Ed
//!    Roe", "according to Ed Roe"), and organisations by their head noun ("… Institute",
//!    "Ministry of Defence of X", "X's Defence Ministry");
//! 3. identity: a surname or "Germany's Brandt"-style reference links to the full name seen
//!    in the document; role references ("the NATO chief", "the U.S. president") to the
//!    holder named in the document; "the alliance" / "the bloc" to the alliance named;
//!    he/she to the most recent person who was the subject of a sentence.

use crate::lex::{Ent, Hit, Lexicon};
use crate::registry::OrgClass;
use crate::words::{WORD_LISTS, WORD_MAX, WordLists, words};
use stancemap_core::text::{normalize_name, slug};
use stancemap_core::{Actor, ActorId, ActorKind, Document, Mention, MentionKind, Span, TokenKind};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock};

// Per-token features, computed once per document (bits of a `u32`): the word lists of
// data/words.toml
// are tested for most tokens several times over, and a linear scan of a list or a
// `format!` per test cost more than the rest of the stage.
/// [`is_cap`] of the token as written.
const F_CAP: u32 = 1;
/// Every char of the token upper case, and more than one byte ("EU", "NATO").
const F_UPPER: u32 = 1 << 1;
/// Normal form in `not_name` (data/words.toml).
const F_NOT_NAME: u32 = 1 << 2;
/// The token as written in `particles` (data/words.toml).
const F_PARTICLE: u32 = 1 << 3;
/// Normal form in `place_heads` (data/words.toml).
const F_PLACE_HEAD: u32 = 1 << 4;
/// Normal form in `government` (data/words.toml).
const F_GOVERNMENT: u32 = 1 << 5;
/// Normal form, or normal form + ".", in `honorifics` (data/words.toml).
const F_HONORIFIC: u32 = 1 << 6;
/// Normal form in `role_nouns` (data/words.toml).
const F_ROLE_NOUN: u32 = 1 << 7;
/// Normal form in `speech` (data/words.toml).
const F_SPEECH: u32 = 1 << 8;
/// Normal form in `org_heads` (data/words.toml).
const F_ORG_HEAD: u32 = 1 << 9;
/// Normal form in `quantifiers` (data/words.toml).
const F_QUANTIFIER: u32 = 1 << 10;
/// Normal form "the".
const F_THE: u32 = 1 << 11;
/// Normal form in [`DETERMINERS`].
const F_DET: u32 = 1 << 12;
/// Normal form in [`HE_SHE`].
const F_HE_SHE: u32 = 1 << 13;
/// Normal form in `media_nouns`.
const F_MEDIA: u32 = 1 << 14;
/// Normal form in `qualifiers`.
const F_QUALIFIER: u32 = 1 << 15;
/// Normal form in `group_modifiers`.
const F_GROUP_MOD: u32 = 1 << 16;
/// Normal form in `surname_words`.
const F_SURNAME_WORD: u32 = 1 << 17;
/// Normal form in `dates` (days and months).
const F_DATE: u32 = 1 << 18;

/// Articles that open a role reference ("the NATO chief", "a NATO spokesperson").
const DETERMINERS: &[&str] = &["the", "a", "an"];
/// Pronouns resolved to the last subject.
const HE_SHE: &[&str] = &["he", "she"];

/// Every listed word with the features it carries: an open-addressing table of words
/// packed into two `u64`s, so that a lookup is one multiply and one or two compares of
/// integers (no hashing of a `str`, no `memcmp` call). The table is filled once from the
/// fixed lists and kept at most a quarter full, so any lookup, whatever the text, ends
/// after a short probe run.
pub(crate) struct Words {
    /// `(first 8 bytes, next 8 bytes, length, features)`; length 0 marks an empty slot.
    slots: Vec<(u64, u64, u8, u32)>,
    /// log2 of `slots.len()`.
    bits: u32,
}

/// A word of at most [`WORD_MAX`] bytes as two little-endian integers (zero padded).
#[inline]
fn pack(word: &[u8]) -> Option<(u64, u64)> {
    if word.is_empty() || word.len() > WORD_MAX {
        return None;
    }
    let mut buf = [0u8; WORD_MAX];
    buf[..word.len()].copy_from_slice(word);
    let (mut lo, mut hi) = ([0u8; 8], [0u8; 8]);
    lo.copy_from_slice(&buf[..8]);
    hi.copy_from_slice(&buf[8..]);
    Some((u64::from_le_bytes(lo), u64::from_le_bytes(hi)))
}

impl Words {
    #[inline]
    fn slot(&self, lo: u64, hi: u64, len: usize) -> usize {
        let h = (lo ^ hi.rotate_left(29) ^ len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (h >> (64 - self.bits)) as usize
    }

    fn new(words: &[(&str, u32)]) -> Words {
        let mut bits = 4;
        while (1usize << bits) < 4 * words.len() {
            bits += 1;
        }
        let mut table = Words {
            slots: vec![(0, 0, 0, 0); 1 << bits],
            bits,
        };
        let mask = table.slots.len() - 1;
        for &(w, f) in words {
            let Some((lo, hi)) = pack(w.as_bytes()) else {
                continue;
            };
            let mut i = table.slot(lo, hi, w.len());
            loop {
                let s = &mut table.slots[i];
                if s.2 == 0 {
                    *s = (lo, hi, w.len() as u8, f);
                    break;
                }
                if (s.0, s.1, usize::from(s.2)) == (lo, hi, w.len()) {
                    s.3 |= f;
                    break;
                }
                i = (i + 1) & mask;
            }
        }
        table
    }

    #[inline]
    fn get(&self, word: &[u8]) -> u32 {
        let Some((lo, hi)) = pack(word) else {
            return 0;
        };
        let mask = self.slots.len() - 1;
        let mut i = self.slot(lo, hi, word.len());
        // The table is at most a quarter full: an empty slot always ends the run.
        for _ in 0..self.slots.len() {
            let s = &self.slots[i];
            if s.2 == 0 {
                return 0;
            }
            if s.0 == lo && s.1 == hi && usize::from(s.2) == word.len() {
                return s.3;
            }
            i = (i + 1) & mask;
        }
        0
    }
}

/// Every listed word of `l` with its features (the embedded lists are `data/words.toml`).
fn listed_words(l: &WordLists) -> Vec<(&str, u32)> {
    let lists: [(&[toml::Spanned<String>], u32); 14] = [
        (&l.not_name, F_NOT_NAME),
        (&l.particles, F_PARTICLE),
        (&l.place_heads, F_PLACE_HEAD),
        (&l.government, F_GOVERNMENT),
        (&l.honorifics, F_HONORIFIC),
        (&l.role_nouns, F_ROLE_NOUN),
        (&l.speech, F_SPEECH),
        (&l.org_heads, F_ORG_HEAD),
        (&l.quantifiers, F_QUANTIFIER),
        (&l.media_nouns, F_MEDIA),
        (&l.qualifiers, F_QUALIFIER),
        (&l.group_modifiers, F_GROUP_MOD),
        (&l.surname_words, F_SURNAME_WORD),
        (&l.dates, F_DATE),
    ];
    let mut out: Vec<(&str, u32)> = lists
        .iter()
        .flat_map(|&(list, bit)| words(list).map(move |w| (w, bit)))
        .chain([("the", F_THE)])
        .chain(DETERMINERS.iter().map(|&w| (w, F_DET)))
        .chain(HE_SHE.iter().map(|&w| (w, F_HE_SHE)))
        .collect();
    // "dr" is an honorific because "dr." is listed.
    out.extend(
        words(&l.honorifics)
            .filter_map(|h| h.strip_suffix('.'))
            .map(|bare| (bare, F_HONORIFIC)),
    );
    out
}

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.slots.iter().filter(|s| s.2 != 0).count();
        f.debug_struct("Words").field("words", &n).finish()
    }
}

impl Words {
    /// The table of a set of word lists.
    pub(crate) fn of(lists: &WordLists) -> Words {
        Words::new(&listed_words(lists))
    }
}

/// The table of the embedded word lists, built once.
pub(crate) static EMBEDDED_WORDS: LazyLock<Arc<Words>> =
    LazyLock::new(|| Arc::new(Words::of(&WORD_LISTS)));

/// The features of a token: `surface` as written, `norm` its normal form.
fn token_features(table: &Words, surface: &str, norm: &str) -> u32 {
    let word_bits = |w: &str| table.get(w.as_bytes());
    let on_norm = word_bits(norm);
    // Particles are matched as written ("van", not "Van"); all are lower case.
    let on_surface = if surface == norm {
        on_norm
    } else if surface
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_lowercase)
    {
        word_bits(surface)
    } else {
        0
    };
    (on_norm & !F_PARTICLE) | (on_surface & F_PARTICLE) | case_features(surface)
}

/// [`F_CAP`] and [`F_UPPER`] of a token as written.
fn case_features(s: &str) -> u32 {
    if s.is_ascii() {
        let b = s.as_bytes();
        if !b.first().is_some_and(u8::is_ascii_uppercase) {
            return 0;
        }
        let mut letters = 0usize;
        let mut lower = false;
        let mut all_upper = true;
        for c in b {
            letters += usize::from(c.is_ascii_alphabetic());
            lower |= c.is_ascii_lowercase();
            all_upper &= c.is_ascii_uppercase();
        }
        // all-caps words of 2+ letters are acronyms, not names ("NATO", "BIG")
        let cap = letters < 2 || lower;
        let upper = all_upper && b.len() > 1;
        return if cap { F_CAP } else { 0 } | if upper { F_UPPER } else { 0 };
    }
    let mut f = 0;
    if is_cap(s) {
        f |= F_CAP;
    }
    if s.len() > 1 && s.chars().all(char::is_uppercase) {
        f |= F_UPPER;
    }
    f
}

#[derive(Clone, Debug)]
struct PersonInfo {
    role: Option<String>,
    country: Option<String>,
    org: Option<String>,
}

/// Working state over one document.
struct Work<'a> {
    doc: &'a Document,
    lex: &'a Lexicon,
    actors: Vec<Actor>,
    by_key: HashMap<String, ActorId>,
    /// Names already passed to [`Work::actor`] -> the actor (saves a `slug` per mention).
    by_name: HashMap<String, ActorId>,
    /// Per token: the text as written.
    surf: Vec<&'a str>,
    /// Per token: `F_*` features.
    feat: Vec<u32>,
    /// Per person actor: surname (normalised) and title info.
    people: Vec<(ActorId, String, PersonInfo)>,
    mentions: Vec<Mention>,
}

fn is_cap(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => {
            // all-caps words of 2+ letters are acronyms, not names ("NATO", "BIG")
            !(s.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && s.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase()))
        }
        _ => false,
    }
}

impl<'a> Work<'a> {
    #[inline]
    fn tok(&self, i: usize) -> &'a str {
        self.surf[i]
    }

    /// Whether token `i` has feature `f` (an `F_*` bit).
    #[inline]
    fn has(&self, i: usize, f: u32) -> bool {
        self.feat[i] & f != 0
    }

    /// [`is_cap`] of token `i`.
    #[inline]
    fn cap(&self, i: usize) -> bool {
        self.has(i, F_CAP)
    }

    #[inline]
    fn norm(&self, i: usize) -> &'a str {
        self.doc.norm(i)
    }

    fn in_quote(&self, span: Span) -> bool {
        let quotes = &self.doc.quotes;
        let i = quotes.partition_point(|q| q.end <= span.start);
        i < quotes.len() && quotes[i].contains(span)
    }

    fn actor(
        &mut self,
        name: &str,
        kind: ActorKind,
        country: Option<String>,
        role: Option<String>,
    ) -> ActorId {
        let id = match self.by_name.get(name) {
            Some(&id) => id,
            None => {
                let key = slug(name);
                let id = match self.by_key.get(&key) {
                    Some(&id) => id,
                    None => {
                        let id = ActorId(self.actors.len());
                        self.actors.push(Actor {
                            id: key.clone(),
                            name: name.to_string(),
                            kind,
                            country,
                            role,
                        });
                        self.by_key.insert(key, id);
                        self.by_name.insert(name.to_string(), id);
                        return id;
                    }
                };
                self.by_name.insert(name.to_string(), id);
                id
            }
        };
        let a = &mut self.actors[id.0];
        if a.country.is_none() {
            a.country = country;
        }
        if a.role.is_none() {
            a.role = role;
        }
        id
    }

    /// An organisation named at `span` (a name mention found by `rule`).
    fn named_org(
        &mut self,
        name: &str,
        country: Option<String>,
        role: Option<String>,
        span: Span,
        rule: &str,
    ) {
        let id = self.actor(name, ActorKind::Organisation, country, role);
        self.mention(id, span, MentionKind::Name, rule);
    }

    fn mention(&mut self, actor: ActorId, span: Span, kind: MentionKind, rule: &str) {
        self.mentions.push(Mention {
            actor,
            span,
            kind,
            rule: rule.to_string(),
        });
    }

    /// Reads a person name starting at token `i` (bounded by `hi`): capitalised tokens
    /// and inner particles, at most five tokens. Returns the token range.
    fn read_name(&self, i: usize, hi: usize, taken: &[bool]) -> Option<(usize, usize)> {
        let mut j = i;
        let mut words = 0;
        while j < hi && words < 5 {
            if taken[j] {
                break;
            }
            // an ordinary word that is also a surname ends a name: "Ana Will", "Ed Young"
            let word = self.doc.tokens[j].kind == TokenKind::Word
                && self.cap(j)
                && (!self.has(j, F_NOT_NAME) || words > 0 && self.has(j, F_SURNAME_WORD));
            if word {
                words += 1;
                j += 1;
            } else if words > 0
                && j + 1 < hi
                && ((self.has(j, F_PARTICLE) && self.has(j + 1, F_CAP | F_PARTICLE))
                    || (self.norm(j) == "-"
                        && self.cap(j + 1)
                        && self.doc.tokens[j].span.start == self.doc.tokens[j - 1].span.end))
            {
                j += 1;
            } else {
                break;
            }
        }
        (words > 0).then_some((i, j))
    }

    fn name_text(&self, a: usize, b: usize) -> String {
        let span = self.doc.tokens[a].span.cover(self.doc.tokens[b - 1].span);
        let raw = self.doc.slice(span);
        // garbled scrapes ("Jan, Kowalski") and stray punctuation inside a name
        let mut name = String::with_capacity(raw.len());
        for w in raw
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')'))
            .filter(|w| !w.is_empty())
        {
            if !name.is_empty() {
                name.push(' ');
            }
            name.push_str(w);
        }
        name
    }

    /// Adds (or links) a person from a name token range.
    fn person(&mut self, a: usize, b: usize, info: PersonInfo, rule: &str) -> ActorId {
        let name = self.name_text(a, b);
        // one word ("Brandt") or several
        let single = !name.contains(' ');
        let surname = normalize_name(name.rsplit(' ').next().unwrap_or(""));
        let span = self.doc.tokens[a].span.cover(self.doc.tokens[b - 1].span);
        // a known person (registry) wins, then a person already seen with this surname
        let known = self.lex.person(&name, self.doc.meta.published.as_deref());
        let id = if let Some(p) = known {
            let role = info.role.clone().or(p.role.clone());
            let country = info.country.clone().or(p.country.clone());
            self.actor(&p.name, ActorKind::Person, country, role)
        } else if let Some(&(id, _, _)) = self.people.iter().find(|(id, s, _)| {
            *s == surname
                && (single || {
                    let existing = normalize_name(&self.actors[id.0].name);
                    existing == normalize_name(&name) || existing.split(' ').count() == 1
                })
        }) {
            if !single && self.actors[id.0].name.split(' ').count() == 1 {
                self.actors[id.0].name = name.clone();
            }
            let a = &mut self.actors[id.0];
            if a.role.is_none() {
                a.role = info.role.clone();
            }
            if a.country.is_none() {
                a.country = info.country.clone();
            }
            id
        } else {
            self.actor(
                &name,
                ActorKind::Person,
                info.country.clone(),
                info.role.clone(),
            )
        };
        if !self.people.iter().any(|(p, _, _)| *p == id) {
            self.people.push((id, surname, info));
        }
        let kind = if single {
            MentionKind::Partial
        } else {
            MentionKind::Name
        };
        self.mention(id, span, kind, rule);
        id
    }
}

/// `normalize_name(word) == norm`, without allocating when `word` is ASCII without white
/// space (a token): its normal form is then its bytes lower-cased, backticks as
/// apostrophes (no white space to collapse, no leading "the " to drop).
fn normalizes_to(word: &str, norm: &str) -> bool {
    let w = word.as_bytes();
    if word.is_ascii()
        && !w
            .iter()
            .any(|b| matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '))
    {
        return w.len() == norm.len()
            && w.iter().zip(norm.as_bytes()).all(|(&a, &b)| {
                b == if a == b'`' {
                    b'\''
                } else {
                    a.to_ascii_lowercase()
                }
            });
    }
    normalize_name(word) == norm
}

/// Registry hits of a document, indexed by token.
struct HitIndex<'r> {
    hits: Vec<Hit<'r>>,
    /// Token -> the hit covering it, [`NO_HIT`] for none (four bytes a token: the stage
    /// reads it in most of its passes over the tokens).
    at: Vec<u32>,
    /// Hit -> its token range.
    tokens: Vec<(usize, usize)>,
}

impl<'r> HitIndex<'r> {
    fn new(doc: &Document, hits: Vec<Hit<'r>>) -> HitIndex<'r> {
        let tok_range = |span: Span| {
            let a = doc.tokens.partition_point(|t| t.span.start < span.start);
            let b = doc.tokens.partition_point(|t| t.span.end <= span.end);
            (a, b.max(a))
        };
        let tokens: Vec<(usize, usize)> = hits.iter().map(|h| tok_range(h.span)).collect();
        let mut at = vec![NO_HIT; doc.tokens.len()];
        for (h, &(a, b)) in tokens.iter().enumerate() {
            // A document has far fewer than 2^32 - 1 hits (one per several bytes).
            let h = u32::try_from(h).unwrap_or(NO_HIT);
            for t in at.iter_mut().take(b).skip(a) {
                *t = h;
            }
        }
        HitIndex { hits, at, tokens }
    }

    /// The hit covering token `t`, if any.
    #[inline]
    fn at(&self, t: usize) -> Option<usize> {
        match self.at.get(t) {
            Some(&h) if h != NO_HIT => Some(h as usize),
            _ => None,
        }
    }
}

/// [`HitIndex::at`]: no hit at this token.
const NO_HIT: u32 = u32::MAX;

/// Finds actors and mentions in a document (the body of [`crate::ActorFinder`]).
// Token loops index several parallel per-token arrays (hits, taken, tokens) at once.
#[allow(clippy::needless_range_loop)]
pub(crate) fn find(doc: &mut Document, lex: &Lexicon) {
    let hits = lex.hits(doc);
    let text = doc.text();
    let mut surf: Vec<&str> = Vec::with_capacity(doc.tokens.len());
    let mut feat: Vec<u32> = Vec::with_capacity(doc.tokens.len());
    for t in &doc.tokens {
        let s = text.get(t.span.start..t.span.end).unwrap_or("");
        surf.push(s);
        feat.push(token_features(lex.words(), s, doc.word(t.norm)));
    }
    let mut w = Work {
        doc,
        lex,
        actors: Vec::new(),
        // Sized for a long article, so that the maps rarely grow (each growth re-hashes).
        by_key: HashMap::with_capacity(32),
        by_name: HashMap::with_capacity(64),
        surf,
        feat,
        people: Vec::new(),
        mentions: Vec::new(),
    };
    let n = w.doc.tokens.len();
    let hx = HitIndex::new(w.doc, hits);
    let mut taken = vec![false; n];
    let sentences: Vec<(usize, usize)> = w
        .doc
        .sentences
        .iter()
        .map(|s| (s.tokens.start, s.tokens.end))
        .collect();

    // 1. people by construction
    for &(lo, hi) in &sentences {
        let mut i = lo;
        while i < hi {
            // title (+ complement) + name
            if let Some(h) = hx.at(i) {
                let (a, b) = hx.tokens[h];
                if a == i
                    && let Ent::Title {
                        canonical,
                        honorific,
                        ..
                    } = &hx.hits[h].ent
                {
                    let mut j = b;
                    // "Minister of Foreign Affairs", "Commander in Europe"
                    // "Minister for the Armed Forces"
                    let the = usize::from(j + 2 < hi && w.has(j + 1, F_THE));
                    if j + 1 + the < hi
                        && matches!(w.norm(j), "of" | "in" | "for")
                        && w.cap(j + 1 + the)
                    {
                        let mut k = j + 1 + the;
                        while k < hi
                            && (w.cap(k) || w.norm(k) == "and" && k + 1 < hi && w.cap(k + 1))
                            && k - j < 5
                        {
                            k += 1;
                        }
                        // only when a name follows the complement, directly or after a
                        // comma ("Russia's envoy in Oslo, Ivan Petrov,")
                        let name_at = |x: usize| {
                            x < hi && w.read_name(x, hi, &taken).is_some_and(|(x, y)| y - x >= 2)
                        };
                        if name_at(k)
                            || (k < hi && matches!(w.norm(k), "," | "(") && name_at(k + 1))
                        {
                            j = k;
                        }
                    }
                    // "Title, Name" and a label "The Minister for X (Ana Roe)"
                    let comma = j < hi && matches!(w.norm(j), "," | "(");
                    let start = if comma { j + 1 } else { j };
                    if let Some((na, mut nb)) = w.read_name(start, hi, &taken) {
                        // a scraping garble: "Title Jan, Kowalski," -> one name
                        if !comma
                            && nb - na == 1
                            && nb + 1 < hi
                            && w.norm(nb) == ","
                            && w.read_name(nb + 1, hi, &taken)
                                .is_some_and(|(x, y)| y - x == 1)
                            && nb + 2 < hi
                            && matches!(w.norm(nb + 2), "," | "said" | "says" | "stated")
                        {
                            nb += 2;
                        }
                        // an editorial insertion that opened before the title closes
                        // inside the name: "(Latvian Prime Minister Ilze) Ozola", "[Mr] Roe"
                        if nb + 1 < hi
                            && matches!(w.norm(nb), ")" | "]")
                            && (lo..a)
                                .rev()
                                .take(4)
                                .any(|t| matches!(w.norm(t), "(" | "["))
                            && let Some((_, y)) = w.read_name(nb + 1, hi, &taken)
                        {
                            nb = y;
                        }
                        let hit_here = (na..nb).any(|t| {
                            hx.at(t).is_some_and(|hh| {
                                !matches!(hx.hits[hh].ent, Ent::Person { .. })
                                    && !surname_hit(&w, &hx, hh, na)
                            })
                        });
                        if !hit_here {
                            let mut info = title_info(&w, &hx, a, canonical);
                            // "Dr. Jane Roe, a senior fellow at …": the apposition is the role
                            let appos = nb + 2 < hi && w.norm(nb) == "," && w.has(nb + 1, F_DET);
                            if *honorific || (appos && info.org.is_none() && info.country.is_none())
                            {
                                info.role = if appos {
                                    apposition_role(&w, nb + 1, hi)
                                } else {
                                    None
                                }
                                .or(if *honorific {
                                    None
                                } else {
                                    info.role
                                });
                            }
                            w.person(na, nb, info, "actors/title-name");
                            taken[na..nb].fill(true);
                            // an organisation that opens the title is the person's
                            // affiliation, not a body named here: "Danish Defence
                            // Minister X", "NATO spokesperson X"
                            if let Some(h) = a.checked_sub(1).and_then(|p| hx.at(p))
                                && hx.tokens[h].1 == a
                                && matches!(hx.hits[h].ent, Ent::Org { .. })
                            {
                                taken[hx.tokens[h].0..a].fill(true);
                            }
                            i = nb;
                            continue;
                        }
                    }
                }
            }
            // honorific + name
            let nrm = w.norm(i);
            if w.has(i, F_HONORIFIC) {
                let mut j = i + 1;
                if j < hi && w.norm(j) == "." {
                    j += 1;
                }
                if let Some((na, nb)) = w.read_name(j, hi, &taken) {
                    let role = matches!(nrm.trim_end_matches('.'), "professor" | "prof")
                        .then(|| "Professor".to_string());
                    w.person(
                        na,
                        nb,
                        PersonInfo {
                            role,
                            country: None,
                            org: None,
                        },
                        "actors/honorific-name",
                    );
                    taken[na..nb].fill(true);
                    i = nb;
                    continue;
                }
            }
            i += 1;
        }
    }
    // 2. names in reporting contexts and appositions (two or more capitalised words);
    // a name with neither is kept aside and confirmed when its last word is used as a
    // speaker elsewhere ("Nobody pushed harder than Ana Veltri. … Veltri said")
    let mut unconfirmed: Vec<(usize, usize)> = Vec::new();
    for &(lo, hi) in &sentences {
        let mut i = lo;
        while i < hi {
            if taken[i] || hx.at(i).is_some() || !w.cap(i) {
                i += 1;
                continue;
            }
            let Some((a, b)) = w.read_name(i, hi, &taken) else {
                i += 1;
                continue;
            };
            let hit_inside = (a..b).any(|t| hx.at(t).is_some_and(|h| !surname_hit(&w, &hx, h, a)));
            if b - a < 2 || hit_inside || w.has(b - 1, F_ORG_HEAD) {
                i = b.max(i + 1);
                continue;
            }
            let before = (a > lo).then(|| w.norm(a - 1));
            let before2 = (a > lo + 1).then(|| w.norm(a - 2));
            let after = (b < hi).then(|| w.norm(b));
            let speech_before = (a > lo && w.has(a - 1, F_SPEECH))
                || (before == Some("to") && before2 == Some("according"));
            let speech_after = b < hi && w.has(b, F_SPEECH);
            let apposition = (after == Some(",") && b + 1 < hi)
                .then(|| apposition_after(&w, &hx, b + 1, hi))
                .flatten()
                .or_else(|| role_before_name(&w, lo, a, b, hi));
            // a person's name takes no article: "the liberal Tagesbote argues" is an outlet
            let after_article = (a > lo && w.has(a - 1, F_THE))
                || (a > lo + 1
                    && w.has(a - 2, F_THE)
                    && !w.cap(a - 1)
                    && w.doc.tokens[a - 1].kind == TokenKind::Word);
            let place_like = w.has(b - 1, F_PLACE_HEAD) || after_article;
            if !place_like && (speech_before || speech_after || apposition.is_some()) {
                let info = apposition.unwrap_or(PersonInfo {
                    role: None,
                    country: None,
                    org: None,
                });
                w.person(a, b, info, "actors/name-context");
                taken[a..b].fill(true);
            } else if !place_like && b - a <= 3 && !(a == lo && b - a == 2 && w.has(a, F_ROLE_NOUN))
            {
                unconfirmed.push((a, b));
            }
            i = b;
        }
    }
    if !unconfirmed.is_empty() {
        let speakers = single_word_speakers(&w, &sentences);
        for (a, b) in unconfirmed {
            if (a..b).any(|t| taken[t]) {
                continue;
            }
            let last = w.norm(b - 1);
            if speakers.contains(&last) {
                let info = PersonInfo {
                    role: None,
                    country: None,
                    org: None,
                };
                w.person(a, b, info, "actors/name-confirmed");
                taken[a..b].fill(true);
            }
        }
    }
    lone_surname_speakers(&mut w, &sentences, &hx, &mut taken);
    // 3. organisations by head noun and ministries
    organisations(&mut w, &sentences, &hx, &mut taken);
    // 4. registry hits
    let mut named_orgs: Option<Vec<&str>> = None;
    for (h, hit) in hx.hits.iter().enumerate() {
        let (a, b) = hx.tokens[h];
        if a >= b || (a..b).any(|t| taken[t]) {
            continue;
        }
        let span = hit.span;
        match &hit.ent {
            Ent::Country { name } => {
                // "Sweden's government" is the state too
                let gov =
                    b + 1 < w.doc.tokens.len() && w.norm(b) == "'s" && w.has(b + 1, F_GOVERNMENT);
                let span = if gov {
                    span.cover(w.doc.tokens[b + 1].span)
                } else {
                    span
                };
                let id = w.actor(name, ActorKind::State, Some(name.to_string()), None);
                w.mention(id, span, MentionKind::Name, "actors/registry/country");
                if gov {
                    taken[b] = true;
                    taken[b + 1] = true;
                }
            }
            Ent::Capital { country } => {
                // "at a summit in Warsaw": after a locative preposition a capital is the
                // place, not the government speaking
                if a > 0
                    && matches!(
                        w.norm(a - 1),
                        "in" | "at" | "near" | "outside" | "via" | "around" | "across" | "into"
                    )
                {
                    continue;
                }
                let id = w.actor(country, ActorKind::State, Some(country.to_string()), None);
                w.mention(id, span, MentionKind::Metonym, "actors/registry/capital");
            }
            Ent::SharedSeat { orgs } => {
                // only as the subject of a verb of saying or wanting ("Brussels wants"):
                // elsewhere the city is a place ("talks in Brussels")
                if b >= w.doc.tokens.len() || !w.has(b, F_SPEECH) {
                    continue;
                }
                // the seated organisation the text names (or one of its bodies: "the
                // Commission"), else the first
                // (the organisations the text names, with their parents: listed once)
                let named_orgs = named_orgs.get_or_insert_with(|| {
                    let mut out: Vec<&str> = Vec::new();
                    for x in &hx.hits {
                        if let Ent::Org { name, .. } = x.ent {
                            out.push(name);
                            if let Some(p) = w.lex.registry().organisation(name)
                                && let Some(parent) = p.parent.as_deref()
                            {
                                out.push(parent);
                            }
                        }
                    }
                    out
                });
                let Some(org) = orgs
                    .iter()
                    .find(|o| named_orgs.contains(&o.as_str()))
                    .or(orgs.first())
                    .and_then(|o| w.lex.registry().organisation(o))
                else {
                    continue;
                };
                let (name, country) = (org.name.clone(), org.country.clone());
                let country =
                    country.filter(|_| !matches!(org.class, OrgClass::Alliance | OrgClass::Igo));
                let id = w.actor(&name, ActorKind::Organisation, country, None);
                w.mention(
                    id,
                    span,
                    MentionKind::Metonym,
                    "actors/registry/shared-seat",
                );
            }
            Ent::Seat {
                name,
                country,
                state,
            } => {
                let id = if *state {
                    w.actor(country, ActorKind::State, Some(country.to_string()), None)
                } else {
                    w.actor(
                        name,
                        ActorKind::Organisation,
                        Some(country.to_string()),
                        None,
                    )
                };
                w.mention(id, span, MentionKind::Metonym, "actors/registry/seat");
            }
            Ent::Ministry {
                name,
                country: None,
            } if generic_ministry_owner(&w, &hx, a).is_some() => {
                // "Belarus's defence ministry", "the Belarusian defence ministry"
                let Some((start, country)) = generic_ministry_owner(&w, &hx, a) else {
                    continue;
                };
                let full = format!("{name} of {country}");
                let span = w.doc.tokens[start].span.cover(span);
                w.named_org(
                    &full,
                    Some(country.to_string()),
                    None,
                    span,
                    "actors/ministry",
                );
                taken[start..b].fill(true);
                continue;
            }
            Ent::Org { name, country, .. } | Ent::Ministry { name, country } => {
                let before = w.actors.len();
                let id = w.actor(
                    name,
                    ActorKind::Organisation,
                    country.map(str::to_string),
                    None,
                );
                // a descriptive reference, country adjective + common noun ("the Polish
                // military" for the Polish Armed Forces), names the actor as written
                if w.actors.len() > before {
                    let surface = w.name_text(a, b);
                    let surface = surface
                        .strip_prefix("the ")
                        .or(surface.strip_prefix("The "))
                        .unwrap_or(&surface);
                    let mut words = surface.split(' ');
                    let adjective = words
                        .next()
                        .is_some_and(|x| w.lex.registry().country(x).is_some_and(|c| c.name != x));
                    let descriptive = words
                        .next()
                        .is_some_and(|x| x.chars().next().is_some_and(char::is_lowercase));
                    if adjective && descriptive {
                        w.actors[id.0].name = surface.to_string();
                    }
                }
                w.mention(id, span, MentionKind::Name, "actors/registry/organisation");
            }
            Ent::Group { name } => {
                // "other allies", "some experts": a non-specific reference designates
                // no one in particular, so it is no actor (SPEC §1: named or clearly
                // designated).
                let quantified = (a > 0 && w.has(a - 1, F_QUANTIFIER)) || w.has(a, F_QUANTIFIER);
                if quantified {
                    continue;
                }
                let (start, end, country) = group_extent(&w, &hx, a, b);
                let (id, span) = if (start, end) == (a, b) {
                    (w.actor(name, ActorKind::Group, None, None), span)
                } else {
                    // "Western officials", "Polish officials", "hawks in the alliance"
                    let full = w.name_text(start, end);
                    let full = full
                        .strip_prefix("the ")
                        .or(full.strip_prefix("The "))
                        .unwrap_or(&full)
                        .to_string();
                    let span = w.doc.tokens[start].span.cover(w.doc.tokens[end - 1].span);
                    (w.actor(&full, ActorKind::Group, country, None), span)
                };
                w.mention(id, span, MentionKind::Name, "actors/registry/group");
                taken[start..end].fill(true);
            }
            Ent::Person { .. } => {
                let info = PersonInfo {
                    role: None,
                    country: None,
                    org: None,
                };
                w.person(a, b, info, "actors/registry/person");
            }
            Ent::Adjective { country } => {
                // "the German government", "Polish authorities": the state itself
                if b < w.doc.tokens.len() && w.has(b, F_GOVERNMENT) {
                    let start = if a > 0 && w.has(a - 1, F_THE) {
                        a - 1
                    } else {
                        a
                    };
                    let span = w.doc.tokens[start].span.cover(w.doc.tokens[b].span);
                    let id = w.actor(country, ActorKind::State, Some(country.to_string()), None);
                    w.mention(id, span, MentionKind::Metonym, "actors/government");
                    taken[start..b + 1].fill(true);
                }
                continue;
            }
            Ent::Demonym { country } => {
                // "Poles support …", "most Finns": the people of a country, as written
                let surface = w.doc.slice(span);
                if !surface.ends_with('s') || !w.cap(a) {
                    continue;
                }
                let id = w.actor(surface, ActorKind::Group, Some(country.to_string()), None);
                w.mention(id, span, MentionKind::Name, "actors/demonym");
            }
            Ent::Title { .. } => continue,
        }
        taken[a..b].fill(true);
    }
    // 5. surnames of people seen in the document
    let surnames: Vec<(ActorId, String)> =
        w.people.iter().map(|(id, s, _)| (*id, s.clone())).collect();
    for &(lo, hi) in sentences.iter().filter(|_| !surnames.is_empty()) {
        for i in lo..hi {
            if taken[i] || !w.cap(i) {
                continue;
            }
            let tok = w.tok(i);
            if let Some((id, _)) = surnames.iter().find(|(_, s)| normalizes_to(tok, s)) {
                let id = *id;
                w.mention(
                    id,
                    w.doc.tokens[i].span,
                    MentionKind::Partial,
                    "actors/surname",
                );
                taken[i] = true;
            }
        }
    }
    // 6. role references and "the alliance"
    roles(&mut w, &sentences, &hx, &mut taken);
    // 7. outlets of a press review, definite references to organisations
    outlets(&mut w, &sentences, &hx, &mut taken);
    embassies(&mut w, &sentences, &hx, &mut taken);
    org_references(&mut w, &sentences, &hx, &mut taken);
    w.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    dedupe(&mut w.mentions);
    // 8. pronouns
    pronouns(&mut w, &sentences, &taken);
    w.mentions
        .sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let (actors, mentions) = (w.actors, w.mentions);
    doc.actors = actors;
    doc.mentions = mentions;
}

/// Keeps the longer of overlapping mentions.
fn dedupe(ms: &mut Vec<Mention>) {
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    for m in ms.drain(..) {
        if let Some(last) = out.last()
            && last.span.overlaps(m.span)
        {
            if m.span.len() > last.span.len() {
                out.pop();
                out.push(m);
            }
            continue;
        }
        out.push(m);
    }
    *ms = out;
}

/// A registry hit that is a surname inside a name: one word of `surname_words` after a
/// first name ("Ana Holland", "Ed Jordan").
fn surname_hit(w: &Work, hx: &HitIndex, h: usize, name_start: usize) -> bool {
    let (ha, hb) = hx.tokens[h];
    hb == ha + 1 && ha > name_start && w.has(ha, F_SURNAME_WORD)
}

/// The extent of a group noun at tokens `a..b` with the modifiers that belong to its
/// name: a country adjective or a listed modifier before it ("Polish officials",
/// "opposition MPs") and a place or body after it ("hawks in the alliance", "critics in
/// Berlin"); the country an adjective gives.
fn group_extent(w: &Work, hx: &HitIndex, a: usize, b: usize) -> (usize, usize, Option<String>) {
    let mut start = a;
    let mut country: Option<&str> = None;
    let mut countries = 0;
    let adjective = |t: usize| {
        hx.at(t).and_then(|h| match hx.hits[h].ent {
            Ent::Adjective { country } => Some((hx.tokens[h].0, country)),
            _ => None,
        })
    };
    for _ in 0..3 {
        if start == 0 {
            break;
        }
        let p = start - 1;
        if let Some((s, c)) = adjective(p) {
            countries += usize::from(country != Some(c));
            country.get_or_insert(c);
            start = s;
        } else if countries > 0
            && p > 0
            && matches!(w.norm(p), "and" | "or")
            && let Some((s, c)) = adjective(p - 1)
        {
            // coordinated adjectives: "Lithuanian and Latvian officials"
            countries += usize::from(country != Some(c));
            start = s;
        } else if let Some(h) = hx.at(p).or_else(|| {
            // an organisation's people: "NATO ambassadors", "Euroclear's lawyers"
            (p > 0 && matches!(w.norm(p), "'s" | "’s"))
                .then(|| hx.at(p - 1))
                .flatten()
        }) && let Ent::Org { country: c, .. } = hx.hits[h].ent
        {
            if countries == 0
                && let Some(c) = c
            {
                country = Some(c);
                countries = 1;
            }
            start = hx.tokens[h].0;
            break;
        } else if w.has(p, F_GROUP_MOD) && !w.has(p, F_QUANTIFIER) {
            start = p;
        } else {
            break;
        }
    }
    let country = (countries == 1)
        .then(|| country.map(str::to_string))
        .flatten();
    let n = w.doc.tokens.len();
    let mut end = b;
    if b + 1 < n && matches!(w.norm(b), "in" | "within" | "across") {
        let mut k = b + 1;
        if w.has(k, F_THE) && k + 1 < n {
            k += 1;
        }
        let place = hx
            .at(k)
            .filter(|&h| hx.tokens[h].0 == k || hx.tokens[h].0 == b + 1)
            .and_then(|h| {
                matches!(
                    hx.hits[h].ent,
                    Ent::Country { .. } | Ent::Capital { .. } | Ent::Org { .. }
                )
                .then_some(hx.tokens[h].1)
            });
        let alliance = matches!(w.norm(k), "alliance" | "bloc") && k > b + 1;
        if let Some(e) = place {
            end = e;
        } else if alliance {
            end = k + 1;
        }
    }
    (start, end, country)
}

/// Normal forms of single capitalised words used as speakers: "Veltri said", "said
/// Veltri", "according to Veltri", "Veltri told".
fn single_word_speakers<'a>(w: &Work<'a>, sentences: &[(usize, usize)]) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    for &(lo, hi) in sentences {
        for t in lo..hi {
            if lone_speaker(w, t, lo, hi) && !out.contains(&w.norm(t)) {
                out.push(w.norm(t));
            }
        }
    }
    out
}

/// Token `t` of the sentence `lo..hi` is one capitalised word, no capitalised word beside
/// it, right before or after a verb of saying: "Roe said", "said Roe", "according to Roe".
fn lone_speaker(w: &Work, t: usize, lo: usize, hi: usize) -> bool {
    if !w.cap(t) || w.has(t, F_NOT_NAME) || w.doc.tokens[t].kind != TokenKind::Word {
        return false;
    }
    // "the Commission said": a determiner makes it a common noun's phrase
    let alone =
        (t == lo || (!w.cap(t - 1) && !w.has(t - 1, F_DET))) && (t + 1 >= hi || !w.cap(t + 1));
    let after = t + 1 < hi && w.has(t + 1, F_SPEECH) && w.norm(t + 1) != "according";
    let before = t > lo
        && (w.has(t - 1, F_SPEECH) && w.norm(t - 1) != "asked"
            || (w.norm(t - 1) == "to" && t > lo + 1 && w.norm(t - 2) == "according"));
    alone && (after || before)
}

/// A surname used alone as a speaker, with no full name anywhere in the document ("Roe
/// said the talks had failed."): a person, unless the word is in the registry, looks like
/// a plural noun ("Officials said"), occurs in lower case in the document (a common
/// noun capitalised at the start of a sentence) or opens a longer name.
fn lone_surname_speakers(
    w: &mut Work,
    sentences: &[(usize, usize)],
    hx: &HitIndex,
    taken: &mut [bool],
) {
    // candidates first (rare), then one pass over the document for the checks
    let mut candidates: Vec<(usize, &str)> = Vec::new();
    for &(lo, hi) in sentences {
        for t in (lo..hi).filter(|&t| !taken[t] && hx.at(t).is_none()) {
            let norm = w.norm(t);
            // a surname of a person already found is linked by a later pass
            let known = || w.people.iter().any(|(_, s, _)| s == norm);
            if !lone_speaker(w, t, lo, hi)
                || norm.ends_with('s')
                || !norm.chars().all(char::is_alphabetic)
                || known()
            {
                continue;
            }
            candidates.push((t, norm));
        }
    }
    if candidates.is_empty() {
        return;
    }
    let doc = w.doc;
    let is_candidate = |norm: &str| candidates.iter().any(|&(_, n)| n == norm);
    // a word the document also uses in lower case is a common noun
    let mut rejected: Vec<&str> = doc
        .tokens
        .iter()
        .filter(|tok| {
            is_candidate(doc.word(tok.norm)) && doc.slice(tok.span).starts_with(char::is_lowercase)
        })
        .map(|tok| doc.word(tok.norm))
        .collect();
    // a word that opens a longer name ("Renew" of "Renew Group") names that thing, not a
    // person; the whole text is read, as labels and furniture have no tokens
    let mut words = doc.text().split_whitespace().peekable();
    while let Some(word) = words.next() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let before_name = words
            .peek()
            .is_some_and(|n| n.starts_with(char::is_uppercase));
        if !before_name {
            continue;
        }
        if let Some(&(_, norm)) = candidates.iter().find(|&&(t, _)| w.tok(t) == word) {
            rejected.push(norm);
        }
    }
    for (t, norm) in candidates {
        if rejected.contains(&norm) {
            continue;
        }
        let info = PersonInfo {
            role: None,
            country: None,
            org: None,
        };
        w.person(t, t + 1, info, "actors/lone-surname");
        taken[t] = true;
    }
}

/// A name whose role comes before it in a reporting clause, and that role:
/// - set off by commas right before a reporting verb: "The leader of the opposition,
///   Ana Roe, said …" (the role is the noun phrase before the comma);
/// - closing a post-posed reporting clause: "…, said Latvian drone entrepreneur Ana Roe."
///   (the role is the words between verb and name).
///
/// The role's first country word gives the country.
fn role_before_name(w: &Work, lo: usize, a: usize, b: usize, hi: usize) -> Option<PersonInfo> {
    const MAX_ROLE: usize = 8;
    let word = |i: usize| w.doc.tokens[i].kind == TokenKind::Word;
    let (from, to) = if a > lo + 1
        && w.norm(a - 1) == ","
        && b + 1 < hi
        && w.norm(b) == ","
        && w.has(b + 1, F_SPEECH)
    {
        // the noun phrase before the comma, back to the clause start
        let mut k = a - 1;
        while k > lo && word(k - 1) && a - 1 - k < MAX_ROLE {
            k -= 1;
        }
        (k > lo && !word(k - 1) || k == lo).then_some((k, a - 1))?
    } else {
        // the reporting verb right after a comma or closing quotation mark, then words
        let mut k = a;
        while k > lo && word(k - 1) && !w.has(k - 1, F_SPEECH) && a - k < MAX_ROLE - 2 {
            k -= 1;
        }
        let closes = b >= hi || !word(b) || matches!(w.norm(b), "when" | "on" | "in" | "at");
        let verb = k > lo + 1 && k < a && w.has(k - 1, F_SPEECH) && !word(k - 2);
        (verb && closes).then_some((k, a))?
    };
    let first = (from..to).find(|&i| !w.has(i, F_THE)).unwrap_or(from);
    if first >= to {
        return None;
    }
    let country = (first..to)
        .filter(|&i| w.cap(i))
        .find_map(|i| w.lex.registry().country(w.tok(i)))
        .map(|c| c.name.clone());
    let role = w
        .doc
        .slice(w.doc.tokens[first].span.cover(w.doc.tokens[to - 1].span));
    Some(PersonInfo {
        role: Some(role.split_whitespace().collect::<Vec<_>>().join(" ")),
        country,
        org: None,
    })
}

/// Whether the tokens after a name and its comma (from `from`) are an apposition that
/// makes the name a person, and the role and country it gives: ", a senior fellow at …",
/// ", the Latvian defence minister,", ", Latvia's defence minister,", ", leader of the
/// opposition,", ", who teaches …", ", 67,".
fn apposition_after(w: &Work, hx: &HitIndex, from: usize, hi: usize) -> Option<PersonInfo> {
    let empty = || PersonInfo {
        role: None,
        country: None,
        org: None,
    };
    let end = (from + 7).min(hi);
    // a title after modifiers (article, country, organisation, possessive, qualifier)
    let mut t = from;
    while t < end {
        if let Some(h) = hx.at(t) {
            match &hx.hits[h].ent {
                Ent::Title { canonical, .. } => {
                    if hx.tokens[h].0 != t {
                        break;
                    }
                    // "…, President Ana Roe" is a list of names, not an apposition
                    let (_, tb) = hx.tokens[h];
                    if tb < hi && w.cap(tb) && !w.has(tb, F_NOT_NAME) && hx.at(tb).is_none() {
                        return None;
                    }
                    let mut info = title_info(w, hx, t, canonical);
                    if info.role.is_none() {
                        info.role = Some(canonical.to_string());
                    }
                    return Some(info);
                }
                Ent::Country { .. }
                | Ent::Adjective { .. }
                | Ent::Org { .. }
                | Ent::Seat { .. }
                | Ent::Capital { .. } => {
                    t = hx.tokens[h].1;
                    continue;
                }
                _ => break,
            }
        }
        if w.has(t, F_DET) || w.norm(t) == "'s" || w.has(t, F_QUALIFIER) {
            t += 1;
            continue;
        }
        break;
    }
    // article + role noun: ", a senior researcher at …"; a role noun after at most two
    // qualifiers and before a complement: ", deputy chair of the committee,"
    // a hyphenated role counts by its first part: "President-in-Office", "Chief-of-Staff"
    let role_word = |t: usize| {
        w.has(t, F_ROLE_NOUN)
            || w.norm(t)
                .split_once('-')
                .is_some_and(|(head, _)| w.lex.words().get(head.as_bytes()) & F_ROLE_NOUN != 0)
    };
    let mut t = from;
    while t < hi && t < from + 3 && (w.has(t, F_QUALIFIER) || role_word(t)) {
        t += 1;
    }
    let bare_role = t > from
        && role_word(t - 1)
        && (w.cap(from) || t < hi && matches!(w.norm(t), "of" | "at" | "for" | "in" | ","));
    if (w.has(from, F_DET) && (from + 1..end).any(|t| w.has(t, F_ROLE_NOUN))) || bare_role {
        let mut info = empty();
        info.role = apposition_role(w, from, hi);
        // ", a Ukrainian air-defence officer": the adjective gives the country
        info.country = (from + 1..end)
            .take_while(|&t| !w.has(t, F_ROLE_NOUN))
            .find_map(|t| match hx.at(t).map(|h| &hx.hits[h].ent) {
                Some(Ent::Adjective { country } | Ent::Country { name: country }) => {
                    Some(country.to_string())
                }
                _ => None,
            });
        return Some(info);
    }
    // ", who teaches …", ", on behalf of the group," and an age ", 67,"
    let on_behalf = from + 2 < hi
        && w.norm(from) == "on"
        && w.norm(from + 1) == "behalf"
        && w.norm(from + 2) == "of";
    if on_behalf
        || w.norm(from) == "who"
        || (w.doc.tokens[from].kind == TokenKind::Number
            && from + 1 < hi
            && w.norm(from + 1) == ","
            && w.norm(from).len() <= 3)
    {
        return Some(empty());
    }
    None
}

/// Role and country of a title at token `a`: "Polish Prime Minister", "Latvia's
/// President", "NATO Secretary-General", "Putin spokesman".
fn title_info(w: &Work, hx: &HitIndex, a: usize, canonical: &str) -> PersonInfo {
    let mut info = PersonInfo {
        role: Some(canonical.to_string()),
        country: None,
        org: None,
    };
    let mut k = a;
    // skip a lower-case qualifier: "deputy UN ambassador", "former"
    for _ in 0..4 {
        if k == 0 {
            break;
        }
        let p = k - 1;
        if w.norm(p) == "'s" && p > 0 {
            k = p;
            continue;
        }
        if let Some(h) = hx.at(p) {
            let (ha, _) = hx.tokens[h];
            match &hx.hits[h].ent {
                Ent::Country { name }
                | Ent::Capital { country: name }
                | Ent::Adjective { country: name } => {
                    info.country.get_or_insert_with(|| name.to_string());
                }
                Ent::Seat { country, .. } => {
                    info.country.get_or_insert_with(|| country.to_string());
                }
                Ent::Org {
                    name,
                    country,
                    short,
                } => {
                    info.org
                        .get_or_insert_with(|| short.unwrap_or(name).to_string());
                    if info.country.is_none() {
                        info.country = country.map(str::to_string);
                    }
                }
                Ent::Person { country, .. } => {
                    if info.country.is_none() {
                        info.country = country.map(str::to_string);
                    }
                }
                _ => break,
            }
            k = ha;
        } else if matches!(
            w.norm(p),
            "deputy" | "former" | "acting" | "senior" | "chief" | "interim"
        ) {
            k = p;
        } else {
            break;
        }
    }
    // role text as written between the modifier and the name, e.g. "deputy UN ambassador"
    if let Some(org) = &info.org {
        info.role = Some(format!("{org} {canonical}"));
    }
    info
}

/// A role from an apposition: ", a senior researcher at the Royal Institute (RI),".
fn apposition_role(w: &Work, from: usize, hi: usize) -> Option<String> {
    let mut j = from;
    if j < hi && w.has(j, F_DET) {
        j += 1;
    }
    let mut end = j;
    while end < hi
        && !matches!(
            w.norm(end),
            "," | "." | ";" | "\"" | ":" | "who" | "which" | "whose"
        )
        && end - j < 14
    {
        end += 1;
    }
    (end > j).then(|| {
        let s = w
            .doc
            .slice(w.doc.tokens[j].span.cover(w.doc.tokens[end - 1].span));
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    })
}

/// Organisations named by a head noun ("the Royal Institute of X", "University of X")
/// and ministries ("Ministry of Defence of X", "X's Defence Ministry", "the Latvian
/// Ministry of Defence"), canonicalised as "Ministry of <Portfolio> of <Country>".
fn organisations(w: &mut Work, sentences: &[(usize, usize)], hx: &HitIndex, taken: &mut [bool]) {
    for &(lo, hi) in sentences {
        let mut i = lo;
        while i < hi {
            if taken[i] || !w.cap(i) || w.has(i, F_THE) {
                i += 1;
                continue;
            }
            // capitalised run, allowing "of", "for", "and", "on" inside
            let mut j = i;
            let mut last_cap = i;
            while j < hi && !taken[j] {
                if w.has(j, F_CAP | F_UPPER) {
                    last_cap = j;
                    j += 1;
                } else if matches!(w.norm(j), "of" | "for" | "and" | "on")
                    && j + 1 < hi
                    && w.cap(j + 1)
                    // "the Lithuanian Parliament on Thursday": a day is no part of a name
                    && !w.has(j + 1, F_DATE)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let b = last_cap + 1;
            let head_pos = (i..b).position(|t| w.has(t, F_ORG_HEAD));
            if let Some(hp) = head_pos {
                if (i..b).any(|t| w.norm(t) == "ministry")
                    && let Some((name, country)) = ministry(w, i, b, hx, lo)
                {
                    let start = if i > lo && matches!(w.norm(i - 1), "'s") && i > lo + 1 {
                        ministry_start(i, lo, hx)
                    } else {
                        i
                    };
                    let span = w.doc.tokens[start].span.cover(w.doc.tokens[b - 1].span);
                    let id = w.actor(&name, ActorKind::Organisation, country, None);
                    w.mention(id, span, MentionKind::Name, "actors/ministry");
                    taken[start..b].fill(true);
                    i = b;
                    continue;
                }
                // generic organisation: at least two words and the head noun inside
                // a group or title word may stand after the head: "Cabinet of Ministers",
                // "Council of Elders"
                let inside_hit = (i..b).any(|t| {
                    hx.at(t).is_some_and(|h| match hx.hits[h].ent {
                        Ent::Ministry { .. } => false,
                        Ent::Group { .. } | Ent::Title { .. } => t <= i + hp,
                        // "the Romanian Parliament": the adjective gives the country
                        Ent::Adjective { .. } => t != i || hp == 0,
                        _ => true,
                    })
                });
                let country = hx.at(i).and_then(|h| match hx.hits[h].ent {
                    Ent::Adjective { country } => Some(country.to_string()),
                    _ => None,
                });
                // "Council and Commission" coordinates two bodies: no one name
                let coordinated = (i + 1..b.saturating_sub(1)).any(|t| {
                    w.norm(t) == "and" && w.has(t - 1, F_ORG_HEAD) && w.has(t + 1, F_ORG_HEAD)
                });
                if b - i >= 2 && !inside_hit && !coordinated && (hp > 0 || b - i >= 3) {
                    let name = w.name_text(i, b);
                    let span = w.doc.tokens[i].span.cover(w.doc.tokens[b - 1].span);
                    // "Cabinet of Ministers", "Government of X": the executive itself
                    let kind = if hp == 0 && w.has(i, F_GOVERNMENT) {
                        ActorKind::State
                    } else {
                        ActorKind::Organisation
                    };
                    let id = w.actor(&name, kind, country, None);
                    w.mention(id, span, MentionKind::Name, "actors/organisation");
                    taken[i..b].fill(true);
                }
            }
            i = b.max(i + 1);
        }
    }
}

/// The country that owns a generic ministry surface at token `a` ("Belarus's defence
/// ministry", "the Belarusian defence ministry"), with the first token of the owner.
fn generic_ministry_owner<'r>(w: &Work, hx: &HitIndex<'r>, a: usize) -> Option<(usize, &'r str)> {
    // the hit may start with its article: the owner stands before it ("the Latvian
    // defence ministry" is matched from "defence")
    if a >= 2
        && w.norm(a - 1) == "'s"
        && let Some(h) = hx.at(a - 2)
        && let Ent::Country { name } = hx.hits[h].ent
    {
        return Some((hx.tokens[h].0, name));
    }
    if a >= 1
        && let Some(h) = hx.at(a - 1)
        && let Ent::Adjective { country } = hx.hits[h].ent
    {
        let start = hx.tokens[h].0;
        let start = if start > 0 && w.has(start - 1, F_THE) {
            start - 1
        } else {
            start
        };
        return Some((start, country));
    }
    None
}

fn ministry_start(i: usize, lo: usize, hx: &HitIndex) -> usize {
    // "Latvia 's Ministry …": include the possessor
    let p = i - 2;
    if p >= lo
        && let Some(h) = hx.at(p)
    {
        return hx.tokens[h].0;
    }
    i
}

/// "Ministry of Defense of Latvia" from the forms "Ministry of Defense of Latvia",
/// "Latvia's Ministry of Defense", "Latvian Ministry of Defense", "Latvia's Defense
/// Ministry".
fn ministry(
    w: &Work,
    i: usize,
    b: usize,
    hx: &HitIndex,
    lo: usize,
) -> Option<(String, Option<String>)> {
    let words: Vec<&str> = (i..b).map(|t| w.tok(t)).collect();
    let norms: Vec<&str> = (i..b).map(|t| w.norm(t)).collect();
    let country_at = |t: usize| -> Option<String> {
        hx.at(t).and_then(|h| match &hx.hits[h].ent {
            Ent::Country { name }
            | Ent::Adjective { country: name }
            | Ent::Capital { country: name } => Some(name.to_string()),
            _ => None,
        })
    };
    let mpos = norms.iter().position(|x| *x == "ministry")?;
    let mut country: Option<String> = None;
    let portfolio: Vec<&str>;
    if mpos == 0 {
        // Ministry of X (of Country)
        let rest: Vec<usize> = (i + 1..b).collect();
        let mut port_end = b;
        for &t in rest.iter().skip(1) {
            if w.norm(t) == "of"
                && let Some(c) = country_at(t + 1)
            {
                country = Some(c);
                port_end = t;
                break;
            }
        }
        if i + 1 >= port_end || w.norm(i + 1) != "of" {
            return None;
        }
        portfolio = words[2..port_end - i].to_vec();
    } else {
        // X Ministry, with a country before ("Latvian Defence Ministry")
        let first_country = (i..i + mpos).find_map(country_at);
        country = first_country;
        let port_from = (i..i + mpos)
            .position(|t| country_at(t).is_none())
            .unwrap_or(mpos);
        portfolio = words[port_from..mpos].to_vec();
        if mpos + 1 < words.len() && norms[mpos + 1] == "of" {
            // "Latvian Ministry of Defence"
            let p: Vec<&str> = words[mpos + 2..].to_vec();
            return finish(w.lex, p, country.or_else(|| possessor(w, i, lo, hx)));
        }
    }
    if country.is_none() {
        country = possessor(w, i, lo, hx);
    }
    finish(w.lex, portfolio, country)
}

fn possessor(w: &Work, i: usize, lo: usize, hx: &HitIndex) -> Option<String> {
    if i >= lo + 2
        && w.norm(i - 1) == "'s"
        && let Some(h) = hx.at(i - 2)
        && let Ent::Country { name } = &hx.hits[h].ent
    {
        return Some(name.to_string());
    }
    None
}

fn finish(
    lex: &Lexicon,
    portfolio: Vec<&str>,
    country: Option<String>,
) -> Option<(String, Option<String>)> {
    if portfolio.is_empty() {
        return None;
    }
    let written = portfolio.join(" ");
    // "Foreign Ministry" is the Ministry of Foreign Affairs (ministries.toml)
    let p = lex
        .portfolio(&written)
        .map_or(written.as_str(), |(_, p)| p)
        .to_string();
    let name = match &country {
        Some(c) => format!("Ministry of {p} of {c}"),
        None => format!("Ministry of {p}"),
    };
    Some((name, country))
}

/// "the Commission": a capitalised head noun after "the", not part of a longer name,
/// names the organisation in the document whose name ends in it ("the Electoral
/// Commission"), or else the organisation whose short form it is.
fn short_form(
    w: &mut Work,
    t: usize,
    hi: usize,
    other_names: &mut HashMap<String, bool>,
) -> Option<ActorId> {
    let word = w.tok(t);
    if !w.cap(t) || (t + 1 < hi && (w.cap(t + 1) || w.norm(t + 1) == "of")) {
        return None;
    }
    let org = w.lex.short_form(word)?;
    let suffix = format!(" {word}");
    if let Some(k) = w
        .actors
        .iter()
        .position(|a| a.kind == ActorKind::Organisation && a.name.ends_with(&suffix))
    {
        return Some(ActorId(k));
    }
    // another "… Commission" in the text that is no actor: it may be that one (one scan
    // of the document per word)
    let other_name = *other_names.entry(word.to_string()).or_insert_with(|| {
        (1..w.doc.tokens.len()).any(|k| w.tok(k) == word && w.cap(k - 1) && !w.has(k - 1, F_THE))
    });
    if other_name {
        return None;
    }
    let (name, country) = (org.name.clone(), org.country.clone());
    Some(w.actor(&name, ActorKind::Organisation, country, None))
}

/// Role references ("the NATO chief", "the U.S. president", "a NATO spokesperson") and
/// "the alliance" / "the bloc".
fn roles(w: &mut Work, sentences: &[(usize, usize)], hx: &HitIndex, taken: &mut [bool]) {
    let mut other_names = HashMap::new();
    let alliance = w
        .actors
        .iter()
        .position(|a| a.kind == ActorKind::Organisation && w.lex.is_alliance(&a.name))
        .map(ActorId);
    for &(lo, hi) in sentences {
        for i in lo..hi {
            if taken[i] && hx.at(i).is_none() {
                continue;
            }
            if w.has(i, F_THE) && i + 1 < hi && matches!(w.norm(i + 1), "alliance" | "bloc") {
                if let Some(id) = alliance {
                    let span = w.doc.tokens[i].span.cover(w.doc.tokens[i + 1].span);
                    w.mention(id, span, MentionKind::Role, "actors/role/alliance");
                    taken[i] = true;
                    taken[i + 1] = true;
                }
                continue;
            }
            if w.has(i, F_THE)
                && i + 1 < hi
                && !taken[i + 1]
                && let Some(id) = short_form(w, i + 1, hi, &mut other_names)
            {
                let span = w.doc.tokens[i].span.cover(w.doc.tokens[i + 1].span);
                w.mention(id, span, MentionKind::Role, "actors/role/short-form");
                taken[i] = true;
                taken[i + 1] = true;
                continue;
            }
            // a registry hit may include the article ("the U.S."): start there
            let article_in_hit = hx.at(i).is_some_and(|h| hx.tokens[h].0 == i)
                && w.tok(i).eq_ignore_ascii_case("the");
            // "Finland's defence minister": a possessive modifier opens the reference too
            let possessive = hx.at(i).is_some_and(|h| {
                hx.tokens[h].0 == i
                    && hx.tokens[h].1 < hi
                    && w.norm(hx.tokens[h].1) == "'s"
                    && matches!(
                        hx.hits[h].ent,
                        Ent::Country { .. } | Ent::Org { .. } | Ent::Seat { .. }
                    )
            });
            if !w.has(i, F_DET) && !possessive {
                continue;
            }
            // determiner + modifier(s) + title, not followed by a name
            let mut j = if article_in_hit || possessive {
                i
            } else {
                i + 1
            };
            let mut country: Option<String> = None;
            let mut org: Option<String> = None;
            while j < hi {
                if let Some(h) = hx.at(j) {
                    match &hx.hits[h].ent {
                        Ent::Country { name } | Ent::Adjective { country: name } => {
                            country = Some(name.to_string())
                        }
                        Ent::Org { name, short, .. } => {
                            org = Some(short.unwrap_or(name).to_string())
                        }
                        Ent::Seat { country: c, .. } => country = Some(c.to_string()),
                        _ => break,
                    }
                    j = hx.tokens[h].1;
                    if j < hi && w.norm(j) == "'s" {
                        j += 1;
                    }
                } else {
                    break;
                }
            }
            let Some(h) = (j < hi).then(|| hx.at(j)).flatten() else {
                continue;
            };
            let Ent::Title {
                canonical, person, ..
            } = &hx.hits[h].ent
            else {
                continue;
            };
            if !*person {
                continue;
            }
            let (ta, tb) = hx.tokens[h];
            if ta != j || (tb < hi && w.cap(tb) && !w.has(tb, F_NOT_NAME)) {
                continue;
            }
            let span = w.doc.tokens[i].span.cover(w.doc.tokens[tb - 1].span);
            let canonical: &str = canonical;
            let canonical_norm = normalize_name(canonical);
            let chiefish = matches!(
                canonical_norm.as_str(),
                "chief" | "head" | "leader" | "boss"
            );
            // an apposition to a name is that person: "Lars Berg, the Swedish prime minister,"
            let appositive = (i >= lo + 2 && w.norm(i - 1) == ",")
                .then(|| {
                    let before = w.doc.tokens[i - 2].span;
                    w.mentions
                        .iter()
                        .rev()
                        .find(|m| {
                            m.span.end == before.end
                                && w.actors[m.actor.0].kind == ActorKind::Person
                        })
                        .map(|m| m.actor)
                })
                .flatten();
            if let Some(id) = appositive {
                let a = &mut w.actors[id.0];
                if a.country.is_none() {
                    a.country = country.clone();
                }
                if a.role
                    .as_deref()
                    .is_none_or(|r| r.split_whitespace().count() > 3)
                {
                    a.role = Some(match &org {
                        Some(o) => format!("{o} {canonical}"),
                        None => canonical.to_string(),
                    });
                }
                let (c, r) = (a.country.clone(), a.role.clone());
                if let Some(p) = w.people.iter_mut().find(|(p, _, _)| *p == id) {
                    p.2.country = c;
                    p.2.role = r;
                }
            }
            // the holder named earlier in the document
            let holder = appositive.or_else(|| {
                w.people
                    .iter()
                    .filter(|(_, _, p)| {
                        let same_title = p
                            .role
                            .as_deref()
                            .is_some_and(|r| normalize_name(r).ends_with(canonical_norm.as_str()));
                        let same_mod = match (&org, &country) {
                            (Some(o), _) => {
                                p.org.as_deref() == Some(o.as_str())
                                    || p.role.as_deref().is_some_and(|r| r.contains(o.as_str()))
                            }
                            (None, Some(c)) => p.country.as_deref() == Some(c.as_str()),
                            (None, None) => true,
                        };
                        same_mod && (same_title || chiefish && (org.is_some()))
                    })
                    .map(|(id, _, _)| *id)
                    .next_back()
            });
            let id = match holder {
                Some(id) => id,
                None => {
                    let Some(modifier) = org.clone().or(country.clone()) else {
                        continue;
                    };
                    let name = format!("{modifier} {}", canonical.to_lowercase());
                    w.actor(
                        &name,
                        ActorKind::Person,
                        country.clone(),
                        Some(canonical.to_string()),
                    )
                }
            };
            w.mention(id, span, MentionKind::Role, "actors/role");
            taken[i..tb].fill(true);
        }
    }
}

/// The role given to an outlet actor.
const OUTLET_ROLE: &str = "Newspaper";

/// Outlets: a press-review heading "Der Tagesbote, Munich: …" (a name, a comma, a place
/// and a colon at the start of a line), and an apposition "Der Tagesbote, the Munich
/// daily, …". Only in documents that speak of papers at all (a media noun occurs).
fn outlets(w: &mut Work, sentences: &[(usize, usize)], hx: &HitIndex, taken: &mut [bool]) {
    let n = w.doc.tokens.len();
    let is_media = |w: &Work, t: usize| w.has(t, F_MEDIA);
    if !(0..n).any(|t| is_media(w, t)) {
        return;
    }
    let text = w.doc.text();
    for &(lo, hi) in sentences {
        // the name: capitalised words from the start of the sentence up to a comma
        let Some(comma) = (lo..hi.min(lo + 6)).find(|&t| w.norm(t) == ",") else {
            continue;
        };
        if comma == lo
            || (lo..comma).any(|t| taken[t] || w.doc.tokens[t].kind != TokenKind::Word)
            || !(lo..comma).all(|t| w.has(t, F_CAP | F_UPPER | F_PARTICLE) || w.has(t, F_THE))
            || !w.has(lo, F_CAP | F_THE)
        {
            continue;
        }
        // a name has a word of its own: not only articles, initials or function words
        if !(lo..comma).any(|t| w.cap(t) && !w.has(t, F_NOT_NAME) && w.tok(t).chars().count() > 1) {
            continue;
        }
        // a state, a capital or a known organisation is not a newspaper's name
        if (lo..comma).any(|t| {
            hx.at(t).is_some_and(|h| {
                !matches!(hx.hits[h].ent, Ent::Adjective { .. } | Ent::Title { .. })
            }) && !w.has(t, F_THE)
        }) {
            continue;
        }
        let line_start = {
            let start = w.doc.tokens[lo].span.start;
            let before = text[..start].trim_end_matches([' ', '\t']);
            before.is_empty() || before.ends_with('\n')
        };
        let k = comma + 1;
        // "Name, Place:" heading
        let place_end = (k..hi.min(k + 3)).find(|&t| w.norm(t) == ":");
        let heading = line_start
            && place_end.is_some_and(|e| e > k && (k..e).all(|t| w.cap(t) || w.has(t, F_UPPER)));
        // "Name, the <modifiers> daily,"
        let appos = k < hi
            && w.has(k, F_THE)
            && (k + 1..hi.min(k + 5))
                .find(|&t| is_media(w, t))
                .is_some_and(|t| t + 1 < hi && w.norm(t + 1) == ",");
        if !heading && !appos {
            continue;
        }
        let country = if heading {
            place_end.and_then(|e| {
                (k..e).find_map(|t| {
                    hx.at(t).and_then(|h| match hx.hits[h].ent {
                        Ent::Capital { country } | Ent::Country { name: country } => {
                            Some(country.to_string())
                        }
                        Ent::Seat { country, .. } => Some(country.to_string()),
                        _ => None,
                    })
                })
            })
        } else {
            (k + 1..hi.min(k + 5)).find_map(|t| {
                hx.at(t).and_then(|h| match hx.hits[h].ent {
                    Ent::Capital { country } | Ent::Adjective { country } => {
                        Some(country.to_string())
                    }
                    _ => None,
                })
            })
        };
        let name = w.name_text(lo, comma);
        let span = w.doc.tokens[lo].span.cover(w.doc.tokens[comma - 1].span);
        w.named_org(
            &name,
            country,
            Some(OUTLET_ROLE.to_string()),
            span,
            "actors/outlet",
        );
        taken[lo..comma].fill(true);
    }
    // "The conservative Tagesbote argues", "the Hamburg-based Nordkurier, by contrast,
    // thinks": an article, lower-case modifiers and a capitalised name that no list knows,
    // followed by a verb (a person's name takes no article)
    for &(lo, hi) in sentences {
        let mut i = lo;
        while i + 2 < hi {
            if taken[i] || !w.has(i, F_THE) {
                i += 1;
                continue;
            }
            // lower-case modifiers and "Hamburg-based"-style ones
            let mut a = i + 1;
            while a < hi
                && a <= i + 2
                && w.doc.tokens[a].kind == TokenKind::Word
                && (!w.cap(a) || w.norm(a).ends_with("-based"))
            {
                a += 1;
            }
            let Some((na, nb)) = w.read_name(a, hi, taken) else {
                i += 1;
                continue;
            };
            let known = (na..nb).any(|t| hx.at(t).is_some())
                || w.has(nb - 1, F_ORG_HEAD | F_PLACE_HEAD)
                || (na..nb).any(|t| w.has(t, F_ROLE_NOUN))
                || nb - na > 3;
            // the verb: next, or after a parenthetical ", by contrast,"
            let mut v = nb;
            if v < hi && w.norm(v) == "," {
                v = (v + 1..hi.min(v + 5))
                    .find(|&t| w.norm(t) == ",")
                    .map_or(hi, |t| t + 1);
            }
            let verb = v < hi && {
                let x = w.norm(v);
                w.doc.tokens[v].kind == TokenKind::Word
                    && !w.cap(v)
                    && (w.has(v, F_SPEECH)
                        || x == "is"
                        || x == "has"
                        || (x.len() > 3 && x.ends_with('s') && !x.ends_with("ss")))
            };
            if known || !verb {
                i = nb.max(i + 1);
                continue;
            }
            let name = w.name_text(na, nb);
            let span = w.doc.tokens[na].span.cover(w.doc.tokens[nb - 1].span);
            // "the Chronicle" after "The Northern Chronicle": the same outlet
            let short = format!(" {name}");
            if let Some(x) = w.actors.iter().position(|x| {
                x.role.as_deref() == Some(OUTLET_ROLE) && x.name.ends_with(short.as_str())
            }) {
                w.mention(ActorId(x), span, MentionKind::Partial, "actors/outlet");
                taken[na..nb].fill(true);
                i = nb;
                continue;
            }
            let country = (i + 1..na).find_map(|t| {
                hx.at(t).and_then(|h| match hx.hits[h].ent {
                    Ent::Adjective { country } | Ent::Capital { country } => {
                        Some(country.to_string())
                    }
                    _ => None,
                })
            });
            w.named_org(
                &name,
                country,
                Some(OUTLET_ROLE.to_string()),
                span,
                "actors/outlet",
            );
            taken[na..nb].fill(true);
            i = nb;
        }
    }
}

/// Diplomatic missions: "the Russian embassy in Riga", "Poland's embassy in Oslo", "the
/// Latvian embassy" -> organisation "<Adjective> embassy [in <Place>]" with its country.
fn embassies(w: &mut Work, sentences: &[(usize, usize)], hx: &HitIndex, taken: &mut [bool]) {
    for &(lo, hi) in sentences {
        for e in lo + 1..hi {
            if taken[e] || !matches!(w.norm(e), "embassy" | "consulate") {
                continue;
            }
            let owner = if let Some(h) = hx.at(e - 1)
                && let Ent::Adjective { country } = hx.hits[h].ent
            {
                let a = hx.tokens[h].0;
                Some((a, country, w.name_text(a, e)))
            } else if e >= lo + 2
                && w.norm(e - 1) == "'s"
                && let Some(h) = hx.at(e - 2)
                && let Ent::Country { name } = hx.hits[h].ent
            {
                let adj = w.lex.adjective(name).unwrap_or(name).to_string();
                Some((hx.tokens[h].0, name, adj))
            } else {
                None
            };
            let Some((a, country, adj)) = owner else {
                continue;
            };
            // the owner's own registry mention gives way to the embassy's
            if (a..e).any(|t| taken[t] && hx.at(t).is_none()) {
                continue;
            }
            let start = if a > lo && w.has(a - 1, F_THE) {
                a - 1
            } else {
                a
            };
            let mut end = e + 1;
            let mut name = format!("{adj} {}", w.tok(e).to_lowercase());
            if e + 2 < hi
                && matches!(w.norm(e + 1), "in" | "to")
                && let Some((pa, pb)) = w
                    .read_name(e + 2, hi, taken)
                    .or_else(|| hx.at(e + 2).map(|h| hx.tokens[h]))
            {
                name = format!("{name} {} {}", w.norm(e + 1), w.name_text(pa, pb));
                end = pb;
            }
            let span = w.doc.tokens[start].span.cover(w.doc.tokens[end - 1].span);
            w.named_org(
                &name,
                Some(country.to_string()),
                None,
                span,
                "actors/embassy",
            );
            taken[start..end].fill(true);
        }
    }
    // "the Russian embassy" is the one Russian embassy the document places
    for g in 0..w.actors.len() {
        if w.actors[g].kind != ActorKind::Organisation || !w.actors[g].name.ends_with(" embassy") {
            continue;
        }
        let prefix = format!("{} ", w.actors[g].name);
        let placed: Vec<usize> = (0..w.actors.len())
            .filter(|&x| w.actors[x].name.starts_with(&prefix))
            .collect();
        if let [only] = placed[..] {
            for m in w.mentions.iter_mut().filter(|m| m.actor.0 == g) {
                m.actor = ActorId(only);
            }
        }
    }
}

/// Definite references to an organisation named before: "the ministry", "the embassy",
/// "the paper", "the conservative Warsaw daily", "the Chronicle". Each goes to the latest
/// organisation mentioned before it that fits (its head noun, or an outlet for a media
/// noun, from the same country when the reference gives one). Also: a generic ministry
/// ("the defence ministry") is the one ministry of that portfolio the document names
/// with its country.
fn org_references(w: &mut Work, sentences: &[(usize, usize)], hx: &HitIndex, taken: &mut [bool]) {
    // generic ministry -> the one national ministry of the same portfolio
    let ministry_portfolio = |w: &Work, name: &str| -> Option<usize> {
        let rest = name.strip_prefix("Ministry of ")?;
        let p = match rest.rfind(" of ") {
            Some(k) => &rest[..k],
            None => rest,
        };
        let p = p.strip_prefix("the ").unwrap_or(p);
        w.lex.portfolio(p).map(|(i, _)| i)
    };
    for g in 0..w.actors.len() {
        let a = &w.actors[g];
        if a.kind != ActorKind::Organisation || a.country.is_some() {
            continue;
        }
        let Some(gi) = w.lex.generic_ministry(&a.name) else {
            continue;
        };
        let national: Vec<usize> = (0..w.actors.len())
            .filter(|&x| {
                let b = &w.actors[x];
                x != g
                    && b.kind == ActorKind::Organisation
                    && b.country.is_some()
                    && ministry_portfolio(w, &b.name) == Some(gi)
            })
            .collect();
        if let [only] = national[..] {
            for m in w.mentions.iter_mut().filter(|m| m.actor.0 == g) {
                m.actor = ActorId(only);
            }
        }
    }
    let orgs: Vec<usize> = (0..w.actors.len())
        .filter(|&x| w.actors[x].kind == ActorKind::Organisation)
        .collect();
    if orgs.is_empty() {
        return;
    }
    // Each organisation's lower-cased name and mentions by position, so that a reference
    // looks up the last fitting organisation per actor instead of scanning every mention
    // (quadratic on long documents).
    let mut lower: Vec<String> = vec![String::new(); w.actors.len()];
    let mut seen: Vec<Vec<(usize, usize)>> = vec![Vec::new(); w.actors.len()];
    for &x in &orgs {
        lower[x] = w.actors[x].name.to_lowercase();
    }
    for m in &w.mentions {
        if w.actors[m.actor.0].kind == ActorKind::Organisation {
            seen[m.actor.0].push((m.span.start, m.span.end));
        }
    }
    for v in &mut seen {
        v.sort_unstable();
    }
    // the start of the actor's last mention that ends before `at`
    let last_before = |v: &[(usize, usize)], at: usize| -> Option<usize> {
        let k = v.partition_point(|&(s, _)| s < at);
        v[..k]
            .iter()
            .rev()
            .find(|&&(_, e)| e <= at)
            .map(|&(s, _)| s)
    };
    for &(lo, hi) in sentences {
        let mut i = lo;
        while i + 1 < hi {
            if taken[i] || !w.has(i, F_THE) {
                i += 1;
                continue;
            }
            // "the Chronicle": the last word of an outlet's name
            let single_cap = w.cap(i + 1) && !taken[i + 1] && hx.at(i + 1).is_none();
            // the + up to three modifiers + head
            let mut j = i + 1;
            let mut country: Option<&str> = None;
            let mut head: Option<usize> = None;
            while j < hi && j <= i + 4 && !taken[j] {
                let nm = w.norm(j);
                if w.has(j, F_MEDIA | F_ORG_HEAD) || matches!(nm, "ministry" | "embassy") {
                    head = Some(j);
                    break;
                }
                if let Some(h) = hx.at(j) {
                    match hx.hits[h].ent {
                        Ent::Adjective { country: c } | Ent::Capital { country: c } => {
                            country = Some(c);
                            j = hx.tokens[h].1;
                            continue;
                        }
                        _ => break,
                    }
                }
                if w.doc.tokens[j].kind != TokenKind::Word {
                    break;
                }
                j += 1;
            }
            let single_cap = single_cap && head.is_none();
            let Some(hd) = head.or(single_cap.then_some(i + 1)) else {
                i += 1;
                continue;
            };
            // "the ministry of …" is a name; "the daily briefing" is an adjective
            let adjectival = matches!(w.norm(hd), "daily" | "weekly")
                && hd + 1 < hi
                && w.doc.tokens[hd + 1].kind == TokenKind::Word
                && !w.has(hd + 1, F_SPEECH)
                && !w.norm(hd + 1).ends_with('s');
            if adjectival || (hd + 1 < hi && w.norm(hd + 1) == "of") {
                i += 1;
                continue;
            }
            let start = w.doc.tokens[i].span.start;
            let head_word = w.norm(hd);
            let media = w.has(hd, F_MEDIA);
            let fits = |x: usize| -> bool {
                let a = &w.actors[x];
                if a.kind != ActorKind::Organisation {
                    return false;
                }
                let outlet = a.role.as_deref() == Some(OUTLET_ROLE);
                let by_head = if media {
                    outlet
                } else if single_cap {
                    outlet
                        && a.name
                            .rsplit(' ')
                            .next()
                            .is_some_and(|l| normalizes_to(w.tok(hd), &normalize_name(l)))
                } else {
                    lower[x].contains(head_word)
                };
                // an outlet whose country is unknown may be "the British paper"
                by_head && country.is_none_or(|c| a.country.as_deref().is_none_or(|x| x == c))
            };
            let target = orgs
                .iter()
                .filter(|&&x| fits(x))
                .filter_map(|&x| Some((last_before(&seen[x], start)?, x)))
                .max()
                .map(|(_, x)| ActorId(x));
            if let Some(id) = target {
                let span = w.doc.tokens[i].span.cover(w.doc.tokens[hd].span);
                w.mention(id, span, MentionKind::Role, "actors/role/organisation");
                let v = &mut seen[id.0];
                let k = v.partition_point(|&p| p < (span.start, span.end));
                v.insert(k, (span.start, span.end));
                taken[i..=hd].fill(true);
                i = hd + 1;
                continue;
            }
            i += 1;
        }
    }
}

/// he/she: the most recent person who was the subject of a sentence (the first person
/// mention of a sentence not governed by a preposition), outside quotes.
#[allow(clippy::needless_range_loop)]
fn pronouns(w: &mut Work, sentences: &[(usize, usize)], taken: &[bool]) {
    let mut subject: Option<ActorId> = None;
    let mut added = Vec::new();
    let mut mi = 0;
    for &(lo, hi) in sentences {
        let mut sentence_subject: Option<ActorId> = None;
        for i in lo..hi {
            let span = w.doc.tokens[i].span;
            // advance the mention cursor; note the sentence subject
            while mi < w.mentions.len() && w.mentions[mi].span.end <= span.start {
                mi += 1;
            }
            if let Some(m) = w.mentions.get(mi).filter(|m| m.span.start == span.start) {
                let person = w.actors[m.actor.0].kind == ActorKind::Person;
                let after_prep = i > lo
                    && matches!(
                        w.norm(i - 1),
                        "by" | "of"
                            | "with"
                            | "to"
                            | "from"
                            | "at"
                            | "for"
                            | "alongside"
                            | "and"
                            | "on"
                    );
                if person && sentence_subject.is_none() && !after_prep && !w.in_quote(m.span) {
                    sentence_subject = Some(m.actor);
                }
            }
            if taken[i] || !w.has(i, F_HE_SHE) || w.in_quote(span) {
                continue;
            }
            if let Some(id) = sentence_subject.or(subject) {
                added.push(Mention {
                    actor: id,
                    span,
                    kind: MentionKind::Pronoun,
                    rule: "actors/pronoun".into(),
                });
            }
        }
        if sentence_subject.is_some() {
            subject = sentence_subject;
        }
    }
    w.mentions.extend(added);
}

#[cfg(test)]
mod feature_tests {
    use super::*;

    /// Words to test the features on: every listed word in several spellings, and others.
    fn samples() -> Vec<String> {
        let l = &*WORD_LISTS;
        let lists: Vec<Vec<&str>> = [
            &l.not_name,
            &l.particles,
            &l.place_heads,
            &l.government,
            &l.honorifics,
            &l.role_nouns,
            &l.speech,
            &l.org_heads,
            &l.quantifiers,
            &l.media_nouns,
            &l.qualifiers,
            &l.group_modifiers,
            &l.surname_words,
            &l.dates,
        ]
        .into_iter()
        .map(|x| words(x).collect())
        .chain([DETERMINERS.to_vec(), HE_SHE.to_vec()])
        .collect();
        let mut out: Vec<String> = Vec::new();
        for w in lists.iter().flat_map(|l| l.iter()) {
            let mut cap = w.to_string();
            cap[..1].make_ascii_uppercase();
            for v in [
                w.to_string(),
                cap,
                w.to_uppercase(),
                format!("{w}."),
                w.trim_end_matches('.').to_string(),
                format!("{w}s"),
                w[1..].to_string(),
            ] {
                out.push(v);
            }
        }
        for w in [
            "", "A", "I", "EU", "NATO", "Nato", "U.S.", "McDonald", "O'Neill", "X-Ray", "DE",
            "Van", "VAN", "Ölafur", "ÖL", "Éric", "ÉCOLE", "ß", "İ", "Ǆ", "ǅ", "ǆ", "1990", "3rd",
            ",", "\u{201C}", "-", "Dr.", "DR", "Prof", "Zoë", "ZOË", "Ḁb", "É", "Ab1", "AB1", "A1",
        ] {
            out.push(w.to_string());
        }
        out
    }

    #[test]
    fn normalizes_to_equals_normalize_name() {
        let words = [
            "Brandt",
            "BRANDT",
            "brandt",
            "O`Neill",
            "O'Neill",
            "the",
            "The",
            "Pål",
            "Virtanen",
            "Virtanens",
            "",
            "a b",
            "The Brandt",
            "de\tVries",
            "Zoë",
            "ZOË",
            "x\u{301}",
            "Łukasz",
            "McDonald",
            "3rd",
        ];
        let norms: Vec<String> = words.iter().map(|w| normalize_name(w)).collect();
        for w in words {
            for n in norms.iter().chain([&"brandt".to_string(), &String::new()]) {
                assert_eq!(
                    normalizes_to(w, n),
                    normalize_name(w) == *n,
                    "{w:?} / {n:?}"
                );
            }
        }
    }

    #[test]
    fn listed_words_fit_the_table() {
        for (w, _) in listed_words(&WORD_LISTS) {
            assert!(!w.is_empty() && w.len() <= WORD_MAX, "{w:?}");
        }
    }

    #[test]
    fn features_equal_the_list_tests() {
        for surface in samples() {
            // Normal forms as the text stage writes them, and a few inconsistent ones.
            for norm in [surface.to_lowercase(), surface.clone(), "the".to_string()] {
                let f = token_features(&EMBEDDED_WORDS, &surface, &norm);
                let n = norm.as_str();
                let l = &*WORD_LISTS;
                let has =
                    |list: &'static [toml::Spanned<String>], x: &str| words(list).any(|w| w == x);
                let expect = [
                    (F_CAP, is_cap(&surface)),
                    (
                        F_UPPER,
                        surface.chars().all(|c| c.is_uppercase()) && surface.len() > 1,
                    ),
                    (F_NOT_NAME, has(&l.not_name, n)),
                    (F_PARTICLE, has(&l.particles, &surface)),
                    (F_PLACE_HEAD, has(&l.place_heads, n)),
                    (F_GOVERNMENT, has(&l.government, n)),
                    (
                        F_HONORIFIC,
                        has(&l.honorifics, n) || has(&l.honorifics, &format!("{n}.")),
                    ),
                    (F_ROLE_NOUN, has(&l.role_nouns, n)),
                    (F_SPEECH, has(&l.speech, n)),
                    (F_ORG_HEAD, has(&l.org_heads, n)),
                    (F_QUANTIFIER, has(&l.quantifiers, n)),
                    (F_MEDIA, has(&l.media_nouns, n)),
                    (F_QUALIFIER, has(&l.qualifiers, n)),
                    (F_GROUP_MOD, has(&l.group_modifiers, n)),
                    (F_SURNAME_WORD, has(&l.surname_words, n)),
                    (F_DATE, has(&l.dates, n)),
                    (F_THE, n == "the"),
                    (F_DET, matches!(n, "the" | "a" | "an")),
                    (F_HE_SHE, matches!(n, "he" | "she")),
                ];
                for (bit, want) in expect {
                    assert_eq!(f & bit != 0, want, "{surface:?} / {norm:?}: bit {bit:#x}");
                }
            }
        }
    }
}
