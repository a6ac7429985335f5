use super::*;
use stancemap_core::TurnKind;

#[test]
fn data_examples() {
    let data = TurnData::embedded();
    for ex in &data.examples {
        let l = parse_label(&data, &ex.label).unwrap_or_else(|| panic!("no label: {}", ex.label));
        assert_eq!(l.name, ex.name, "{}", ex.label);
        if ex.role.is_some() {
            assert_eq!(l.role, ex.role, "{}", ex.label);
        }
        let kind = match ex.kind.as_str() {
            "chair" => TurnKind::Chair,
            "interviewer" => TurnKind::Interviewer,
            "interjection" => TurnKind::Interjection,
            _ => TurnKind::Speaker,
        };
        assert_eq!(l.kind, kind, "{}", ex.label);
        assert_eq!(l.affiliation, ex.affiliation, "{}", ex.label);
    }
}
