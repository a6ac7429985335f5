//! Actors and mentions as written into the document: one actor per name, mentions, their
//! order and overlaps.

use super::work::Work;
use stancemap_core::text::slug;
use stancemap_core::{Actor, ActorId, ActorKind, Mention, MentionKind, Span};

impl Work<'_> {
    pub(super) fn actor(
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
    pub(super) fn named_org(
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

    pub(super) fn mention(&mut self, actor: ActorId, span: Span, kind: MentionKind, rule: &str) {
        self.mentions.push(Mention {
            actor,
            span,
            kind,
            rule: rule.to_string(),
        });
    }
}

/// Sorts mentions by position, the longer first at the same start.
pub(super) fn sort(ms: &mut [Mention]) {
    ms.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
}

/// Keeps the longer of overlapping mentions.
pub(super) fn dedupe(ms: &mut Vec<Mention>) {
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
