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
//!
//! The submodules, one concern each:
//! - [`features`]: per-token features (the word lists as bits) and the word table;
//! - [`work`]: the working state over one document and its view of the tokens;
//! - [`hits`]: registry hits indexed by token, and the pass that makes them actors;
//! - [`people`]: person names by construction (titles, honorifics, appositions);
//! - [`speakers`]: person names in reporting contexts ("said Ed Roe", "Roe said");
//! - [`organisations`]: organisations by head noun, ministries, embassies, references;
//! - [`outlets`]: newspapers of a press review;
//! - [`groups`]: group nouns with their modifiers ("Polish officials");
//! - [`states`]: countries, capitals and seats, governments, demonyms;
//! - [`merge`]: one actor per identity (surnames, role references, pronouns);
//! - [`mentions`]: actors and mentions as written into the document.

mod features;
mod groups;
mod hits;
mod mentions;
mod merge;
mod organisations;
mod outlets;
mod people;
mod speakers;
mod states;
mod work;

pub(crate) use features::{EMBEDDED_WORDS, Words};

use crate::lex::ActorLexicon;
use hits::HitIndex;
use stancemap_core::Document;
use work::Work;

/// Finds actors and mentions in a document (the body of [`crate::ActorFinder`]).
pub(crate) fn find(doc: &mut Document, lex: &ActorLexicon) {
    let hits = lex.hits(doc);
    let mut w = Work::new(doc, lex);
    let n = w.doc.tokens.len();
    let hx = HitIndex::new(w.doc, hits);
    let mut taken = vec![false; n];
    let sentences = w.sentences();

    // 1. people by construction
    people::titled_names(&mut w, &sentences, &hx, &mut taken);
    // 2. names in reporting contexts and appositions (two or more capitalised words);
    // a name with neither is kept aside and confirmed when its last word is used as a
    // speaker elsewhere ("Nobody pushed harder than Ana Veltri. … Veltri said")
    let unconfirmed = speakers::names_in_context(&mut w, &sentences, &hx, &mut taken);
    speakers::confirm_names(&mut w, &sentences, unconfirmed, &mut taken);
    speakers::lone_surname_speakers(&mut w, &sentences, &hx, &mut taken);
    // 3. organisations by head noun and ministries
    organisations::organisations(&mut w, &sentences, &hx, &mut taken);
    // 4. registry hits
    hits::registry_hits(&mut w, &hx, &mut taken);
    // 5. surnames of people seen in the document
    merge::surnames(&mut w, &sentences, &mut taken);
    // 6. role references and "the alliance"
    merge::roles(&mut w, &sentences, &hx, &mut taken);
    // 7. outlets of a press review, definite references to organisations
    outlets::outlets(&mut w, &sentences, &hx, &mut taken);
    organisations::embassies(&mut w, &sentences, &hx, &mut taken);
    organisations::org_references(&mut w, &sentences, &hx, &mut taken);
    mentions::sort(&mut w.mentions);
    mentions::dedupe(&mut w.mentions);
    // 8. pronouns
    merge::pronouns(&mut w, &sentences, &taken);
    mentions::sort(&mut w.mentions);
    let (actors, mentions) = (w.actors, w.mentions);
    doc.actors = actors;
    doc.mentions = mentions;
}
