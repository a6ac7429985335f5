//! Prints the lines the boilerplate stage marks in each file given, with the rule id:
//! `cargo run --release -p stancemap-ingest --example furniture -- FILE...`

use stancemap_ingest::Boilerplate;

fn main() {
    let bp = Boilerplate::default();
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("cannot read {path}");
            continue;
        };
        println!("== {path}");
        for r in bp.regions(&text) {
            println!("{:<40} {}", r.rule, &text[r.span.range()]);
        }
    }
}
