//! Classifying one statement: the entry point and the order in which the rules are tried.

use super::DocView;
use super::decide::Decision;
use super::matches::PackDoc;
use super::pack::PackRt;
use super::subjects::Speaker;
use super::votes::Opts;
use super::window::Window;
use stancemap_core::Stance;
use stancemap_patterns::Hit;

static DEBUG: std::sync::LazyLock<bool> =
    std::sync::LazyLock::new(|| std::env::var_os("STANCE_DEBUG").is_some());

impl DocView<'_> {
    /// Classifies one statement on one topic; a sarcastic reporting verb ("said
    /// sarcastically") inverts the position its words state.
    pub(crate) fn classify(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        win: &Window,
        speaker: &Speaker,
    ) -> Option<Decision> {
        let mut d = self.classify_words(rt, pd, win, speaker)?;
        if self.sarcastic(win) {
            d.stance = match d.stance {
                Stance::Support => Stance::Oppose,
                Stance::Oppose => Stance::Support,
                Stance::Conditional => Stance::Conditional,
            };
            d.score = -d.score;
        }
        Some(d)
    }

    /// A manner adverb of sarcasm right after the reporting cue or right before it.
    fn sarcastic(&self, win: &Window) -> bool {
        let Some(cue) = &win.cue else { return false };
        let toks = &self.stream.toks;
        let near = cue.start.saturating_sub(1)..(cue.end + 2).min(toks.len());
        near.into_iter()
            .any(|i| self.lex.sarcasm.contains(self.stream.norm(&toks[i])))
    }

    fn classify_words(
        &self,
        rt: &PackRt,
        pd: &PackDoc,
        win: &Window,
        speaker: &Speaker,
    ) -> Option<Decision> {
        if !pd.active {
            return None;
        }
        let mut on = win.on.clone();
        self.restrict_contrast(pd, &mut on, win, speaker);
        let sents = self.sentences_of(&on);
        if sents.is_empty() {
            return None;
        }
        let near = self.near(pd, &sents);
        if let Some(d) = self.answer(rt, pd, &on, &sents) {
            return Some(d);
        }
        if let Some(d) = self.ellipsis(rt, pd, &on, speaker) {
            return Some(d);
        }
        let (mut votes, strong) = self.votes(rt, pd, &on, win, speaker, Opts::default());
        self.negated_ellipsis(&on, speaker, &mut votes, pd);
        self.mentions(pd, &on, win, &mut votes);
        if *DEBUG {
            let toks = &self.stream.toks;
            let show = |h: &Hit| {
                toks[h.start..h.end]
                    .iter()
                    .map(|t| self.stream.norm(t))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            eprintln!("[{}] strong={strong} near={near}", rt.pack.id());
            for h in pd.cues.iter().filter(|h| on[h.start]) {
                eprintln!("  cue {} = {:?}", rt.cues[h.entry].id, show(h));
            }
            for h in pd.targets.iter().filter(|h| on[h.start]) {
                eprintln!("  target {:?}", show(h));
            }
            for v in &votes {
                eprintln!("  vote {v:?}");
            }
        }
        if let Some(d) = self.decide(rt, pd, &votes, strong, near, None) {
            return Some(d);
        }
        if votes.is_empty()
            && let Some(d) = self.verdict_alone(rt, pd, &on, win, near)
        {
            return Some(d);
        }
        self.aligned(rt, pd, &on, &sents)
    }
}
