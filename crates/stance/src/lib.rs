//! placeholder

pub mod cues;
pub use cues::{CueDetector, commitment};
