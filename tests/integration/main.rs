//! Integration tests of stancemap: one test binary (as in ripgrep and regex) with a
//! module per concern.
//!
//! - `corpus`: the score floors on the bundled corpus (the regression suite), the
//!   matrix checked against the gold, determinism, Parquet round trip.
//! - `data`: no example sentence of a data file is copied from the corpus.
//! - `dev`: floors per part and topic on the development set (`corpus/dev`) and per
//!   family on its construction bank.
//! - `snapshots`: each article's analysis rendered readably, reviewed as diffs (insta).
//! - `generalise`: unseen styles (op-ed against, live blog, transcript, press review,
//!   an off-topic piece).
//! - `api`: the embedding API.
//! - `examples`: every notebook in `examples/` runs.
//! - `report`: the HTML report and its rendering in a headless browser.
//! - `cli`: the binary end to end, bad inputs included.
//! - `network`: `stancemap network` edges traced back to the analysed statements.
//! - `robustness`: property tests over arbitrary text and bytes.

mod api;
mod cli;
mod corpus;
mod data;
mod dev;
mod examples;
mod generalise;
mod network;
mod report;
mod robustness;
mod snapshots;
mod util;
