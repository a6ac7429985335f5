//! Text rendering of an [`EvalReport`]: the score table and the error list.

use crate::gold::Label;
use crate::metrics::{Prf, Scores, TopicScores};
use crate::score::{DEFAULT_TOPIC, DocEval, EvalReport, Mistake};
use stancemap_core::Span;
use std::fmt;

fn score(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{v:.3}"))
}

/// One table row.
struct Row {
    doc: String,
    measure: String,
    prf: Prf,
    notes: String,
}

fn topic_notes(t: &TopicScores) -> String {
    let mut notes = format!("macro-F1 {}", score(t.macro_f1()));
    let e = t.evidence;
    if e.judged + e.unjudged > 0 {
        notes.push_str(&format!(
            ", evidence {}/{} = {}",
            e.hits,
            e.judged,
            score(e.rate())
        ));
        if e.unjudged > 0 {
            notes.push_str(&format!(" ({} without gold evidence)", e.unjudged));
        }
    }
    notes
}

fn rows(doc: &str, s: &Scores, all_topics: bool, out: &mut Vec<Row>) {
    let mut first = true;
    let mut push = |measure: String, prf: Prf, notes: String| {
        // Only a block's first row names the document.
        let doc = if first {
            doc.to_string()
        } else {
            String::new()
        };
        first = false;
        out.push(Row {
            doc,
            measure,
            prf,
            notes,
        });
    };
    push("actors".into(), s.actors, String::new());
    for t in &s.topics {
        if all_topics || t.topic == DEFAULT_TOPIC || !t.is_empty() {
            push(format!("stance {}", t.topic), t.stance, topic_notes(t));
        }
    }
    push("hedges".into(), s.hedges, String::new());
    push("boosters".into(), s.boosters, String::new());
}

impl fmt::Display for EvalReport {
    /// A table: one block of rows per document (topics without any count are left out,
    /// except the default topic), then the micro totals over all documents.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut table = Vec::new();
        for d in &self.documents {
            rows(&d.doc, &d.scores, false, &mut table);
        }
        rows("TOTAL", &self.total, true, &mut table);
        let dw = table
            .iter()
            .map(|r| r.doc.chars().count())
            .chain([8])
            .max()
            .unwrap_or(8);
        let mw = table
            .iter()
            .map(|r| r.measure.chars().count())
            .chain([7])
            .max()
            .unwrap_or(7);
        let header = format!(
            "{:dw$}  {:mw$}  {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}  notes",
            "document", "measure", "TP", "FP", "FN", "P", "R", "F1"
        );
        writeln!(f, "{header}")?;
        for r in &table {
            if !r.doc.is_empty() {
                // A rule between documents keeps blocks apart.
                writeln!(f, "{}", "-".repeat(header.chars().count()))?;
            }
            let line = format!(
                "{:dw$}  {:mw$}  {:>5} {:>5} {:>5}  {:>6} {:>6} {:>6}  {}",
                r.doc,
                r.measure,
                r.prf.tp,
                r.prf.fp,
                r.prf.fn_,
                score(r.prf.precision()),
                score(r.prf.recall()),
                score(r.prf.f1()),
                r.notes
            );
            writeln!(f, "{}", line.trim_end())?;
        }
        let warnings = self.warnings.len()
            + self
                .documents
                .iter()
                .map(|d| d.warnings.len())
                .sum::<usize>();
        let mistakes: usize = self.documents.iter().map(|d| d.mistakes.len()).sum();
        writeln!(f, "{mistakes} errors, {warnings} warnings")
    }
}

fn spans(s: &[Span]) -> String {
    if s.is_empty() {
        return "none".to_string();
    }
    s.iter()
        .map(|s| format!("{}..{}", s.start, s.end))
        .collect::<Vec<_>>()
        .join(", ")
}

fn labels(l: &[Label]) -> String {
    l.iter().map(Label::as_str).collect::<Vec<_>>().join("|")
}

impl fmt::Display for Mistake {
    /// One line per mistake.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mistake::MissedActor { name, kind } => {
                write!(f, "missed actor: {name} ({})", kind.as_str())
            }
            Mistake::SpuriousActor { id, name, kind } => {
                write!(f, "spurious actor: {name} ({kind}, id {id})")
            }
            Mistake::WrongStance {
                topic,
                actor,
                predicted_actor,
                gold,
                accept,
                predicted,
                optional,
                false_positive,
                false_negative,
            } => {
                let counted = match (false_positive, false_negative) {
                    (true, true) => "FP+FN",
                    (true, false) => "FP",
                    _ => "FN",
                };
                write!(
                    f,
                    "wrong stance [{topic}] {actor}{}: gold {gold} (accept {}), predicted {predicted}",
                    if *optional { " (optional)" } else { "" },
                    labels(accept)
                )?;
                if let Some(p) = predicted_actor {
                    write!(f, " by {p}")?;
                }
                write!(f, " -> {counted}")
            }
            Mistake::SpuriousStance {
                topic,
                actor,
                name,
                predicted,
            } => write!(
                f,
                "spurious stance [{topic}] {name} (id {actor}, matches no gold actor): {predicted} -> FP"
            ),
            Mistake::EvidenceMiss {
                topic,
                actor,
                statements,
            } => write!(
                f,
                "evidence miss [{topic}] {actor}: cited statements {} overlap no gold evidence",
                spans(statements)
            ),
            Mistake::MissedCue {
                layer,
                cue,
                context,
                span,
            } => {
                let at = span.map_or_else(
                    || "not located".to_string(),
                    |s| format!("{}..{}", s.start, s.end),
                );
                write!(f, "missed {} {cue:?} ({at}) in {context:?}", layer.as_str())
            }
            Mistake::SpuriousCue {
                layer,
                cue,
                span,
                context,
            } => write!(
                f,
                "spurious {} {cue:?} ({}..{}): {context}",
                layer.as_str(),
                span.start,
                span.end
            ),
        }
    }
}

/// The error list of a report (see [`EvalReport::errors`]).
struct Errors<'a>(&'a EvalReport);

fn doc_errors(d: &DocEval, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    if d.mistakes.is_empty() && d.warnings.is_empty() {
        return Ok(());
    }
    writeln!(f, "== {} ==", d.doc)?;
    for m in &d.mistakes {
        writeln!(f, "  {m}")?;
    }
    for w in &d.warnings {
        writeln!(f, "  warning: {w}")?;
    }
    Ok(())
}

impl fmt::Display for Errors<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0.documents {
            doc_errors(d, f)?;
        }
        if !self.0.warnings.is_empty() {
            writeln!(f, "== run ==")?;
            for w in &self.0.warnings {
                writeln!(f, "  warning: {w}")?;
            }
        }
        Ok(())
    }
}

impl EvalReport {
    /// Every mistake and warning, one per line, grouped by document (in the report's
    /// order), then the run's warnings: what developers read to tune the rules.
    pub fn errors(&self) -> impl fmt::Display + '_ {
        Errors(self)
    }
}
