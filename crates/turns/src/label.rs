//! The grammar of one turn label: name, role, affiliations and kind.

use crate::data::{TurnData, key};
use stancemap_core::TurnKind;

/// What a turn label says about its speaker.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Label {
    /// Who takes the turn.
    pub kind: TurnKind,
    /// The speaker's name, honorifics dropped (peerage styles kept).
    pub name: Option<String>,
    /// Role or office ("Minister for Ports", "President-in-Office of the Council").
    pub role: Option<String>,
    /// Party (abbreviations expanded), group, constituency or delegation, as written.
    pub affiliation: Vec<String>,
    /// The label opens with an honorific ("Ms", "Sir", "Mr.").
    pub honorific: bool,
    /// The label carries a bracket or a comma phrase ("(Lab)", ", on behalf of …").
    pub qualified: bool,
    /// The label is an answer label ("A:") whose speaker is the page's interviewee.
    pub answer: bool,
}

/// A word that may stand in a label: capitalised, an acronym, a particle or a number
/// of an office ("2nd").
fn label_word(data: &TurnData, w: &str) -> bool {
    let first = w.chars().next();
    first.is_some_and(|c| c.is_uppercase())
        || data.name_particles.contains(w)
        || data.label_links.contains(w)
        || w.starts_with('\'')
        || w == "&"
        || w == "-"
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A person's name: one to five words, capitalised or particles, no role word and no
/// digits, the first capitalised.
pub(crate) fn name_like(data: &TurnData, s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && capitalised(words[0])
        && words.iter().all(|w| {
            (capitalised(w) || data.name_particles.contains(*w))
                && !w
                    .chars()
                    .any(|c| c.is_ascii_digit() || c == '&' || c == '/')
        })
        && !words.iter().any(|w| data.role_words.contains(&key(w)))
        && !data.not_name(words[0])
}

fn strip_the(s: &str) -> &str {
    let t = s.trim();
    for p in ["The ", "the "] {
        if let Some(r) = t.strip_prefix(p) {
            return r.trim();
        }
    }
    t
}

/// Splits off the top-level brackets: the text outside them and their contents.
fn brackets(s: &str) -> Option<(String, Vec<&str>)> {
    let mut outside = String::with_capacity(s.len());
    let mut inner = Vec::new();
    let mut depth = 0usize;
    let mut open = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    open = i + 1;
                }
                depth += 1;
            }
            ')' | ']' => {
                if depth == 0 {
                    return None;
                }
                depth -= 1;
                if depth == 0 {
                    inner.push(s[open..i].trim());
                    outside.push(' ');
                }
            }
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    (depth == 0).then_some((outside, inner))
}

/// Parses a turn label (without its closing ":" or ". –"). `None` when the text is not
/// made like a label: a label is a name or role of capitalised words, particles and
/// brackets, optionally followed by a comma phrase ("…, on behalf of the X Group",
/// "…, President-in-Office of the Council", "…, blue-card question").
pub fn parse_label(data: &TurnData, text: &str) -> Option<Label> {
    let text = text.trim().trim_end_matches(['.', ',']).trim();
    if text.is_empty() || text.len() > 200 {
        return None;
    }
    let (outside, inner) = brackets(text)?;
    let (head, tail) = match outside.split_once(',') {
        Some((h, t)) => (h.trim().to_string(), Some(t.trim().to_string())),
        None => (outside.trim().to_string(), None),
    };
    let mut label = Label {
        qualified: !inner.is_empty() || tail.is_some(),
        ..Label::default()
    };
    let hkey = key(&head);
    let whole = key(text);
    if data.interjections.contains(&hkey) || data.interjections.contains(&whole) {
        label.kind = TurnKind::Interjection;
        return Some(label);
    }
    if inner.is_empty() && tail.is_none() {
        if data.interviewers.contains(&hkey) {
            label.kind = TurnKind::Interviewer;
            return Some(label);
        }
        if data.answers.contains(&hkey) {
            label.answer = true;
            return Some(label);
        }
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty() || words.len() > 14 || !capitalised(words[0]) || data.not_name(words[0]) {
        return None;
    }
    if !words.iter().all(|w| label_word(data, w)) {
        return None;
    }
    if data.chairs.contains(&hkey) || data.chairs.contains(&key(strip_the(&head))) {
        label.kind = TurnKind::Chair;
    }
    // "The Secretary of State for A, B and C (Ana Roe)": the comma is the office's own.
    let office_form = inner.iter().any(|b| name_like(data, b))
        && !name_like(data, &head)
        && outside
            .split_whitespace()
            .any(|w| data.role_words.contains(&key(w)));
    let tail = if office_form { None } else { tail };
    // The comma phrase: a group ("on behalf of the X Group"), a role, or a note.
    if let Some(t) = &tail {
        let tk = key(t);
        if tk.starts_with("on behalf of ") {
            let g = t.split_whitespace().skip(3).collect::<Vec<_>>().join(" ");
            label.affiliation.push(strip_the(&g).to_string());
        } else if tk.contains("blue-card")
            || tk.contains("blue card")
            || tk.starts_with("in writing")
            || tk.starts_with("written")
            || tk.starts_with("question")
            || tk.starts_with("answer")
            || tk.starts_with("reply")
        {
        } else if t.split_whitespace().count() <= 10
            && !t.contains(|c: char| c.is_ascii_digit() || c == '|' || c == '/')
            && t.split_whitespace()
                .any(|w| data.role_words.contains(&key(w)))
        {
            label.role = Some(strip_the(t).to_string());
        } else {
            return None;
        }
    }
    for b in &inner {
        let bk = key(b);
        if bk == "in the chair" || data.chairs.contains(&bk) {
            label.kind = TurnKind::Chair;
        } else if let Some(p) = data.party(b) {
            label.affiliation.push(p.to_string());
        } else if data
            .stage_directions
            .iter()
            .any(|d| bk.starts_with(d.as_str()))
        {
        } else if name_like(data, b) && label.name.is_none() && !name_like(data, &head) {
            // "The Minister for Ports (Ada Pellow)": the bracket names the office holder.
            label.name = Some(b.to_string());
            // the whole text outside the brackets is the office, commas included
            // ("Under-Secretary of State for Foreign, Commonwealth and … Affairs")
            let role = strip_the(&outside)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if label.kind != TurnKind::Chair {
                label.role = Some(role);
            }
        } else if b
            .split_whitespace()
            .any(|w| data.role_words.contains(&key(w)))
            && label.role.is_none()
        {
            label.role = Some(b.to_string());
        } else if !b.is_empty() {
            label.affiliation.push(b.to_string());
        }
    }
    if label.name.is_some() {
        return Some(label);
    }
    // The head: honorifics, then a role, then a name.
    let mut ws: &[&str] = &words;
    if ws.first().is_some_and(|w| *w == "The" || *w == "the") {
        ws = &ws[1..];
    }
    while let Some(w) = ws.first() {
        if data.honorifics.contains(&key(w)) && ws.len() > 1 {
            label.honorific = true;
            ws = &ws[1..];
        } else {
            break;
        }
    }
    if label.kind == TurnKind::Chair {
        return Some(label);
    }
    let peer = ws.first().is_some_and(|w| data.peerage.contains(&key(w)));
    let last_role = if peer {
        None
    } else {
        ws.iter()
            .rposition(|w| data.role_words.contains(&key(w)) || is_acronym(w))
    };
    let (role, name) = match last_role {
        Some(r) => (&ws[..=r], &ws[r + 1..]),
        None => (&ws[..0], ws),
    };
    if !role.is_empty() {
        let r = role.join(" ");
        if data.chairs.contains(&key(&r)) && name.is_empty() {
            label.kind = TurnKind::Chair;
            return Some(label);
        }
        label.role = Some(r);
    }
    if !name.is_empty() {
        let n = name.join(" ");
        if !name_like(data, &n) && !peer {
            return None;
        }
        label.name = Some(n);
    }
    if label.name.is_none() && label.role.is_none() {
        return None;
    }
    Some(label)
}

fn is_acronym(w: &str) -> bool {
    w.len() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '&' || c == '/')
        && w.chars().filter(|c| c.is_uppercase()).count() >= 2
}
