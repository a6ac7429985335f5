//! Integration tests of stancemap: one test binary (as in ripgrep and regex) with a
//! module per concern.
//!
//! - `corpus`: the score floors on the bundled corpus (the regression suite), the
//!   matrix checked against the gold, determinism, Parquet round trip.
//! - `snapshots`: each article's analysis rendered readably, reviewed as diffs (insta).
//! - `generalise`: unseen styles (op-ed against, live blog, transcript, press review,
//!   an off-topic piece).
//! - `api`: the embedding API.
//! - `cli`: the binary end to end, bad inputs included.
//! - `robustness`: property tests over arbitrary text and bytes.

mod api;
mod cli;
mod corpus;
mod generalise;
mod report;
mod robustness;
mod snapshots;
mod util;
