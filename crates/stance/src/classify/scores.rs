//! Tuning values of the classifier: the scores its decisions give and its rules' reaches.

// Scores.

/// The score of a support or opposition decided by votes with a target in the statement,
/// scaled by the margin of the votes.
pub(super) const STRONG_SCORE: f32 = 0.9;

/// The score of a support or opposition decided by votes without a target in the
/// statement (weak terms and conditions, or a target only nearby), scaled by the margin
/// of the votes.
pub(super) const WEAK_SCORE: f32 = 0.6;

/// The score of a conditional stance whose unconditional votes lean one way, signed by
/// the lean.
pub(super) const CONDITIONAL_LEAN_SCORE: f32 = 0.2;

/// The factor a support or opposition score is weakened by when the statement also sets
/// a weak condition.
pub(super) const WEAK_CONDITION_FACTOR: f32 = 0.75;

/// The score of frames with a fixed effect that vote by themselves ("urged restraint").
pub(super) const VERDICT_ALONE_SCORE: f32 = 0.6;

/// The score of a yes or no that answers a question about a position ("Yes, I do.").
pub(super) const ANSWER_SCORE: f32 = 0.8;

// Reaches of the matches.

/// How far after a target (in words) the policy noun that definite anaphora refer back
/// to is looked for ("send troops to Kyiv as part of a joint force" … "the force").
pub(super) const POLICY_NOUN_REACH: usize = 6;

/// How far after a target named without its goal (in tokens) the relator of another goal
/// is looked for ("… personnel to the Baltic states"), which makes it no target.
pub(super) const OTHER_GOAL_REACH: usize = 3;

/// How far before a target a verb of calling, and after it the evaluation, is looked
/// for ("called [the decision to] open fire [on the drone fully] justified").
pub(super) const SMALL_CLAUSE_REACH: usize = 4;

// Reaches of the votes.

/// How many more words a frame reaches over when its object is the second of two
/// coordinated predicates ("must [stop hiding behind its lawyers] and [use …]").
pub(super) const CONJUNCT_REACH: usize = 6;

/// How far before a frame (in tokens) a negator negates it ("did not call for", "would
/// not be a mistake").
pub(super) const FRAME_NEGATOR_REACH: usize = 2;

/// How far before the outermost frame (in tokens) a negative determiner or pronoun that
/// opens its subject negates it ("No pilot will …", "Not a single pilot will …").
pub(super) const SUBJECT_NEGATOR_REACH: usize = 6;

/// How far after a target (in tokens) a universal quantifier marks its object ("shoot
/// down every drone"), which a negator leaves for some.
pub(super) const UNIVERSAL_REACH: usize = 2;

// Reaches of the subjects and of the rules beside the votes.

/// How far back (in words) the subject of a coordinated predicate is looked for ("It
/// rejected any loosening of the national rules and warned …").
pub(super) const COORD_SUBJECT_REACH: usize = 16;

/// How long (in tokens, from comma to comma) a parenthetical between a frame and its
/// subject may be to be stepped over ("His bill, tabled in October, would …").
pub(super) const PARENTHETICAL_REACH: usize = 8;

/// How many words back from its head a frame's subject is read at most.
pub(super) const SUBJECT_REGION_WORDS: usize = 10;

/// How far before a subject (in tokens, the "that" before it included) a verb of saying
/// or a claim noun makes its clause a reported one ("said on Monday that Belgium would
/// …").
pub(super) const REPORTED_THAT_REACH: usize = 5;

/// How many words the subject of a negated elliptical clause may have ("Armed drones will
/// be shot down; stray ones will not").
pub(super) const ELLIPTIC_SUBJECT_WORDS: usize = 8;

/// How many words (objects not counted) may stand between an alignment cue and the
/// statement's words after it.
pub(super) const ALIGNMENT_REACH: usize = 8;
