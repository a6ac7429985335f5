//! Reports for people: a self-contained HTML page and heatmap images of a stancemap
//! analysis (work in progress: the building blocks come first).
#![deny(missing_docs)]
#![allow(dead_code)]

mod escape;
mod markup;
