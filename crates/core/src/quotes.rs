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
    let bytes = text.as_bytes();
    let end = para.end.min(bytes.len());
    let mut at = para.start;
    while at < end {
        // Every mark is `"` or starts with the lead byte 0xC2 («») or 0xE2 (“”„):
        // skip the other bytes without decoding.
        let b = bytes[at];
        if b != b'"' && b != 0xC2 && b != 0xE2 {
            at += 1;
            continue;
        }
        let Some(c) = text.get(at..end).and_then(|r| r.chars().next()) else {
            at += 1;
            continue;
        };
        match (c, open) {
            ('“' | '„' | '«', None) => open = Some((at, c)),
            ('"', None) => open = Some((at, c)),
            ('”' | '»' | '"', Some((o, _))) | ('“', Some((o, '„'))) => {
                out.push(Span::new(o, at + c.len_utf8()));
                open = None;
            }
            _ => {}
        }
        at += c.len_utf8();
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
    fn skips_other_multibyte_text() {
        let d = doc("Zürich – «Ça va», dit-il; “€5” … \"ok\" ✓");
        let q: Vec<&str> = quote_regions(&d).iter().map(|s| &d.text()[*s]).collect();
        assert_eq!(q, ["«Ça va»", "“€5”", "\"ok\""]);
    }

    #[test]
    fn open_quote_closes_at_paragraph_end() {
        let d = doc("“It runs on\nNext para.");
        let q: Vec<&str> = quote_regions(&d).iter().map(|s| &d.text()[*s]).collect();
        assert_eq!(q, ["“It runs on"]);
    }
}
