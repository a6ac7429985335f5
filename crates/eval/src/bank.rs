//! The construction bank: short labelled texts, one judged actor each, grouped by
//! construction family (`corpus/dev/constructions/bank.jsonl`). An item is right when the
//! predicted label of its actor on its topic (`none` when nothing is predicted) is one of
//! the labels it accepts (SPEC §4 semantics). Scoring per family shows which construction
//! a change helps or hurts; the near-miss items (`none`) are the false-positive tests.

use crate::gold::Label;
use serde::{Deserialize, Serialize};
use stancemap_core::output::DocumentReport;
use stancemap_core::text::normalize_name;
use stancemap_core::{Error, ErrorKind};
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// One labelled text of the bank.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
pub struct BankItem {
    /// Stable id (`cb-0001`).
    pub id: String,
    /// The text (1–3 sentences).
    pub text: String,
    /// `family/variant`, e.g. `advocacy/should`.
    pub construction: String,
    /// Topic id.
    pub topic: String,
    /// The judged actor, as written in the text (without a leading "the").
    pub actor: String,
    /// The label.
    pub stance: Label,
    /// Every defensible label (contains `stance`).
    pub accept: Vec<Label>,
    /// Whether the actor's stance is hedged.
    #[serde(default)]
    pub hedged: bool,
    /// Why, where the label is not obvious.
    #[serde(default)]
    pub note: Option<String>,
}

impl BankItem {
    /// The construction family: the part of `construction` before the `/`.
    pub fn family(&self) -> &str {
        self.construction
            .split_once('/')
            .map_or(self.construction.as_str(), |(f, _)| f)
    }
}

/// Reads a bank file (JSON Lines; blank lines skipped). Errors name the file and line.
///
/// # Errors
/// The file cannot be read, or a line is not a bank item.
pub fn load_bank(path: impl AsRef<Path>) -> Result<Vec<BankItem>, Error> {
    let shown = path.as_ref().display().to_string();
    let text = std::fs::read_to_string(&path).map_err(|e| Error::from(e).with_path(&shown))?;
    parse_bank(&text).map_err(|e| e.with_path(&shown))
}

/// Parses bank JSON Lines.
///
/// # Errors
/// A line that is not a bank item, or whose `accept` lacks its `stance` (the error names
/// the line).
pub fn parse_bank(text: &str) -> Result<Vec<BankItem>, Error> {
    let mut items = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let item: BankItem = serde_json::from_str(line).map_err(|e| {
            Error::new(ErrorKind::Json, "invalid bank item")
                .with_source(e)
                .at_line(i + 1, None)
        })?;
        if !item.accept.contains(&item.stance) {
            let msg = format!("item {}: `accept` must contain its stance", item.id);
            return Err(Error::new(ErrorKind::Data, msg).at_line(i + 1, None));
        }
        items.push(item);
    }
    Ok(items)
}

/// Right/total counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Items whose prediction is accepted.
    pub right: usize,
    /// Items.
    pub total: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.right += usize::from(ok);
        self.total += 1;
    }

    /// `right / total`; `None` when empty.
    pub fn accuracy(&self) -> Option<f64> {
        (self.total > 0).then(|| self.right as f64 / self.total as f64)
    }
}

/// An item whose prediction the bank does not accept.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BankMiss {
    /// Item id.
    pub id: String,
    /// `family/variant`.
    pub construction: String,
    /// Topic id.
    pub topic: String,
    /// The judged actor.
    pub actor: String,
    /// The gold label.
    pub gold: Label,
    /// What was predicted (`none` when nothing).
    pub predicted: Label,
    /// Whether the actor was found at all.
    pub actor_found: bool,
    /// The text.
    pub text: String,
}

/// The bank's scores: overall, per family and per gold label, and every miss.
#[derive(Clone, Debug, Default, Serialize)]
pub struct BankReport {
    /// All items.
    pub total: Tally,
    /// Per construction family.
    pub families: BTreeMap<String, Tally>,
    /// Per gold label (`support`, `oppose`, `conditional`, `none`).
    pub labels: BTreeMap<String, Tally>,
    /// The items not accepted, in bank order.
    pub misses: Vec<BankMiss>,
}

impl BankReport {
    /// The accuracy of one family, `None` when it has no item.
    pub fn family(&self, family: &str) -> Option<f64> {
        self.families.get(family).and_then(Tally::accuracy)
    }

    /// The misses, one line each (`--errors`).
    pub fn errors(&self) -> impl fmt::Display + '_ {
        BankMisses(self)
    }
}

/// The predicted label of the item's actor in `report`: the actor whose name or one of
/// whose mentions equals the item's actor (normalised as SPEC §4 does), or, for persons,
/// whose last name does; among several, the one with a stance on the topic.
fn predicted(item: &BankItem, report: &DocumentReport) -> (bool, Label) {
    let target = normalize_name(&item.actor);
    let target_last = target.split_whitespace().last();
    let mut found = false;
    let mut label = Label::None;
    for actor in &report.actors {
        let name = normalize_name(&actor.name);
        let by_name = name == target
            || actor
                .mentions
                .iter()
                .any(|m| normalize_name(&m.text) == target);
        let by_last = actor.kind == "person"
            && target_last.is_some()
            && name.split_whitespace().last() == target_last;
        if !(by_name || by_last) {
            continue;
        }
        found = true;
        if let Some(s) = report
            .stances
            .iter()
            .find(|s| s.actor == actor.id && s.topic == item.topic)
        {
            label = Label::from(s.stance);
        }
    }
    (found, label)
}

/// Scores the bank. `report_of` gives the analysis of an item's text (the same text may
/// serve several items); an item whose text has no report counts as `none`.
pub fn score_bank<'a>(
    items: &[BankItem],
    mut report_of: impl FnMut(&str) -> Option<&'a DocumentReport>,
) -> BankReport {
    let mut out = BankReport::default();
    for item in items {
        let (found, label) =
            report_of(&item.text).map_or((false, Label::None), |r| predicted(item, r));
        let ok = item.accept.contains(&label);
        out.total.add(ok);
        out.families
            .entry(item.family().to_string())
            .or_default()
            .add(ok);
        out.labels
            .entry(item.stance.as_str().to_string())
            .or_default()
            .add(ok);
        if !ok {
            out.misses.push(BankMiss {
                id: item.id.clone(),
                construction: item.construction.clone(),
                topic: item.topic.clone(),
                actor: item.actor.clone(),
                gold: item.stance,
                predicted: label,
                actor_found: found,
                text: item.text.clone(),
            });
        }
    }
    out
}

fn row(f: &mut fmt::Formatter<'_>, name: &str, t: &Tally) -> fmt::Result {
    let acc = t.accuracy().map_or("-".to_string(), |a| format!("{a:.3}"));
    writeln!(f, "{name:<16} {:>4} / {:<4} {acc}", t.right, t.total)
}

impl fmt::Display for BankReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{:<16} {:>11} accuracy", "family", "right/total")?;
        for (family, t) in &self.families {
            row(f, family, t)?;
        }
        writeln!(f)?;
        for (label, t) in &self.labels {
            row(f, &format!("gold {label}"), t)?;
        }
        writeln!(f)?;
        row(f, "TOTAL", &self.total)
    }
}

struct BankMisses<'a>(&'a BankReport);

impl fmt::Display for BankMisses<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for m in &self.0.misses {
            writeln!(
                f,
                "{} {} [{}] {}: gold {}, predicted {}{} | {}",
                m.id,
                m.construction,
                m.topic,
                m.actor,
                m.gold.as_str(),
                m.predicted.as_str(),
                if m.actor_found {
                    ""
                } else {
                    " (actor not found)"
                },
                m.text
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BANK: &str = r#"{"id": "t1", "text": "Ana Veltri said the ferries should sail.", "construction": "advocacy/should", "topic": "ferries", "actor": "Ana Veltri", "stance": "support", "accept": ["support"]}

{"id": "t2", "text": "Ana Veltri said the ferries should sail.", "construction": "advocacy/near_miss", "topic": "bridges", "actor": "Veltri", "stance": "none", "accept": ["none", "oppose"], "note": "other topic"}
{"id": "t3", "text": "The harbour board kept quiet.", "construction": "group/board", "topic": "ferries", "actor": "harbour board", "stance": "oppose", "accept": ["oppose"]}"#;

    fn report() -> DocumentReport {
        serde_json::from_str(
            r#"{"doc_id": "d", "path": null, "title": null, "outlet": null, "published": null,
            "actors": [{"id": "ana-veltri", "name": "Ana Veltri", "kind": "person",
                "country": null, "role": null,
                "mentions": [{"start": 0, "end": 10, "text": "Ana Veltri"}]}],
            "statements": [],
            "stances": [{"actor": "ana-veltri", "topic": "ferries", "stance": "support",
                "score": 0.8, "hedged": false, "statements": [0]}],
            "hedges": [], "boosters": []}"#,
        )
        .unwrap()
    }

    #[test]
    fn scores_per_family_and_label() {
        let items = parse_bank(BANK).unwrap();
        assert_eq!(items.len(), 3);
        assert_eq!(items[1].family(), "advocacy");
        let r = report();
        let got = score_bank(&items, |t| (t == items[0].text).then_some(&r));
        assert_eq!(got.total, Tally { right: 2, total: 3 });
        assert_eq!(got.family("advocacy"), Some(1.0));
        assert_eq!(got.family("group"), Some(0.0));
        assert_eq!(got.misses.len(), 1);
        assert!(!got.misses[0].actor_found);
        let shown = got.to_string();
        assert!(shown.contains("TOTAL"), "{shown}");
        assert!(got.errors().to_string().contains("t3 group/board"));
    }

    #[test]
    fn bad_lines_name_the_line() {
        let err = parse_bank("\n{\"id\": 1}").unwrap_err().to_string();
        assert!(err.starts_with("2: invalid bank item"), "{err}");
        let bad = r#"{"id": "x", "text": "t", "construction": "c", "topic": "t", "actor": "a", "stance": "support", "accept": ["oppose"]}"#;
        let err = parse_bank(bad).unwrap_err().to_string();
        assert!(err.contains("must contain"), "{err}");
    }
}
