//! stancemap facade
pub use stancemap_core as core;
