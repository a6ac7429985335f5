//! Printing helpers shared by the example notebooks: headings, explanations, tables and
//! clipped text. Each example uses a subset of them.
#![allow(dead_code)]

use stancemap::matrix::{DataFrame, Format, write_frame};

pub fn heading(n: usize, title: &str) {
    println!("\n== {n}. {title} ==\n");
}

pub fn explain(lines: &[&str]) {
    for line in lines {
        println!("{line}");
    }
    println!();
}

/// Prints a frame as an aligned table, every row and column.
pub fn show(mut df: DataFrame) -> anyhow::Result<()> {
    write_frame(&mut df, Format::Table, std::io::stdout().lock())?;
    Ok(())
}

/// One line of at most `max` characters.
pub fn clip(s: &str, max: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        return one_line;
    }
    let mut out: String = one_line.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `text` wrapped at `width` characters, continuation lines indented by `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if line > 0 && line + 1 + len > width {
            out.push('\n');
            out.push_str(indent);
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += len;
    }
    out
}
