//! Quote regions: spans between matching quotation marks within a paragraph.

use crate::{Document, Span};

/// The quoted regions of a document, marks included, sorted and disjoint.
///
/// Curly marks pair by direction (“…”, „…”, „…“, «…»); straight `"` marks alternate.
/// A quote left open at the end of a paragraph closes there (the news convention for
/// quotes that run over several paragraphs re-opens them in the next one). Single
/// quotes are not direct speech here: they are scare quotes or nested quotes, and an
/// apostrophe is indistinguishable from a closing single quote.
pub fn quote_regions(doc: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    let mut s = 0;
    while s < doc.sentences.len() {
        let para = doc.sentences[s].paragraph;
        let mut e = s;
        while e + 1 < doc.sentences.len() && doc.sentences[e + 1].paragraph == para {
            e += 1;
        }
        let span = doc.sentences[s].span.cover(doc.sentences[e].span);
        scan(doc.text(), span, &mut out);
        s = e + 1;
    }
    out
}

fn scan(text: &str, para: Span, out: &mut Vec<Span>) {
    let mut open: Option<(usize, char)> = None;
    for (off, c) in text[para.start..para.end].char_indices() {
        let at = para.start + off;
        match (c, open) {
            ('“' | '„' | '«', None) => open = Some((at, c)),
            ('"', None) => open = Some((at, c)),
            ('”' | '»' | '"', Some((o, _))) | ('“', Some((o, '„'))) => {
                out.push(Span::new(o, at + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
    }
    if let Some((o, _)) = open {
        out.push(Span::new(o, para.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Sentence, SentenceKind};

    fn doc(text: &str) -> Document {
        let mut d = Document::new("t", text);
        let mut start = 0;
        for (p, line) in text.split('\n').enumerate() {
            if !line.is_empty() {
                d.sentences.push(Sentence {
                    span: Span::new(start, start + line.len()),
                    tokens: 0..0,
                    paragraph: p,
                    kind: SentenceKind::Body,
                });
            }
            start += line.len() + 1;
        }
        d
    }

    #[test]
    fn pairs_curly_and_straight_marks() {
        let d = doc("“We are ready,” she said. He said \"no way\" twice.\n„At war” and „again“.");
        let q: Vec<&str> = quote_regions(&d).iter().map(|s| &d.text()[*s]).collect();
        assert_eq!(q, ["“We are ready,”", "\"no way\"", "„At war”", "„again“"]);
    }

    #[test]
    fn open_quote_closes_at_paragraph_end() {
        let d = doc("“It runs on\nNext para.");
        let q: Vec<&str> = quote_regions(&d).iter().map(|s| &d.text()[*s]).collect();
        assert_eq!(q, ["“It runs on"]);
    }
}
