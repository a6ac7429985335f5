//! Speaker turns: who holds the floor in a transcript, an interview or a Q&A page, and
//! the genre of a text when no metadata gives it.
//!
//! Parliamentary records, meeting records, press conferences and interviews name each
//! speaker in a *label* — a page heading ("Ana Roe Portrait Ana Roe (Seaton) (Lab)"
//! followed by page links), an inline label opening a paragraph ("Ms Roe (Greens): …",
//! "Mr. Roe (Freedonia): …", "Q: …"), a verbatim heading ("Ana Roe, on behalf of the
//! X Group. – …") or a name on a line of its own — not in a reporting clause. Two stages
//! turn such labels into statements:
//!
//! - [`TurnFinder`] (after boilerplate, before sentences): recognises the labels and
//!   the text each covers, up to the next label (so a turn running over several
//!   paragraphs stays with its speaker), parses name, role, party, constituency or
//!   delegation from each label, recognises the genre of the text
//!   ([`detect_genre`]) and sets it on the document when no metadata gave one, and —
//!   in transcripts and official pages — keeps the labels and the stage directions
//!   ("(Applause)") out of the analysed text as furniture.
//! - [`TurnSpeakers`] (after attribution): links each turn to one actor (found by the
//!   actor stage, or made from the label), and makes every sentence of a speaker's turn
//!   that speaker's statement, keeping the statements of the others the speaker reports;
//!   procedural chairs, interviewers and interjections carry none. On official pages the
//!   issuing body (or the signatory states of a joint statement) speaks the sentences
//!   that nobody else does.
//!
//! The words labels are made of (honorifics, chairs, interviewers, interjections, stage
//! directions, party abbreviations, role words, genre labels) are data:
//! `data/turns.toml`.
//!
//! # Example
//! ```
//! use stancemap_turns::{TurnData, parse_label};
//! use stancemap_core::TurnKind;
//! let data = TurnData::embedded();
//! let label = parse_label(&data, "The Minister for Ports (Ada Pellow)").unwrap();
//! assert_eq!(label.name.as_deref(), Some("Ada Pellow"));
//! assert_eq!(label.role.as_deref(), Some("Minister for Ports"));
//! assert_eq!(parse_label(&data, "Mr Speaker").unwrap().kind, TurnKind::Chair);
//! ```
#![deny(missing_docs)]

mod data;
mod find;
mod genre;
mod items;
mod label;
mod refs;
mod speakers;

pub use data::TurnData;
pub use find::TurnFinder;
pub use genre::detect_genre;
pub use items::{Aggregate, ENDORSE_RULE, ITEM_VOTE_RULE, ItemVotes};
pub use label::{Label, parse_label};
pub use refs::REFERENCE_RULE;
pub use speakers::{CountryLookup, TurnSpeakers};

/// Genres in whose text speaker turns are statements.
pub fn turn_genre(genre: &str) -> bool {
    matches!(
        genre,
        "transcript"
            | "official"
            | "interview"
            | "debate"
            | "speech"
            | "press conference"
            | "q&a"
            | "hearing"
            | "record"
    )
}

#[cfg(test)]
mod tests;
