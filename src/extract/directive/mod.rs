//! Tasks from directives, notices and plans written in prose (công văn,
//! thông báo, kế hoạch): the numbered items of the body are the tasks.
//!
//! Lines become paragraphs ([`paragraphs`]), paragraphs an outline of parts,
//! items and bullets ([`outline`]). Every item without items under it is a
//! task candidate; it becomes a task when it reads as an instruction
//! ([`is_instruction`]) outside a part about purposes or results. Its text
//! gives the deadline and sub-tasks ([`item`]) and the units ([`parties`]);
//! units missing from an item come from the heading or bullet it sits under.

pub mod attributes;
pub mod item;
pub mod outline;
pub mod paragraphs;
pub mod parties;

use super::deadline::{parse_deadline, ymd, ParsedDeadline};
use super::units::{ends_with_bare_head, split_subject_units, split_units, Gazetteer};
use crate::model::{DocumentMeta, DocumentRef, Heading, Task, UnitRef, Warning};
use crate::normalize::match_key;
use attributes::Field;
use item::{after_status_report, cited_documents, clean_text, heading_deadline, split_item};
use outline::Node;
use paragraphs::MarkerKind;
use parties::{
    before_first_action, clause_start, has_action, has_opener, is_subject, is_subject_within,
    lists_subjects, read_parties, starts_with_action, Parties, MAX_HEADING_UNIT_WORDS,
};
use regex::{Regex, RegexSet};
use std::sync::OnceLock;

/// What the task builder needs to know about the document.
#[derive(Debug, Clone, Copy)]
pub struct DocContext<'a> {
    /// Metadata of the document (its own number and date are the first
    /// assigning document of every task).
    pub meta: &'a DocumentMeta,
    /// The document number or file stem: the first part of task ids.
    pub doc_id: &'a str,
    /// Year for dates written without one.
    pub default_year: Option<i32>,
    /// Unit abbreviations.
    pub gazetteer: &'a Gazetteer,
}

/// What the prose reader made of a document: its tasks, and what became of
/// every numbered or bulleted item without items under it.
#[derive(Debug, Default)]
pub struct ProseTasks {
    /// The tasks, in document order.
    pub tasks: Vec<Task>,
    /// Numbered or bulleted items without items under them.
    pub items_seen: usize,
    /// Those read as tasks (one item may give several tasks).
    pub items_read: usize,
    /// One `item_not_task` warning for every other item seen.
    pub warnings: Vec<Warning>,
    /// Warnings on how items were read (`item_marker_corrected`); they
    /// stand for no item and are not counted with `warnings`.
    pub corrections: Vec<Warning>,
}

/// How much of an item's text a warning quotes, in characters.
const QUOTED_CHARS: usize = 80;

/// The tasks of a document written in prose (none when it has none), with
/// a warning for every item seen and not read as a task.
pub fn extract_tasks(lines: &[&crate::source_doc::TextLine], ctx: &DocContext<'_>) -> ProseTasks {
    let paras = paragraphs::paragraphs(lines, ctx.gazetteer);
    let nodes = outline::outline(&paras);
    let own = own_reference(ctx.meta);
    let reports = reports_by_default(ctx.meta) || paras.iter().any(|p| opens_legal_text(&p.text));
    let mut out = ProseTasks::default();
    for node in &nodes {
        if let (Some(printed), Some(marker)) = (&node.misread_marker, &node.head.marker) {
            out.corrections.push(Warning::new(
                "item_marker_corrected",
                format!(
                    "item \"{printed}\" stands where \"{}\" follows the item before it \
                     (OCR confuses such marks): read as \"{}\"",
                    marker.printed, marker.printed
                ),
                node.head.at,
            ));
        }
    }
    for (idx, node) in nodes.iter().enumerate() {
        let item = node.children.is_empty()
            && !matches!(
                node.kind(),
                None | Some(MarkerKind::Roman) | Some(MarkerKind::Paragraph)
            );
        out.items_seen += usize::from(item);
        match candidate(&nodes, idx, reports, ctx) {
            Some(found) => {
                out.items_read += usize::from(item);
                item_tasks(&nodes, idx, found, own.as_ref(), ctx, &mut out.tasks);
            }
            None if item => out.warnings.push(not_a_task(node)),
            None => {}
        }
    }
    out
}

/// The warning for an item seen and not read as a task.
fn not_a_task(node: &Node) -> Warning {
    let printed = node.head.marker.as_ref().map_or("", |m| m.printed.as_str());
    let printed = if printed.chars().any(char::is_alphanumeric) {
        format!("item {printed}")
    } else {
        format!("a \"{printed}\" bullet")
    };
    let text = clean_text(&node.full_text());
    let quoted: String = text.chars().take(QUOTED_CHARS).collect();
    let more = if text.chars().count() > QUOTED_CHARS {
        "…"
    } else {
        ""
    };
    Warning::new(
        "item_not_task",
        format!(
            "{printed} was not read as a task (no instruction, or a part of purposes, \
             results or findings): \"{quoted}{more}\""
        ),
        node.head.at,
    )
}

/// A leaf of the outline read as a task candidate.
struct Item {
    /// The Roman part it sits in.
    section: Option<Heading>,
    /// The numbered section it sits in (or heads).
    group: Option<Heading>,
    /// Its text, without a heading line, topic label or unit label.
    content: String,
    /// The unit a label before its text named ("Sở Xây dựng: Tiếp tục …",
    /// "Đối với Nhà đầu tư …: Khẩn trương …").
    label_unit: Option<String>,
    /// Whether its own line is a heading over its text.
    heading_self: bool,
    /// Its text split into tasks.
    split: item::Split,
}

/// The item at `idx` when it has nothing under it and reads as an
/// instruction outside a report part; `reports` says that parts report
/// unless their title says otherwise ([`reports_by_default`],
/// [`opens_legal_text`]).
fn candidate(nodes: &[Node], idx: usize, reports: bool, ctx: &DocContext<'_>) -> Option<Item> {
    let node = &nodes[idx];
    if !node.children.is_empty() || node.kind() == Some(MarkerKind::Roman) || node.head.figures {
        return None;
    }
    // "Hồ sơ đề nghị khen thưởng gồm: a) Tờ trình ...; c) Báo cáo thành
    // tích ...": the points are the parts of what the line above names.
    if node.parent.is_some_and(|p| lists_components(&nodes[p])) {
        return None;
    }
    if introduces_the_items_after(nodes, idx) {
        return None;
    }
    let chain = ancestors(nodes, idx);
    let section = chain
        .iter()
        .find(|&&a| nodes[a].kind() == Some(MarkerKind::Roman))
        .map(|&a| heading(&nodes[a]));
    let heading_self = node.is_heading();
    // The group is the nearest numbered topic: a numbered heading that
    // only names the responsible unit ("1.2. Công an tỉnh" under "1. Triển
    // khai các giải pháp ...") gives the lead, not the group, unless no
    // topic heads it.
    let numbered: Vec<usize> = chain
        .iter()
        .copied()
        .filter(|&a| a != idx || heading_self)
        .filter(|&a| matches!(nodes[a].kind(), Some(MarkerKind::Number(_))))
        .collect();
    let mut group = numbered
        .iter()
        .find(|&&a| heading_parties(&nodes[a], ctx.gazetteer).is_none())
        .or(numbered.first())
        .map(|&a| heading(&nodes[a]));
    let mut content = if heading_self {
        node.body.join(" ")
    } else {
        node.full_text()
    };
    // "- Bước 1: Phòng Đào tạo cung cấp …": a step of a procedure; its
    // number is the bullet's place.
    if let Some(rest) = paragraphs::after_step_label(&content) {
        content = rest.to_string();
    }
    // "b) UBND xã Bảo Lâm 2: Rà soát ...": the label names who does it.
    let label_unit = match (heading_self, unit_label(&content, ctx.gazetteer)) {
        (false, Some((unit, rest))) => {
            content = rest;
            Some(unit)
        }
        _ => None,
    };
    // Sections: the numbered nodes beside this one head items of their own.
    let among_sections = node.parent.is_some_and(|p| {
        nodes[p].children.iter().any(|&c| {
            matches!(nodes[c].kind(), Some(MarkerKind::Number(_))) && !nodes[c].children.is_empty()
        })
    });
    if let (Some(MarkerKind::Number(_)), None, Some(unit), true) =
        (node.kind(), &group, &label_unit, among_sections)
    {
        // "7. Các sở, ban, ngành, địa phương: Căn cứ …" among sections and
        // under no topic: the unit label is the section, as a unit heading
        // over items would be.
        group = Some(Heading {
            number: heading(node).number,
            title: clean_text(unit),
        });
    }
    if let (Some(MarkerKind::Number(_)), false, None) = (node.kind(), heading_self, &label_unit) {
        // "3. Về cơ sở dữ liệu: Giao ..." – a topic label heads the item;
        // so does a title on a line of its own ("3.4. Thời gian gửi hồ sơ
        // khen thưởng:") over the paragraph that says the work.
        if let Some((topic, rest)) =
            topic_label(&content).or_else(|| titled_paragraph(node, ctx.gazetteer))
        {
            group = Some(Heading {
                number: heading(node).number,
                title: topic,
            });
            content = rest;
        }
    }
    // "Các cơ quan chỉ đạo, giám sát việc thực hiện Chương trình: Trân
    // trọng đề nghị Ban Tuyên giáo … phối hợp …": a label naming a kind of
    // role, and the request after it that names the bodies.
    if label_unit.is_none() {
        if let Some(rest) = request_after_label(&content) {
            content = rest;
        }
    }
    // "Các cấp uỷ … có trách nhiệm thực hiện Hướng dẫn này. Cơ quan Ủy ban
    // Kiểm tra Trung ương … cụ thể hoá …": the formula asks nothing of its
    // own, the sentences after it do.
    if let Some(rest) = after_executing_formula(&content) {
        content = rest;
    }
    // "Do nguồn vốn năm 2006 hạn hẹp, … Đề nghị Bộ Tài chính tìm nguồn
    // vốn …": the report of how things stand is the reason, the request
    // the work.
    if let Some(start) = after_status_report(&content) {
        content = content[start..].to_string();
    }
    // "Có 06/139 đề xuất ... chưa được giải quyết. Giải pháp khắc phục:
    // Giao Trung tâm ...": the finding is reported, the solution assigned.
    let solved = match solution_after_label(&content) {
        Some(rest) => {
            content = rest;
            true
        }
        None => false,
    };
    // "2. Cơ quan trình (kết quả đề nghị): Sở Tư pháp." fills in a form;
    // "- Bộ trưởng Bộ Tư pháp Nguyễn Hải Ninh;" names a member; "UBND các
    // xã, phường: Tại Phụ lục II đính kèm." points to an appendix; "Chánh
    // Văn phòng …, Giám đốc các Sở … chịu trách nhiệm thi hành Quyết định
    // này" is the closing formula of a decision; "Phải xác định … là nhiệm
    // vụ …" states a stance.
    if names_a_body_only(&content, ctx.gazetteer)
        || names_a_person_only(&content)
        || points_to_an_appendix(&content)
        || executes_this_document(&content)
        || states_no_work(&content)
        || states_a_stance(&content)
    {
        return None;
    }
    let part = match part_kind(nodes, &chain, idx, heading_self, ctx.gazetteer) {
        PartKind::Plain if reports => PartKind::Report,
        PartKind::Report if charges_a_body_at_a_meeting(nodes, &chain, &content, ctx) => {
            PartKind::Plain
        }
        kind => kind,
    };
    if !solved && part == PartKind::Report {
        return None;
    }
    let split = split_item(&content, ctx.default_year);
    // Labelled lines ("Đơn vị chủ trì: ...") weigh like a deadline.
    let has_deadline =
        split.pieces.iter().any(|p| p.deadline.is_some()) || !node.attributes.is_empty();
    // Without an outline, a paragraph must carry more than one signal.
    let needed = if node.kind() == Some(MarkerKind::Paragraph) {
        UNMARKED_SCORE
    } else {
        ITEM_SCORE
    };
    // In a part of tasks ("Nhiệm vụ, giải pháp", "Kiến nghị") or after a
    // solution label, figures and "chưa" describe the goal, not a report.
    // (Running text under a part is not: "Các sở ... căn cứ Kế hoạch này tổ
    // chức thực hiện./." closes the plan.)
    let assigned = solved || (part == PartKind::Tasks && needed == ITEM_SCORE);
    let text = clean_text(&content);
    let mut score = instruction_score(&text, has_deadline, ctx.gazetteer);
    if has_deadline && !has_action(&text) && !has_opener(&text) {
        // A period stated with no work in it ("1. Thời gian thi đua:
        // Phong trào thi đua trong năm 2026 và tính đến hết ngày
        // 31/12/2026", "Thời gian thực hiện Kế hoạch: Từ khi ban hành đến
        // hết năm 2030"): its dates alone do not make it a task.
        score -= DEADLINE_SCORE;
    }
    if node.parent.is_some_and(|p| introduces_points(&nodes[p]))
        && !is_subject(&text, ctx.gazetteer)
    {
        // "Tham mưu Ủy ban nhân dân tỉnh: + Phương án phân bổ vốn ...":
        // the point is what the instruction above it asks for.
        score += ITEM_SCORE;
    }
    if assigned {
        // Only what was done ("đã") still reads as a report; one signal
        // of an instruction is enough.
        // An item opening with the work it asks for is an instruction: an
        // "đã" inside it qualifies a noun ("những vùng đã xoá bỏ", "kết
        // quả đã đạt được").
        let done = if starts_with_action(&text) {
            0
        } else {
            done_penalty(&text)
        };
        score += report_penalty(&text) - done + ASSIGNED_BONUS;
    }
    (score >= needed).then_some(Item {
        section,
        group,
        content,
        label_unit,
        heading_self,
        split,
    })
}

/// What an item's labelled lines state.
#[derive(Default)]
struct Stated {
    lead: Option<Vec<UnitRef>>,
    coordinating: Option<Vec<UnitRef>>,
    deadline: Option<ParsedDeadline>,
    result: Option<String>,
}

/// Read the labelled lines under an item.
fn stated_by_attributes(node: &Node, ctx: &DocContext<'_>) -> Stated {
    let mut stated = Stated::default();
    for attr in &node.attributes {
        match attr.field {
            Field::Lead => stated.lead = Some(split_units(&attr.value, ctx.gazetteer)),
            Field::Coordinating => {
                stated.coordinating = Some(split_units(&attr.value, ctx.gazetteer))
            }
            Field::Deadline => stated.deadline = parse_deadline(&attr.value, ctx.default_year),
            Field::Result => stated.result = Some(attr.value.clone()),
        }
    }
    stated
}

/// The tasks of one candidate item (one, or one per sub-task).
fn item_tasks(
    nodes: &[Node],
    idx: usize,
    item: Item,
    own: Option<&DocumentRef>,
    ctx: &DocContext<'_>,
    tasks: &mut Vec<Task>,
) {
    let node = &nodes[idx];
    let chain = ancestors(nodes, idx);
    let inherited = inherited_parties(nodes, &chain, idx, item.heading_self, ctx.gazetteer);
    let mut parties = read_parties(&clean_text(&item.content), ctx.gazetteer);
    if let (true, Some(unit)) = (parties.lead.is_empty(), &item.label_unit) {
        parties.lead = split_subject_units(unit, ctx.gazetteer);
    }
    let (lead, coordinating) = combine(&parties, &inherited);
    let labelled = stated_by_attributes(node, ctx);
    let lead = labelled.lead.unwrap_or(lead);
    let coordinating = labelled.coordinating.unwrap_or(coordinating);
    let mut assigning: Vec<DocumentRef> = own.into_iter().cloned().collect();
    for r in cited_documents(&item.content) {
        if r.number.is_some() && !assigning.iter().any(|a| a.number == r.number) {
            assigning.push(r);
        }
    }
    let number = path(nodes, idx);
    let intro = &item.split.intro;
    let prefix = intro
        .get(parties.clause_len.min(intro.len())..)
        .unwrap_or("")
        .trim()
        .to_string();
    let single = item.split.pieces.len() == 1;
    for mut piece in item.split.pieces {
        if single && labelled.deadline.is_some() {
            piece.deadline = labelled.deadline.clone();
        }
        let (number, name) = match &piece.label {
            Some(label) if !prefix.is_empty() => (
                format!("{number}.{label}"),
                format!("{prefix}: {}", piece.name),
            ),
            Some(label) => (format!("{number}.{label}"), piece.name.clone()),
            None => (number.clone(), piece.name.clone()),
        };
        // A sub-task naming its own subject ("Giao Sở B ...") has its own units.
        let own_parties = piece
            .label
            .as_ref()
            .map(|_| read_parties(&piece.name, ctx.gazetteer))
            .filter(|p| !p.lead.is_empty());
        let (lead, coordinating) = match own_parties {
            Some(p) => (p.lead, p.coordinating),
            None => (lead.clone(), coordinating.clone()),
        };
        let mut warnings = Vec::new();
        if let Some(note) = piece.deadline.as_ref().and_then(|d| d.note.clone()) {
            warnings.push(Warning::new("deadline_unclear", note, node.head.at));
        }
        let mut task = Task::new(
            ctx.doc_id,
            item.section.clone(),
            item.group.clone(),
            &number,
            name,
            node.head.at,
        );
        task.assigning_documents = assigning.clone();
        task.lead_units = lead;
        task.coordinating_units = coordinating;
        task.result = labelled.result.clone();
        // Without a time of its own, the task keeps the limit its heading sets.
        task.deadline = piece.deadline.map(|d| d.deadline).or_else(|| {
            [&item.group, &item.section]
                .into_iter()
                .flatten()
                .find_map(|h| heading_deadline(&h.title, ctx.default_year))
                .map(|p| p.deadline)
        });
        task.warnings = warnings;
        tasks.push(task);
    }
}

/// A unit label opening an item ("Sở Xây dựng: Tiếp tục ...", "Đối với Nhà
/// đầu tư Dự án …: Khẩn trương ...") and the text after it: the label
/// names a body and holds no action, and an action follows it.
fn unit_label(text: &str, gazetteer: &Gazetteer) -> Option<(String, String)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^(?:Đối với\s+)?([^:.;]{3,240}):\s*(\S.*)$")
            .expect("static unit label pattern is valid")
    });
    let colon = re.captures(text).and_then(|c| {
        let (unit, rest) = (clean_text(&c[1]), c[2].to_string());
        // A list of bodies, each a subject of its own ("Ủy ban Mặt trận Tổ
        // quốc Việt Nam tỉnh, Liên đoàn Lao động tỉnh, ..., Tỉnh đoàn"), may be
        // longer than one subject.
        let units = is_subject(&unit, gazetteer)
            || (unit.contains(',') && unit.split(',').all(|part| is_subject(part, gazetteer)));
        // What follows is the work: an action, the basis it starts from
        // ("Căn cứ chức năng, nhiệm vụ được giao ..."), or the body's role
        // before its duties ("Là cơ quan chủ Chương trình; có trách nhiệm …").
        let lower = rest.to_lowercase();
        let work = starts_with_action(&rest)
            || lower.starts_with("căn cứ ")
            || lower.starts_with("theo chức năng")
            || ["là cơ quan ", "là đơn vị "]
                .iter()
                .any(|role| lower.starts_with(role) && has_action(&rest));
        if !work {
            return None;
        }
        if units && !has_action(&unit) {
            return Some((unit, rest));
        }
        // Bodies with what singles them out ("Các Bộ, cơ quan Trung ương
        // chủ trì Dự án, Tiểu dự án thành phần: Theo chức năng, …"), before
        // the basis the work starts from: the bodies are the unit. Before
        // an action the label is an instruction of its own ("Sở Y tế tham
        // mưu triển khai … tại Dự án 6: Tăng cường …"), and a lead with its
        // partners ("Sở X chủ trì, phối hợp với Y: …") names them too.
        let basis = lower.starts_with("căn cứ ") || lower.starts_with("theo chức năng");
        let bodies = before_first_action(&unit);
        (basis
            && bodies.len() < unit.len()
            && !unit.contains("phối hợp")
            && is_subject(bodies, gazetteer))
        .then(|| (bodies.to_string(), rest))
    });
    colon.or_else(|| bold_unit_label(text, gazetteer))
}

/// The request after a label ("Các cơ quan chỉ đạo, giám sát …: Trân
/// trọng đề nghị Ban Tuyên giáo …"): the text from the request on, where
/// the label holds no sentence of its own.
fn request_after_label(text: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^[^:.;]{3,160}:\s*((?i:trân trọng\s+)?(?i:đề nghị|giao|yêu cầu)\s+\p{Lu}.*)$")
            .expect("static request label pattern is valid")
    });
    re.captures(text).map(|c| c[1].to_string())
}

/// Longest label of a form's field, in words ([`names_a_body_only`]).
const FIELD_LABEL_WORDS: usize = 16;

/// Whether an item is a field of a form filled in with a body's name
/// ("Các sở, ban, ngành, đơn vị, địa phương trình (kết quả đề nghị): Sở
/// Tư pháp."): after its label comes only a body, with no action, and the
/// label opens with neither an instruction ("Giao", "Đề nghị") nor the
/// work ("Rà soát hồ sơ: Sở Xây dựng." assigns the work to the body).
/// The item says who did something, and asks nothing.
fn names_a_body_only(text: &str, gazetteer: &Gazetteer) -> bool {
    let Some((label, value)) = text.rsplit_once(": ") else {
        return false;
    };
    let value = value.trim().trim_end_matches(['.', ';']);
    let words = label.split_whitespace().count();
    (1..=FIELD_LABEL_WORDS).contains(&words)
        && !label.contains(". ")
        && !has_opener(label)
        && !starts_with_action(label)
        && is_subject(value, gazetteer)
        && !has_action(value)
}

/// Whether an item's text (after its unit label) only points elsewhere:
/// "Tại Phụ lục I đính kèm.", "Chi tiết theo Biểu số 02 kèm theo." The
/// appendix holds what there is; the item asks nothing itself.
fn points_to_an_appendix(text: &str) -> bool {
    static POINTER: OnceLock<Regex> = OnceLock::new();
    let re = POINTER.get_or_init(|| {
        Regex::new(r"(?i)^\(?(?:chi tiết\s+)?(?:tại|theo|như)\s+(?:phụ lục|biểu|danh sách)\b[^.;:]{0,60}\)?[.;]?$")
            .expect("static appendix pointer pattern is valid")
    });
    let text = clean_text(text);
    // After a unit label: "UBND các xã, phường: Tại Phụ lục II đính kèm."
    let tail = text.rsplit_once(": ").map_or(text.as_str(), |(_, t)| t);
    re.is_match(tail.trim())
}

/// Whether a paragraph of running text introduces the numbered items after
/// it ("…, UBND tỉnh yêu cầu các sở … trong đó tập trung triển khai các
/// nhiệm vụ cụ thể như sau:" over "1. …"): the items are the tasks.
fn introduces_the_items_after(nodes: &[Node], idx: usize) -> bool {
    let node = &nodes[idx];
    if node.kind() != Some(MarkerKind::Paragraph) || !node.full_text().trim_end().ends_with(':') {
        return false;
    }
    let next = match node.parent {
        Some(p) => {
            let siblings = &nodes[p].children;
            siblings
                .iter()
                .position(|&c| c == idx)
                .and_then(|k| siblings.get(k + 1))
                .copied()
        }
        None => (idx + 1 < nodes.len()).then_some(idx + 1),
    };
    next.is_some_and(|n| {
        !matches!(
            nodes[n].kind(),
            None | Some(MarkerKind::Paragraph) | Some(MarkerKind::Roman)
        )
    })
}

/// Whether an item states how a matter is to be seen ("Phải xác định
/// nhiệm vụ nâng cao, cải thiện các chỉ số … là nhiệm vụ thường xuyên, cấp
/// bách, là trách nhiệm của cả hệ thống chính trị"): a priority, not work.
fn states_a_stance(text: &str) -> bool {
    static STANCE: OnceLock<Regex> = OnceLock::new();
    let re = STANCE.get_or_init(|| {
        Regex::new(r"(?i)^(?:(?:phải|cần)\s+)?(?:xác định|coi)\s[^.;]*?\slà\s")
            .expect("static stance pattern is valid")
    });
    let text = clean_text(text);
    // "Xác định trách nhiệm …" determines who answers for something: work.
    re.is_match(text.trim()) && !text.to_lowercase().contains("xác định trách nhiệm")
}

/// Whether an item is a decision's closing formula: the bodies that
/// "chịu trách nhiệm thi hành Quyết định này" carry out the whole text,
/// and its tasks are the items that say what.
fn executes_this_document(text: &str) -> bool {
    executing_formula().is_match(clean_text(text).trim())
}

/// The formula by which the bodies named carry out the document itself
/// ("… chịu trách nhiệm thi hành Quyết định này", "… có trách nhiệm thực
/// hiện Hướng dẫn này"), closing a sentence.
fn executing_formula() -> &'static Regex {
    static FORMULA: OnceLock<Regex> = OnceLock::new();
    FORMULA.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)(?:chịu|có) trách nhiệm (?:tổ chức )?(?:thi hành|thực hiện) ",
            r"(?:quyết định|nghị quyết|thông tư|chỉ thị|nghị định|hướng dẫn|quy định|quy chế) này\W*$"
        ))
        .expect("static closing formula pattern is valid")
    })
}

/// The sentences after an opening sentence that is the executing formula
/// ([`executing_formula`]); `None` when the item does not open with it.
fn after_executing_formula(text: &str) -> Option<String> {
    let text = clean_text(text);
    let (first, rest) = text.split_once(". ")?;
    let rest = rest.trim();
    (executing_formula().is_match(&format!("{first}.")) && !rest.is_empty())
        .then(|| rest.to_string())
}

/// Whether an item states something other than work, by its wording alone:
/// - when the document takes effect ("Hướng dẫn này có hiệu lực từ ngày
///   ký, thay thế …"), a rule of the text;
/// - a standing duty of a role, in one sentence ("Người ký văn bản là
///   người chịu trách nhiệm về thể thức …"), as a charter states it;
/// - a particular of the meeting a document convenes ("1. Chủ trì: Đồng
///   chí …", "4. Thời gian: …", "3. Nội dung: Họp đánh giá …"): who chairs
///   it, when, where, who attends and what it is about.
fn states_no_work(text: &str) -> bool {
    static RULES: OnceLock<RegexSet> = OnceLock::new();
    RULES
        .get_or_init(|| {
            RegexSet::new([
                outline::EFFECT_CLAUSE,
                concat!(
                    r"(?i)^[^.;:]{1,80}?\slà (?:người|cơ quan|đơn vị)(?: [^.;:]{0,40}?)? ",
                    r"chịu trách nhiệm (?:về|trước)\s[^.;:]*\W*$"
                ),
                concat!(
                    r"(?i)^(?:chủ trì|thời gian|địa điểm|thành phần(?: mời| tham dự)?)\s*:",
                    r"|^nội dung\s*:\s*(?:họp|hội nghị|làm việc|buổi|nghe)\b"
                ),
            ])
            .expect("static no-work patterns are valid")
        })
        .is_match(clean_text(text).trim())
}

/// Family names that open a Vietnamese personal name ([`names_a_person_only`]).
const FAMILY_NAMES: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đào", "Đoàn", "Lương", "Châu", "Trương", "Đinh", "Mai", "Lâm",
    "Tô", "Hà", "Tạ", "Cao", "Kiều", "Lưu", "Thái", "Quách", "Triệu", "Chu", "Nông", "Hứa", "Tăng",
    "Lại", "Trịnh", "Phùng", "Vương", "Từ", "Diệp", "Giang", "Tống", "Mạc", "Thân",
];

/// Whether an item names a person and asks nothing of them: a member of
/// a board or an attendee ("Bộ trưởng Bộ Công an Đại tướng Lương Tam
/// Quang, Phó Trưởng Ban Thường trực Ban Chỉ đạo."): it ends with a
/// personal name (a family name and one to three capitalized words),
/// perhaps followed by the person's role, and has no instruction and no
/// responsibility in it ("Sở Nội vụ tổng hợp, báo cáo đồng chí Chủ tịch
/// Hồ Văn Mười" ends with a name and asks the work of the Sở), and does
/// not open with the work ("Rà soát hồ sơ của ông Nguyễn Văn An").
fn names_a_person_only(text: &str) -> bool {
    static ASKS: OnceLock<Regex> = OnceLock::new();
    let asks = ASKS.get_or_init(|| {
        Regex::new(
            r"(?i)\b(?:chủ trì|phối hợp|trách nhiệm|báo cáo|gửi|trình|giao|đề nghị|yêu cầu)\b",
        )
        .expect("static asking pattern is valid")
    });
    let text = clean_text(text);
    let text = text.trim().trim_end_matches(['.', ';', ',']);
    if asks.is_match(text) || has_opener(text) || starts_with_action(text) {
        return false;
    }
    let ends_with_name = |named: &str| {
        let words: Vec<&str> = named.split_whitespace().collect();
        (2..=4).any(|n| {
            words.len() > n
                && FAMILY_NAMES.contains(&words[words.len() - n])
                && words[words.len() - n + 1..].iter().all(|w| {
                    w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic)
                })
        })
    };
    // Or the role after the name: ", Trưởng Ban Chỉ đạo".
    ends_with_name(text)
        || text.rsplit_once(", ").is_some_and(|(named, role)| {
            role.starts_with(char::is_uppercase) && ends_with_name(named)
        })
}

/// The most words a unit label set apart without a colon may hold (a
/// list of bodies; also bounds the work on long paragraphs).
const MAX_LABEL_WORDS: usize = 40;

/// A unit label set apart without a colon (a bold run): "Sở Nông nghiệp
/// và Môi trường, Sở Dân tộc và Tôn giáo Chỉ đạo tăng cường ...": the
/// bodies, then the work opening with a capital in mid-sentence. A capital
/// action word inside a name ("Sở Xây dựng", "Ban Quản lý dự án",
/// "Bộ trưởng Bộ Xây dựng") leaves a bare head before it, so it opens no
/// work.
fn bold_unit_label(text: &str, gazetteer: &Gazetteer) -> Option<(String, String)> {
    text.match_indices(' ')
        .take(MAX_LABEL_WORDS)
        .find_map(|(space, _)| {
            let (unit, rest) = (text[..space].trim(), text[space + 1..].trim_start());
            let label = rest.starts_with(char::is_uppercase)
                && unit.split_whitespace().count() >= 2
                && starts_with_action(rest)
                && !ends_with_bare_head(unit)
                && !has_action(unit)
                && (is_subject(unit, gazetteer) || lists_subjects(unit, gazetteer));
            label.then(|| (clean_text(unit), rest.to_string()))
        })
}

/// A topic label opening an item ("Về cơ sở dữ liệu chuyên ngành: ...",
/// "Đối với hạng mục đường dẫn ...: Giao ...", "Thời gian thực hiện Kế
/// hoạch: Từ khi ban hành đến hết năm 2030") and the text after it.
fn topic_label(text: &str) -> Option<(String, String)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"^((?:Về|Đối với|Thời gian|Thời hạn)\s[^:.;]{3,120}):\s*(\S.*)$")
            .expect("static topic pattern is valid")
    });
    let c = re.captures(text)?;
    Some((clean_text(&c[1]), c[2].to_string()))
}

/// A numbered item whose own line is a title ending in ":" ("3.4. Thời
/// gian gửi hồ sơ khen thưởng:") and whose paragraphs below say the work:
/// the title and the text of those paragraphs. A line that asks for work
/// itself ("Giao Sở Nội vụ:", "Tham mưu …:") or names a unit is no title.
fn titled_paragraph(node: &Node, gazetteer: &Gazetteer) -> Option<(String, String)> {
    let head = clean_text(&node.head.text);
    let title = head.strip_suffix(':')?.trim_end();
    let titled = !node.body.is_empty()
        && !starts_with_action(title)
        && !has_opener(title)
        && heading_parties(node, gazetteer).is_none();
    titled.then(|| (title.to_string(), node.body.join(" ")))
}

/// Whether a line introduces the parts of something ("Hồ sơ … gồm:",
/// "Thành phần bao gồm:") rather than work.
fn lists_components(node: &Node) -> bool {
    let text = clean_text(&node.full_text()).to_lowercase();
    text.trim_end()
        .strip_suffix(':')
        .is_some_and(|t| t.trim_end().ends_with(" gồm"))
}

/// The node and its ancestors, nearest first.
fn ancestors(nodes: &[Node], idx: usize) -> Vec<usize> {
    let mut chain = vec![idx];
    let mut at = nodes[idx].parent;
    while let Some(p) = at {
        chain.push(p);
        at = nodes[p].parent;
    }
    chain
}

fn heading(node: &Node) -> Heading {
    Heading {
        number: node
            .head
            .marker
            .as_ref()
            .map(|m| m.printed.clone())
            .unwrap_or_default(),
        title: clean_text(&node.title()),
    }
}

/// The task number: the path of numbers and letters ("2.a"), bullets
/// counted among their siblings ("1.2").
fn path(nodes: &[Node], idx: usize) -> String {
    let mut parts: Vec<String> = Vec::new();
    for a in ancestors(nodes, idx) {
        let node = &nodes[a];
        let printed = || node.head.marker.as_ref().map(|m| m.printed.clone());
        match node.kind() {
            // "1.2" is printed whole: nothing above it adds to the path.
            Some(MarkerKind::Number(_)) => {
                parts.extend(printed());
                break;
            }
            Some(MarkerKind::Letter) => parts.extend(printed()),
            Some(MarkerKind::Dash | MarkerKind::Plus | MarkerKind::Paragraph) => {
                parts.push(node.ordinal.to_string())
            }
            Some(MarkerKind::Roman) | None => {}
        }
    }
    parts.reverse();
    parts.join(".")
}

/// Units named by the headings and introductions above an item (nearest
/// first): "X chủ trì, phối hợp với Y:" or a heading that is a unit.
fn inherited_parties(
    nodes: &[Node],
    chain: &[usize],
    idx: usize,
    heading_self: bool,
    gazetteer: &Gazetteer,
) -> Parties {
    let ancestors = || {
        chain.iter().filter(move |&&a| {
            (a != idx || heading_self) && nodes[a].kind() != Some(MarkerKind::Roman)
        })
    };
    let mut parties = ancestors()
        .find_map(|&a| heading_parties(&nodes[a], gazetteer))
        .or_else(|| {
            chain
                .iter()
                .find_map(|&a| addressee_of_intro(nodes, a, gazetteer))
        })
        .unwrap_or_default();
    if parties.coordinating.is_empty() {
        // "- Chủ trì, phối hợp chặt chẽ với Ban QLDA số 1, Nhà đầu tư và địa
        // phương …, trong đó:" gives the points under it their partners;
        // the lead is the unit heading's above it.
        if let Some(partners) = ancestors()
            .filter(|&&a| a != idx && nodes[a].head.text.trim_end().ends_with(':'))
            .map(|&a| read_parties(&clean_text(&nodes[a].title()), gazetteer).coordinating)
            .find(|c| !c.is_empty())
        {
            parties.coordinating = partners;
        }
    }
    parties
}

/// The body a part's introduction puts its proposals to ("…, Hội đồng thẩm
/// định báo cáo, đề xuất Chủ tịch UBND tỉnh:" over "1. Xem xét, ban hành
/// …"): it is to do what the items under it ask. The introduction is the
/// last paragraph of running text before the node among its siblings.
fn addressee_of_intro(nodes: &[Node], at: usize, gazetteer: &Gazetteer) -> Option<Parties> {
    static PROPOSES: OnceLock<Regex> = OnceLock::new();
    let re = PROPOSES.get_or_init(|| {
        Regex::new(r"\b(?:đề xuất|đề nghị|kiến nghị)(?:\s+với)?\s+([^,;:]+):$")
            .expect("static proposal intro pattern is valid")
    });
    let siblings = &nodes[nodes[at].parent?].children;
    let before = &siblings[..siblings.iter().position(|&c| c == at)?];
    let paragraph = before
        .iter()
        .rev()
        .find(|&&c| nodes[c].kind() == Some(MarkerKind::Paragraph))?;
    let intro = clean_text(&nodes[*paragraph].full_text());
    let c = re.captures(intro.trim_end())?;
    is_subject(&c[1], gazetteer).then(|| Parties {
        lead: split_subject_units(&c[1], gazetteer),
        ..Parties::default()
    })
}

/// The units a heading or introduction names: "X chủ trì, phối hợp với
/// Y:", or a heading that is only a unit ("1.2. Công an tỉnh", "Giao Văn
/// phòng UBND tỉnh:"). `None` for a heading about a topic.
fn heading_parties(node: &Node, gazetteer: &Gazetteer) -> Option<Parties> {
    let title = clean_text(&node.title());
    let parties = read_parties(&title, gazetteer);
    if !parties.lead.is_empty() {
        return Some(parties);
    }
    // "Giao Văn phòng UBND tỉnh:" names the unit without "Giao". A list
    // of units ("Thủ trưởng các sở, Trưởng Ban Quản lý ... và Chủ tịch
    // UBND các xã") is held to the length of a subject unit by unit.
    let named = &title[clause_start(&title)..];
    // "2. Chỉ đạo Sở Nội vụ:" over the work the Sở is to do.
    let named = named.strip_prefix("Chỉ đạo ").unwrap_or(named);
    let unit = is_subject_within(named, MAX_HEADING_UNIT_WORDS, gazetteer)
        || lists_subjects(named, gazetteer);
    (!named.to_lowercase().starts_with("về ") && unit).then(|| Parties {
        lead: split_subject_units(named, gazetteer),
        ..Parties::default()
    })
}

/// The item's own units where it names them, else those it inherits.
fn combine(stated: &Parties, inherited: &Parties) -> (Vec<UnitRef>, Vec<UnitRef>) {
    if stated.lead.is_empty() {
        let coordinating = if stated.coordinating.is_empty() {
            inherited.coordinating.clone()
        } else {
            stated.coordinating.clone()
        };
        (inherited.lead.clone(), coordinating)
    } else {
        // The item names a body of the heading more briefly ("Văn phòng Ủy
        // ban nhân dân tỉnh" under "Giao Văn phòng Ủy ban nhân dân tỉnh
        // (Trung tâm Phục vụ hành chính công tỉnh):"): the heading's name.
        let fuller = |unit: &UnitRef| {
            inherited
                .lead
                .iter()
                .find(|h| h.raw.starts_with(&format!("{} (", unit.raw)))
                .unwrap_or(unit)
                .clone()
        };
        (
            stated.lead.iter().map(fuller).collect(),
            stated.coordinating.clone(),
        )
    }
}

/// A part or heading about purposes, assessments or results rather than
/// tasks ("MỤC ĐÍCH, YÊU CẦU", "Đánh giá chung", "Kết quả đạt được").
fn is_report_title(title: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(concat!(
            // A topic may be introduced with "Về" ("1. Về mục tiêu của
            // Chương trình:").
            r"^(?:về\s+)?(?:đánh giá|tình hình|kết quả|mục đích|mục tiêu|yêu cầu|quan điểm|căn cứ|",
            r"bối cảnh|sự cần thiết|những (?:tồn tại|hạn chế|kết quả)|tồn tại|hạn chế|khó khăn|",
            r"(?:các |một số )?(?:vấn đề|nội dung) (?:tồn tại|hạn chế)|những vấn đề|dự báo|",
            r"thành phần|dự tại|tham dự|đại biểu|khách mời|địa điểm|phạm vi|đối tượng|",
            // A body's charter: what it is for, not work assigned to it.
            r"chức năng|nhiệm vụ,? (?:và )?quyền hạn|chế độ làm việc|",
            r"giải thích từ ngữ|hình thức|phương pháp|cách thức kiểm tra|",
            r"(?:nghị định|thông tư|quyết định|quy chế|quy định|điều lệ|luật|nghị quyết|kế hoạch) này (?:quy định|áp dụng|điều chỉnh))"
        ))
        .expect("static report title pattern is valid")
    });
    let title = title.trim().to_lowercase();
    re.is_match(&title) || lists_members(&title)
}

/// Whether a (lowercased) heading introduces the members of a body ("Các
/// thành viên Ban Chỉ đạo:", "Thành lập Ban Chỉ đạo ... gồm các thành viên
/// sau:"): the items under it name people, not work. A heading about the
/// members' duties ("Các thành viên Ban Chỉ đạo có trách nhiệm:") does not.
fn lists_members(title: &str) -> bool {
    static MEMBERS: OnceLock<Regex> = OnceLock::new();
    static DUTIES: OnceLock<Regex> = OnceLock::new();
    let members = MEMBERS.get_or_init(|| {
        Regex::new(r"^(?:các )?(?:thành viên|ủy viên|uỷ viên)\b|\bgồm (?:các |những )?(?:thành viên|ông|bà|đồng chí)\b")
            .expect("static members heading pattern is valid")
    });
    let duties = DUTIES.get_or_init(|| {
        Regex::new(r"\b(?:trách nhiệm|nhiệm vụ|thực hiện|phải)\b")
            .expect("static duties pattern is valid")
    });
    members.is_match(title) && !duties.is_match(title)
}

/// Whether an item under a meeting's attendance or venue ("II. Địa điểm:
/// ...", "Thành phần: ...") charges a body with something ("Ủy ban nhân
/// dân các tỉnh, thành phố chịu trách nhiệm kết nối đường truyền trực
/// tuyến ..."): the other items there name who attends, this one is work.
fn charges_a_body_at_a_meeting(
    nodes: &[Node],
    chain: &[usize],
    content: &str,
    ctx: &DocContext<'_>,
) -> bool {
    static CHARGE: OnceLock<Regex> = OnceLock::new();
    static MEETING: OnceLock<Regex> = OnceLock::new();
    let charge = CHARGE.get_or_init(|| {
        Regex::new(r"\b(?:chịu|có) trách nhiệm\b").expect("static charge pattern is valid")
    });
    let meeting = MEETING.get_or_init(|| {
        Regex::new(r"^(?:thành phần|dự tại|tham dự|đại biểu|khách mời|địa điểm)\b")
            .expect("static meeting part pattern is valid")
    });
    let text = clean_text(content);
    chain
        .iter()
        .any(|&a| meeting.is_match(&clean_text(&nodes[a].title()).trim().to_lowercase()))
        && charge.is_match(&text)
        && !read_parties(&text, ctx.gazetteer).lead.is_empty()
}

/// Whether an item is an instruction whose object is the list under it
/// ("Tham mưu Ủy ban nhân dân tỉnh xây dựng, trình Hội đồng nhân dân tỉnh
/// quyết định:"): its text opens with an action or an opener and ends with
/// ":" (a list of criteria after "... phải đáp ứng các tiêu chí sau:" is
/// not).
fn introduces_points(node: &Node) -> bool {
    let text = clean_text(&node.full_text());
    text.trim_end().ends_with(':')
        && node.kind() != Some(MarkerKind::Roman)
        && (starts_with_action(&text) || has_opener(&text))
}

/// What a deadline adds to an item's instruction score.
const DEADLINE_SCORE: i32 = 3;

/// Score from which a numbered or bulleted item is a task.
const ITEM_SCORE: i32 = 2;

/// Score from which a paragraph of a body without outline is a task.
const UNMARKED_SCORE: i32 = 3;

/// How much an item reads as an instruction to a body rather than a
/// report: instruction signals (a deadline, an opener such as "Giao" or
/// "Đề nghị", an action verb at the start or after the subject, words such
/// as "chủ trì", "khẩn trương") against report signals ("đã", figures,
/// "tuy nhiên", "còn chậm").
pub fn instruction_score(text: &str, has_deadline: bool, gazetteer: &Gazetteer) -> i32 {
    static URGE: OnceLock<Regex> = OnceLock::new();
    let urge = URGE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:chủ trì|phối hợp|khẩn trương|triển khai|tiếp tục|tập trung|tham mưu|chịu trách nhiệm|phải được)\b")
            .expect("static pattern is valid")
    });
    let mut score = 0;
    if has_deadline {
        score += DEADLINE_SCORE;
    }
    if has_opener(text) {
        score += 3;
    }
    if starts_with_action(text) || !read_parties(text, gazetteer).lead.is_empty() {
        score += 2;
    }
    if urge.is_match(text) {
        score += 1;
    }
    score - report_penalty(text)
}

/// What report signals ("đã", figures, "so với", "tuy nhiên", "chưa")
/// take off an item's instruction score. "đã" after "trường hợp" names the
/// cases a rule is for ("Những trường hợp đã mắc bệnh phải được cấp
/// thuốc"), and "đạt được" after "kết quả" the results a report is to
/// analyse ("tổng hợp, phân tích các kết quả đạt được"): not what was done.
fn report_penalty(text: &str) -> i32 {
    static REPORT: OnceLock<Regex> = OnceLock::new();
    let report = REPORT.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)(trường hợp )?\bđã\b|%|\bso với\b|(kết quả (?:đã )?)?\bđạt\b|\btuy nhiên\b",
            r"|\bcòn chậm\b|\bchưa\b"
        ))
        .expect("static pattern is valid")
    });
    let signals = report
        .captures_iter(text)
        .filter(|c| c.get(1).is_none() && c.get(2).is_none())
        .count();
    2 * signals.min(2) as i32
}

/// "đã" (what was done) in an item: a report even in a part of tasks.
fn done_penalty(text: &str) -> i32 {
    static DONE: OnceLock<Regex> = OnceLock::new();
    penalty(
        DONE.get_or_init(|| Regex::new(r"(?i)\bđã\b").expect("static pattern is valid")),
        text,
    )
}

/// Two points for each of the first two report signals found.
fn penalty(signals: &Regex, text: &str) -> i32 {
    2 * signals.find_iter(text).count().min(2) as i32
}

/// What a part of tasks or a solution label adds to an item's score.
const ASSIGNED_BONUS: i32 = 1;

/// What the headings above an item say its part holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PartKind {
    /// Findings, purposes, scope, participants: no tasks.
    Report,
    /// Tasks, solutions, proposals, the way forward.
    Tasks,
    /// Nothing said either way.
    Plain,
}

/// The kind of part an item sits in. A part that only reports ("KẾT QUẢ
/// THỰC HIỆN") holds no tasks whatever its sub-headings say ("Nhóm giải
/// pháp ..."); below a part of tasks, or one that mixes ("DỰ BÁO TÌNH HÌNH
/// VÀ MỘT SỐ NHIỆM VỤ, GIẢI PHÁP"), the nearest heading that says decides
/// (its own title when it heads its text).
fn part_kind(
    nodes: &[Node],
    chain: &[usize],
    idx: usize,
    heading_self: bool,
    gazetteer: &Gazetteer,
) -> PartKind {
    let titles: Vec<String> = chain
        .iter()
        .filter(|&&a| a != idx || heading_self)
        .map(|&a| clean_text(&nodes[a].title()))
        .collect();
    if titles.iter().any(|t| introduces_instructions(t, gazetteer)) {
        return PartKind::Tasks;
    }
    // "Các giải pháp chống hạn:", the paragraph before the first of the
    // bullets under "IV. Tình hình hạn hán …", heads them.
    if lead_in(nodes, idx).is_some_and(is_proposal_title) {
        return PartKind::Tasks;
    }
    // "c. Kiến nghị:" under "II. Tình hình triển khai …": the nearest
    // heading that says what the part holds is the report's proposals.
    let nearest = titles
        .iter()
        .find(|t| is_report_title(t) || is_proposal_title(t));
    if nearest.is_some_and(|t| is_proposal_title(t)) {
        return PartKind::Tasks;
    }
    let amends = chain.iter().any(|&a| {
        let article = nodes[a]
            .head
            .marker
            .as_ref()
            .is_some_and(|m| m.printed.starts_with("Đ."));
        article && amends_a_text(&nodes[a].title())
    });
    if amends {
        return PartKind::Report;
    }
    if titles
        .iter()
        .any(|t| is_report_title(t) && !is_task_title(t))
    {
        return PartKind::Report;
    }
    for title in &titles {
        if is_report_title(title) {
            return PartKind::Report;
        }
        if is_task_title(title) {
            return PartKind::Tasks;
        }
    }
    // "1. Ngân hàng Nhà nước chi nhánh tỉnh, thành phố …:" over "a) Phối
    // hợp …", "b) Cử đại diện …": a heading naming a body only lists that
    // body's work, also in a text that states rules or reports by default.
    let names_a_body = chain.iter().any(|&a| {
        (a != idx || heading_self)
            && nodes[a].head.text.trim_end().ends_with(':')
            && heading_parties(&nodes[a], gazetteer).is_some()
    });
    if names_a_body {
        return PartKind::Tasks;
    }
    PartKind::Plain
}

/// The sentence that leads in a run of bullets: the last sentence before
/// the first of them under the same parent, ending in ":".
fn lead_in(nodes: &[Node], idx: usize) -> Option<&str> {
    let bullet = |n: &Node| matches!(n.kind(), Some(MarkerKind::Dash | MarkerKind::Plus));
    if !bullet(&nodes[idx]) {
        return None;
    }
    let siblings: Vec<usize> = match nodes[idx].parent {
        Some(p) => nodes[p].children.clone(),
        None => (0..nodes.len())
            .filter(|&i| nodes[i].parent.is_none())
            .collect(),
    };
    let at = siblings.iter().position(|&s| s == idx)?;
    let before = siblings[..at].iter().rev().find(|&&s| !bullet(&nodes[s]))?;
    let node = &nodes[*before];
    let text = node.body.last().unwrap_or(&node.head.text).trim_end();
    // A lead-in printed on a line of its own may be joined to the
    // paragraph above it: its last sentence.
    let last = text.rfind(". ").map_or(text, |at| &text[at + 2..]);
    last.ends_with(':').then_some(last)
}

/// Whether a heading opens with proposals or the measures to take
/// ("Kiến nghị", "Một số đề xuất, kiến nghị", "Các giải pháp chống
/// hạn"); "Kết quả giải quyết kiến nghị" and "Các giải pháp đã triển
/// khai" report.
fn is_proposal_title(title: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(
            r"(?i)^(?:(?:các|một số|những)\s+)?(?:kiến nghị|đề xuất|đề nghị|giải pháp|biện pháp)\b",
        )
        .expect("static proposal title pattern is valid")
    });
    let title = title.trim();
    re.is_match(title) && !title.to_lowercase().split_whitespace().any(|w| w == "đã")
}

/// Whether an article's title amends another text ("Điều 1. Sửa đổi, bổ
/// sung Mã cấp 1 ... quy định tại Quyết định số 20/2020/QĐ-TTg ..."): its
/// clauses are the new wording of rules, not work. Compared on match keys
/// without their tone digits, so that OCR's "Sửa đối, bố sung" still reads.
fn amends_a_text(title: &str) -> bool {
    static AMENDS: OnceLock<Regex> = OnceLock::new();
    let re = AMENDS.get_or_init(|| {
        Regex::new(r"^(?:sưa\d? đôi\d?|bô\d? sung|bai\d? bo\d?|thay thê\d?|đinh\d? chinh\d?)\b")
            .expect("static amendment pattern is valid")
    });
    re.is_match(&match_key(title))
}

/// Whether a heading ends by a body giving the instructions under it:
/// "Điều 2. Căn cứ kết quả đánh giá ..., Chủ tịch UBND tỉnh chỉ đạo:" is
/// a part of tasks though it opens with its basis ("Căn cứ"). The body
/// must be named: "Mục đích, yêu cầu" asks nothing.
fn introduces_instructions(title: &str, gazetteer: &Gazetteer) -> bool {
    static ASKS: OnceLock<Regex> = OnceLock::new();
    let re = ASKS.get_or_init(|| {
        Regex::new(r"(?:^|[,;]\s*)([^,;]+?)\s+(?:chỉ đạo|yêu cầu|đề nghị|giao)$")
            .expect("static instruction heading pattern is valid")
    });
    re.captures(title.trim())
        .is_some_and(|c| is_subject(&c[1], gazetteer))
}

/// Whether the document's parts report unless they say otherwise: a
/// report (báo cáo) puts its tasks in parts of their own after the
/// findings; a legal text (nghị định, thông tư, luật, điều lệ) states
/// rules, and a digest of comments (tổng hợp ý kiến góp ý) asks for
/// changes to a draft.
fn reports_by_default(meta: &DocumentMeta) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(concat!(
            // Also as an appendix's title ("Phụ lục TỔNG HỢP Ý KIẾN …").
            r"^(?:(?:PHỤ LỤC|Phụ lục)(?:\s+[IVXLC0-9]+)?\s+)?",
            r"(?:BÁO CÁO|NGHỊ ĐỊNH|THÔNG TƯ|LUẬT|ĐIỀU LỆ|TỔNG HỢP Ý KIẾN|",
            r"BẢNG TỔNG HỢP Ý KIẾN|TỔNG HỢP,? GIẢI TRÌNH|GIẢI TRÌNH,? TIẾP THU)\b"
        ))
        .expect("static report document pattern is valid")
    });
    let title = meta.title.as_deref().unwrap_or("").trim();
    let number = meta.number.as_deref().unwrap_or("");
    re.is_match(title) || ["/BC-", "/NĐ-", "/TT-"].iter().any(|c| number.contains(c))
}

/// Whether a paragraph opens a legal text's articles: "Điều 1. Phạm vi
/// điều chỉnh" (every normative text starts with its scope, whatever its
/// type: a decision or a regulation it issues states rules like a decree).
fn opens_legal_text(text: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)^\s*(?:Điều\s*1\s*[.:]?\s*)?Phạm vi điều chỉnh\b")
            .expect("static legal text pattern is valid")
    });
    re.is_match(text)
}

/// A part or heading of tasks: "PHƯƠNG HƯỚNG, NHIỆM VỤ ... NĂM 2026",
/// "Nhiệm vụ, giải pháp trong thời gian tới", "Đề xuất, kiến nghị", "Tổ
/// chức thực hiện", "... trân trọng đề nghị".
fn is_task_title(title: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(concat!(
            r"(?i)phương hướng|nhiệm vụ|giải pháp|kiến nghị|đề xuất|đề nghị|tổ chức thực hiện|",
            r"thời gian tới|^trách nhiệm"
        ))
        .expect("static task title pattern is valid")
    });
    // "Về tổng hợp, cập nhật tiến độ, kết quả thực hiện các nhiệm vụ ...
    // giao" reports on tasks; "Về mô hình, sáng kiến, giải pháp mới" on
    // what was introduced.
    static DONE: OnceLock<Regex> = OnceLock::new();
    let done = DONE.get_or_init(|| {
        Regex::new(r"(?i)kết quả thực hiện|tình hình thực hiện|\bđã\b|sáng kiến|giải pháp mới")
            .expect("static pattern is valid")
    });
    re.is_match(title) && !done.is_match(title)
}

/// The text after a solution label inside an item ("... chưa được giải
/// quyết. Giải pháp khắc phục: Giao ...", "Đề xuất giải pháp: ...",
/// "Kiến nghị: ...").
fn solution_after_label(text: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?:^|[.;:]\s+)(?:Đề xuất\s+)?(?:[Gg]iải pháp(?:\s+khắc phục)?|Kiến nghị|Đề xuất)\s*:\s*(\S.*)$")
            .expect("static solution label pattern is valid")
    });
    let c = re.captures(text)?;
    Some(c[1].to_string())
}

/// The document itself as the first assigning document of its tasks.
fn own_reference(meta: &DocumentMeta) -> Option<DocumentRef> {
    let number = meta.number.clone()?;
    let mut raw = match &meta.doc_type {
        Some(t) => format!("{t} số {number}"),
        None => format!("Số {number}"),
    };
    if let Some(date) = meta.date.as_deref().and_then(printed_date) {
        raw.push_str(&format!(", ngày {date}"));
    }
    Some(DocumentRef {
        raw,
        doc_type: meta.doc_type.clone(),
        number: Some(number),
        date: meta.date.clone(),
    })
}

/// `2026-04-28` as printed in references: `28/4/2026`.
fn printed_date(iso: &str) -> Option<String> {
    let mut parts = iso.split('-').map(|p| p.parse::<i32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    ymd(y, m, d).map(|_| format!("{d}/{m}/{y}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source_doc::TextLine;

    /// The prose tasks of a text, one line per paragraph, in a document
    /// with this title, id and year.
    fn prose(text: &str, title: Option<&str>, doc_id: &str, year: i32) -> ProseTasks {
        let lines: Vec<TextLine> = text.lines().map(TextLine::plain).collect();
        let refs: Vec<&TextLine> = lines.iter().collect();
        let meta = DocumentMeta {
            title: title.map(String::from),
            ..DocumentMeta::default()
        };
        let g = Gazetteer::builtin();
        let ctx = DocContext {
            meta: &meta,
            doc_id,
            default_year: Some(year),
            gazetteer: &g,
        };
        extract_tasks(&refs, &ctx)
    }

    #[test]
    fn an_item_naming_the_heading_body_briefly_keeps_its_full_name() {
        let g = Gazetteer::builtin();
        let parties = |lead: &[&str]| Parties {
            lead: lead.iter().map(|u| g.unit(u)).collect(),
            ..Parties::default()
        };
        let heading =
            parties(&["Văn phòng Ủy ban nhân dân tỉnh (Trung tâm Phục vụ hành chính công tỉnh)"]);
        let (lead, _) = combine(&parties(&["Văn phòng Ủy ban nhân dân tỉnh"]), &heading);
        assert_eq!(lead[0].raw, heading.lead[0].raw);
        // Another body of the item stays its own.
        let (lead, _) = combine(&parties(&["Sở Nội vụ"]), &heading);
        assert_eq!(lead[0].raw, "Sở Nội vụ");
    }

    #[test]
    fn a_form_field_naming_a_body_asks_nothing() {
        let g = Gazetteer::builtin();
        assert!(names_a_body_only(
            "Các sở, ban, ngành, đơn vị, địa phương trình (kết quả đề nghị): Sở Tư pháp.",
            &g
        ));
        assert!(!names_a_body_only(
            "Giao đơn vị chủ trì thực hiện: Sở Nội vụ.",
            &g
        ));
        assert!(!names_a_body_only(
            "Về công tác cải cách: Sở Nội vụ chủ trì tham mưu.",
            &g
        ));
        assert!(!names_a_body_only("Sở Nội vụ chủ trì thực hiện.", &g));
        assert!(!names_a_body_only(
            "Rà soát, hoàn thiện hồ sơ dự án: Sở Xây dựng.",
            &g
        ));
        assert!(!names_a_body_only(
            "Tỷ lệ giải ngân chỉ đạt 29,2% so với kế hoạch. Cơ quan chủ trì theo dõi: Sở Tài chính.",
            &g
        ));
    }

    #[test]
    fn unit_labels_may_list_bodies_and_open_with_the_basis() {
        let g = Gazetteer::builtin();
        let (unit, rest) = unit_label(
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh, Hội Cựu chiến binh tỉnh, Tỉnh đoàn: Chỉ đạo thực hiện các kế hoạch liên tịch.",
            &g,
        )
        .expect("a list of bodies is a label");
        assert!(unit.ends_with("Tỉnh đoàn"));
        assert!(rest.starts_with("Chỉ đạo"));
        let (unit, _) = unit_label(
            "Các sở, ban, ngành, địa phương: Căn cứ chức năng, nhiệm vụ được giao để lồng ghép hoạt động.",
            &g,
        )
        .expect("work may open with its basis");
        assert_eq!(unit, "Các sở, ban, ngành, địa phương");
        let (unit, rest) = unit_label(
            "Bộ Công an: Là cơ quan Chủ Chương trình; có trách nhiệm quản lý và giám sát tổng thể.",
            &g,
        )
        .expect("a role before the duties");
        assert_eq!(unit, "Bộ Công an");
        assert!(rest.starts_with("Là cơ quan"));
        assert!(unit_label("Bộ Công an: Là cơ quan thường trực.", &g).is_none());
        let (unit, rest) = unit_label(
            "Các Bộ, cơ quan Trung ương chủ trì Dự án, Tiểu dự án thành phần: Theo chức năng, nhiệm vụ được giao, tổ chức thực hiện.",
            &g,
        )
        .expect("bodies singled out by what they lead");
        assert_eq!(unit, "Các Bộ, cơ quan Trung ương");
        assert!(rest.starts_with("Theo chức năng"));
        assert!(unit_label(
            "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính: Xây dựng kế hoạch.",
            &g
        )
        .is_none());
        assert_eq!(
            request_after_label(
                "Các cơ quan chỉ đạo, giám sát việc thực hiện: Trân trọng đề nghị Ban Tuyên giáo phối hợp theo dõi."
            )
            .as_deref(),
            Some("Trân trọng đề nghị Ban Tuyên giáo phối hợp theo dõi.")
        );
        assert!(request_after_label("Kết quả: Đề nghị đã được chấp thuận.").is_none());
        // A topic in front of the colon is no unit.
        assert!(unit_label("Kết quả đạt được: Hoàn thành 80% chỉ tiêu.", &g).is_none());
        // Set apart by a capital instead of a colon (a bold run).
        let (unit, rest) = unit_label(
            "Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo Chỉ đạo tăng cường tập huấn.",
            &g,
        )
        .expect("bodies before a capital action");
        assert_eq!(unit, "Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo");
        assert!(rest.starts_with("Chỉ đạo"));
        assert!(unit_label("Bộ trưởng Bộ Xây dựng Trần Hồng Minh, Phó Trưởng ban.", &g).is_none());
        // "khi ban hành" is a time, not the work.
        assert!(!has_action("Từ khi ban hành đến hết năm 2030"));
    }

    #[test]
    fn instructions_and_reports() {
        let g = Gazetteer::builtin();
        let is_instruction =
            |t: &str, d: bool, g: &Gazetteer| instruction_score(t, d, g) >= ITEM_SCORE;
        assert!(is_instruction(
            "Tiếp tục quan tâm lãnh đạo, chỉ đạo sâu sát công tác chuyển đổi số.",
            false,
            &g
        ));
        assert!(is_instruction(
            "Quân y đơn vị chuẩn bị cơ số thuốc. Những trường hợp đã mắc bệnh phải được cấp thuốc điều trị.",
            false,
            &g
        ));
        assert!(!is_instruction(
            "Các đơn vị đã chuẩn bị cơ số thuốc cho những trường hợp mắc bệnh.",
            false,
            &g
        ));
        assert!(is_instruction(
            "Báo cáo kết quả công tác năm 2026 đúng thời hạn, trong đó cần tổng hợp, phân tích các kết quả đạt được.",
            false,
            &g
        ));
        assert!(!is_instruction(
            "Tổ chức tập huấn cho 1.200 lượt cán bộ, đạt 120% kế hoạch.",
            false,
            &g
        ));
        assert!(is_instruction(
            "Phát hiện, xử lý các hành vi vi phạm trong lĩnh vực kiểm soát các hoạt động hợp pháp.",
            false,
            &g
        ));
        assert!(!is_instruction(
            "Công tác xử lý vi phạm đã đạt 90% kế hoạch năm.",
            false,
            &g
        ));
        assert!(is_instruction(
            "Giao Sở Nội vụ rà soát, bố trí công chức chuyên trách",
            false,
            &g
        ));
        assert!(!is_instruction(
            "Trong quý I, các sở đã tập trung triển khai; tỷ lệ hồ sơ trực tuyến đạt 68%, tăng 12% so với cùng kỳ.",
            false,
            &g
        ));
        assert!(!is_instruction(
            "Hệ thống đã được kết nối; tuy nhiên việc số hóa còn chậm.",
            false,
            &g
        ));
    }

    #[test]
    fn a_report_assigns_in_its_proposals_and_after_solution_labels() {
        let text = "BÁO CÁO\nTình hình thực hiện các chỉ số\nI. KẾT QUẢ THỰC HIỆN\n1. Công tác chỉ đạo\n\
            a) Tỉnh đã ban hành 12 kế hoạch, đạt 100% chỉ tiêu.\n\
            b) Có 06/139 đề xuất của doanh nghiệp chưa được giải quyết. Giải pháp khắc phục: Giao Trung tâm Xúc tiến đầu tư khẩn trương liên hệ các doanh nghiệp, hoàn thành trong tháng 12/2025.\n\
            II. ĐỀ XUẤT, KIẾN NGHỊ\n\
            1. Giao Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ:\n\
            - Rà soát các văn bản quy phạm pháp luật, đạt 100% trước ngày 15/12/2025.\n\
            - Tổng hợp kết quả kiểm tra chưa hoàn thành.\n\
            2. Giao Văn phòng UBND tỉnh:\n\
            - Theo dõi tỷ lệ hồ sơ trực tuyến.\n\
            Nơi nhận:\n- Lưu: VT.";
        let tasks = prose(
            text,
            Some("BÁO CÁO Tình hình thực hiện các chỉ số"),
            "bc",
            2025,
        )
        .tasks;
        let ids: Vec<&str> = tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["bc/I/1.b", "bc/II/1.1", "bc/II/1.2", "bc/II/2.1"]);
        let lead = |i: usize| {
            tasks[i]
                .lead_units
                .iter()
                .map(|u| u.name.clone())
                .collect::<Vec<_>>()
        };
        assert!(
            tasks[0].name.starts_with("Giao Trung tâm"),
            "the finding is not the task"
        );
        assert_eq!(lead(0), ["Trung tâm Xúc tiến đầu tư"]);
        assert_eq!(
            lead(1),
            ["Sở Tư pháp"],
            "the lead of the heading applies to its items"
        );
        assert_eq!(tasks[1].coordinating_units[0].name, "Sở Nội vụ");
        assert_eq!(
            lead(3),
            ["Văn phòng Ủy ban nhân dân tỉnh"],
            "no \"Giao\" in the unit"
        );
    }

    #[test]
    fn a_meeting_invitation_assigns_its_requests_and_charges_not_its_attendees() {
        let text = "CÔNG ĐIỆN\nmời dự Hội nghị\n\
            I. Thời gian: 08 giờ, ngày 09 tháng 10 năm 2025.\n\
            II. Địa điểm: Trụ sở Chính phủ và trực tuyến đến Ủy ban nhân dân các tỉnh.\n\
            1. Dự tại điểm cầu Ủy ban nhân dân các tỉnh:\n\
            - Chủ tịch Ủy ban nhân dân các tỉnh.\n\
            - Ủy ban nhân dân các tỉnh chịu trách nhiệm kết nối đường truyền trực tuyến đến cấp xã.\n\
            III. Văn phòng Chính phủ trân trọng đề nghị:\n\
            1. Bộ Y tế: Tổng hợp danh sách đại biểu gửi Văn phòng Chính phủ trước 14 giờ ngày 08 tháng 10 năm 2025.\n\
            2. Các Bộ, cơ quan, địa phương dự Hội nghị đúng thành phần được mời.\n\
            Nơi nhận:\n- Lưu: VT.";
        let found = prose(text, Some("CÔNG ĐIỆN mời dự Hội nghị"), "cd", 2025);
        let ids: Vec<&str> = found.tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["cd/II/1.2", "cd/III/1", "cd/III/2"]);
        assert_eq!(
            found.warnings.len(),
            1,
            "the attendee is an item, not a task"
        );
        assert_eq!(
            found.tasks[0].section.as_ref().map(|s| s.title.as_str()),
            Some("Địa điểm: Trụ sở Chính phủ và trực tuyến đến Ủy ban nhân dân các tỉnh"),
            "a heading written as a sentence loses its period"
        );
        assert_eq!(found.tasks[0].lead_units[0].raw, "Ủy ban nhân dân các tỉnh");
        let due = found.tasks[1]
            .deadline
            .as_ref()
            .and_then(|d| d.due.as_deref());
        assert_eq!(due, Some("2025-10-08"));
        assert_eq!(found.tasks[1].group, None, "a labelled item among items");
        assert_eq!(
            found.tasks[2].lead_units[0].raw,
            "Các Bộ, cơ quan, địa phương"
        );
    }

    #[test]
    fn points_take_the_partners_of_the_bullet_introducing_them() {
        let text = "THÔNG BÁO\nKết luận\nII. NHIỆM VỤ, GIẢI PHÁP\n\
            Để đẩy nhanh tiến độ, UBND tỉnh yêu cầu các sở, ban, ngành tập trung triển khai các nhiệm vụ cụ thể như sau:\n\
            4. Về giải phóng mặt bằng\n\
            a) Trung tâm Phát triển quỹ đất tỉnh:\n\
            - Chủ trì, phối hợp chặt chẽ với Sở Xây dựng và Nhà đầu tư thực hiện các đoạn tuyến, trong đó:\n\
            + Đoạn tuyến 1 hoàn thành bàn giao mặt bằng đến 30/5/2026.\n\
            Nơi nhận:\n- Lưu: VT.";
        let tasks = prose(text, Some("THÔNG BÁO Kết luận"), "tb", 2026).tasks;
        assert_eq!(
            tasks.len(),
            1,
            "{:?}",
            tasks.iter().map(|t| &t.id).collect::<Vec<_>>()
        );
        let point = tasks.last().expect("tasks");
        assert_eq!(point.lead_units[0].raw, "Trung tâm Phát triển quỹ đất tỉnh");
        let partners: Vec<&str> = point
            .coordinating_units
            .iter()
            .map(|u| u.raw.as_str())
            .collect();
        assert_eq!(partners, ["Sở Xây dựng", "Nhà đầu tư"]);
    }

    #[test]
    fn a_unit_label_among_sections_is_the_section() {
        let text = "KẾ HOẠCH\nPhòng, chống ma túy\nIII. NHIỆM VỤ\n\
            1. Công an tỉnh:\n\
            a) Chủ trì tổ chức thực hiện Chương trình.\n\
            2. Các sở, ban, ngành, địa phương: Căn cứ chức năng, nhiệm vụ được giao để lồng ghép việc triển khai.\n\
            Nơi nhận:\n- Lưu: VT.";
        let tasks = prose(text, Some("KẾ HOẠCH Phòng, chống ma túy"), "kh", 2026).tasks;
        let last = tasks.last().expect("tasks");
        assert_eq!(last.id, "kh/III/2");
        assert_eq!(
            last.group.as_ref().map(|g| g.title.as_str()),
            Some("Các sở, ban, ngành, địa phương")
        );
        assert_eq!(last.lead_units[0].raw, "Các sở, ban, ngành, địa phương");
    }

    #[test]
    fn a_report_proposes_to_the_body_its_introduction_names() {
        let text = "BÁO CÁO\nKết quả thẩm định\nV. ĐỀ XUẤT KIẾN NGHỊ ĐỐI VỚI UBND TỈNH\n\
            Căn cứ quy định tại Khoản 1, Điều 3 của Quyết định số 820/QĐ-UBND ngày 27/8/2025, \
            Hội đồng thẩm định báo cáo, đề xuất Chủ tịch UBND tỉnh:\n\
            1. Xem xét, ban hành Quyết định của Chủ tịch UBND tỉnh về công bố Chỉ số CCHC năm 2025.\n\
            2. Chỉ đạo Sở Nội vụ:\n\
            a) Hướng dẫn các cơ quan rà soát, khắc phục các tồn tại.\n\
            Nơi nhận:\n- Lưu: VT.";
        let tasks = prose(text, Some("BÁO CÁO Kết quả thẩm định"), "bc", 2026).tasks;
        let leads: Vec<(&str, Vec<&str>)> = tasks
            .iter()
            .map(|t| {
                (
                    t.id.as_str(),
                    t.lead_units.iter().map(|u| u.raw.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            leads,
            [
                ("bc/V/1", vec!["Chủ tịch UBND tỉnh"]),
                ("bc/V/2.a", vec!["Sở Nội vụ"])
            ]
        );
    }

    #[test]
    fn a_plan_of_titled_points_lists_and_periods() {
        let text = "KẾ HOẠCH\nPhát động phong trào thi đua\nI. THỜI GIAN VÀ TIẾN ĐỘ\n\
            1. Thời gian thi đua\n\
            Phong trào thi đua trong năm 2026 và tính đến hết ngày 31/12/2026.\n\
            2. Tiến độ thực hiện\n\
            a) Quý I/2027, các cơ quan, đơn vị, địa phương đánh giá kết quả thực hiện phong trào.\n\
            II. HỒ SƠ KHEN THƯỞNG\n\
            1. Hồ sơ đề nghị khen thưởng gồm:\n\
            a) Tờ trình đề nghị khen thưởng.\n\
            b) Báo cáo thành tích của tập thể có xác nhận của cơ quan chủ quản.\n\
            2. Thời gian gửi hồ sơ khen thưởng:\n\
            Các cơ quan, đơn vị, địa phương chủ động rà soát và lập hồ sơ gửi về Sở Nội vụ trước ngày 15/02/2027.\n\
            III. TỔ CHỨC THỰC HIỆN\n\
            1. Căn cứ Kế hoạch này, các sở, ban, ngành, các cơ quan Trung ương đóng trên địa bàn, UBND các xã, phường xây dựng kế hoạch của mình (Kế hoạch ban hành trước ngày 15/3/2026).\n\
            2. Sở Nội vụ theo dõi, hướng dẫn thực hiện (lồng ghép trong báo cáo định kỳ của tỉnh).\n\
            Nơi nhận:\n- Lưu: VT.";
        let prose = prose(text, None, "kh", 2026);
        let ids: Vec<&str> = prose.tasks.iter().map(|t| t.id.as_str()).collect();
        // A period with no work, and the parts of a dossier, are no tasks.
        assert_eq!(ids, ["kh/I/2.a", "kh/II/2", "kh/III/1", "kh/III/2"]);
        assert_eq!(prose.items_seen - prose.items_read, 3);
        let t = &prose.tasks;
        assert_eq!(
            t[0].deadline.as_ref().map(|d| d.raw.as_str()),
            Some("Quý I/2027")
        );
        assert_eq!(t[0].lead_units[0].name, "các cơ quan, đơn vị, địa phương");
        // A title on its own line is the group; the paragraph is the work.
        assert!(t[1].name.starts_with("Các cơ quan"));
        assert_eq!(
            t[1].group.as_ref().map(|g| g.title.as_str()),
            Some("Thời gian gửi hồ sơ khen thưởng")
        );
        assert_eq!(t[1].lead_units[0].name, "Các cơ quan, đơn vị, địa phương");
        // A subject listing bodies; a deadline in parentheses.
        let leads: Vec<&str> = t[2].lead_units.iter().map(|u| u.raw.as_str()).collect();
        assert_eq!(
            leads,
            [
                "các sở, ban, ngành",
                "các cơ quan Trung ương đóng trên địa bàn",
                "UBND các xã, phường"
            ]
        );
        assert_eq!(
            t[2].deadline.as_ref().map(|d| d.raw.as_str()),
            Some("trước ngày 15/3/2026")
        );
        // "định kỳ" qualifying a report in parentheses is no recurrence.
        assert!(t[3].deadline.is_none());
    }

    #[test]
    fn a_decision_stating_rules_in_articles_assigns_nothing_but_its_task_parts() {
        let body = "QUYẾT ĐỊNH\nVề mã định danh điện tử\nĐiều 1. Phạm vi điều chỉnh\n\
            Quyết định này quy định mã định danh.\nĐiều 7. Xây dựng lược đồ định danh\n\
            1. Cơ quan, tổ chức phát hành lược đồ định danh phải gửi lược đồ về Bộ Thông tin và Truyền thông trước ngày 15/12/2020.\n\
            2. Tổ chức thực hiện\n\
            a) Giao Bộ Thông tin và Truyền thông chủ trì hướng dẫn triển khai, hoàn thành trong năm 2020.\n\
            Nơi nhận:\n- Lưu: VT.";
        let meta = DocumentMeta {
            title: Some("QUYẾT ĐỊNH Về mã định danh điện tử".into()),
            ..DocumentMeta::default()
        };
        let count = |text: &str| prose(text, meta.title.as_deref(), "qd", 2020).tasks.len();
        assert_eq!(count(body), 1, "only the part titled as tasks");
        let plan = body.replace("Điều 1. Phạm vi điều chỉnh", "Điều 1. Mục tiêu");
        assert_eq!(count(&plan), 2, "without a scope article both are tasks");
    }

    #[test]
    fn a_heading_naming_a_body_lists_its_work_in_a_text_of_rules() {
        let body = "Thống đốc hướng dẫn như sau:\n1. Ngân hàng Nhà nước chi nhánh tỉnh:\n\
            a) Phối hợp với các ban, ngành tại địa phương, tham mưu cho Chủ tịch Uỷ ban nhân dân tỉnh.\n\
            b) Cử đại diện tham gia Ban trù bị thành lập Quỹ.\n\
            2. Tổ chức tín dụng:\n\
            a) Mức vốn góp của một tổ chức tín dụng không được vượt quá 11% vốn điều lệ của Quỹ.\n\
            d) Tham gia Hội đồng quản lý Quỹ để đại diện cho phần vốn góp.\n\
            Thông tư này có hiệu lực thi hành sau 15 ngày kể từ ngày đăng Công báo.";
        let tasks = prose(body, Some("THÔNG TƯ Hướng dẫn góp vốn"), "tt", 2006).tasks;
        let read: Vec<(&str, &str)> = tasks
            .iter()
            .map(|t| (t.number.as_str(), t.lead_units[0].raw.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                ("1.a", "Ngân hàng Nhà nước chi nhánh tỉnh"),
                ("1.b", "Ngân hàng Nhà nước chi nhánh tỉnh"),
                ("2.d", "Tổ chức tín dụng"),
            ],
            "a cap is a rule, not work"
        );
        assert!(
            tasks[2].name.ends_with("phần vốn góp"),
            "the effect clause ends it"
        );
    }

    #[test]
    fn steps_of_a_procedure_are_tasks_without_their_label() {
        let body = "4. Nội dung và quy trình thực hiện\n\
            — Bước 1: Phòng Đào tạo cung cấp danh sách sinh viên các khóa đang học.\n\
            — Bước 3: Trung tâm Quản lý chất lượng thông báo kế hoạch và hướng dẫn thực hiện.\n\
            — Bước 4: Danh sách sinh viên được lựa chọn ngẫu nhiên.";
        let tasks = prose(body, Some("KẾ HOẠCH Khảo sát"), "kh", 2026).tasks;
        let read: Vec<(&str, &str)> = tasks
            .iter()
            .map(|t| (t.name.as_str(), t.lead_units[0].raw.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                (
                    "Phòng Đào tạo cung cấp danh sách sinh viên các khóa đang học",
                    "Phòng Đào tạo"
                ),
                (
                    "Trung tâm Quản lý chất lượng thông báo kế hoạch và hướng dẫn thực hiện",
                    "Trung tâm Quản lý chất lượng"
                ),
            ],
            "a step stating a fact asks nothing"
        );
        assert_eq!(
            paragraphs::after_step_label("Bước 2 - Rà soát"),
            Some("Rà soát")
        );
        assert_eq!(
            paragraphs::after_step_label("Bước tiếp theo: rà soát"),
            None
        );
    }

    #[test]
    fn a_report_proposes_under_its_findings() {
        let body = "II. Tình hình triển khai giao kế hoạch năm 2006.\n\
            1. Về triển khai kế hoạch 2006 của Bộ Nông nghiệp:\n\
            a. Phân khai vốn đầu tư thực hiện theo ngành cơ bản khớp với kế hoạch giao.\n\
            c. Kiến nghị:\n\
            - Do nguồn vốn năm 2006 hạn hẹp, Bộ Nông nghiệp không còn nguồn vốn để hoàn trả nợ. \
            Đề nghị Bộ Kế hoạch và Đầu tư, Bộ Tài chính tìm nguồn vốn để Bộ hoàn trả.\n\
            IV. Tình hình hạn hán ở các tỉnh phía Bắc\n\
            Từ đầu tháng 11/2005 đến nay đã có 7 đợt khí lạnh, lượng mưa nhiều nơi thấp hơn trung bình nhiều năm.\n\
            Các giải pháp chống hạn:\n\
            - Có kế hoạch kiểm tra sau lũ, sửa chữa các trạm bơm.\n\
            - Hướng dẫn nông dân chuyển đổi cơ cấu cây trồng.\n\
            V. Tình hình dịch cúm gia cầm\n\
            - Hướng dẫn các tỉnh đã được triển khai tới cơ sở.";
        let tasks = prose(body, Some("BÁO CÁO TÌNH HÌNH THỰC HIỆN"), "bc", 2006).tasks;
        let read: Vec<(&str, &str)> = tasks
            .iter()
            .map(|t| (t.number.as_str(), t.name.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                (
                    "1.c.1",
                    "Đề nghị Bộ Kế hoạch và Đầu tư, Bộ Tài chính tìm nguồn vốn để Bộ hoàn trả"
                ),
                ("1", "Có kế hoạch kiểm tra sau lũ, sửa chữa các trạm bơm"),
                ("2", "Hướng dẫn nông dân chuyển đổi cơ cấu cây trồng"),
            ],
            "the findings (a., V) stay a report"
        );
        assert!(is_proposal_title("Một số đề xuất, kiến nghị"));
        assert!(!is_proposal_title("Các giải pháp đã triển khai"));
        assert!(!is_proposal_title("Kết quả giải quyết kiến nghị"));
    }

    #[test]
    fn a_stance_is_no_task() {
        assert!(states_a_stance(
            "Phải xác định nhiệm vụ nâng cao, cải thiện các chỉ số PAR Index, SIPAS của tỉnh là nhiệm vụ thường xuyên, cấp bách."
        ));
        assert!(!states_a_stance(
            "Xác định rõ những tồn tại, hạn chế và nguyên nhân; rà soát các tiêu chí."
        ));
        assert!(!states_a_stance(
            "Xác định trách nhiệm của tổ chức, cá nhân là người đứng đầu để xử lý."
        ));
    }

    #[test]
    fn the_closing_formula_of_a_decision_is_no_task() {
        assert!(executes_this_document(
            "Chủ tịch UBND các xã, phường, đặc khu và các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./."
        ));
        assert!(!executes_this_document(
            "Sở Nội vụ chịu trách nhiệm thi hành Quyết định này và báo cáo kết quả trước ngày 30/6/2026."
        ));
        assert!(!executes_this_document(
            "Sở Tư pháp chịu trách nhiệm hướng dẫn thi hành Quyết định này."
        ));
        // A formula opening the item leaves the sentences that ask for work.
        assert_eq!(
            after_executing_formula(
                "Các cấp uỷ, thủ trưởng cơ quan có trách nhiệm thực hiện Hướng dẫn này. \
                 Cơ quan Uỷ ban Kiểm tra Trung ương cụ thể hoá một số điểm."
            )
            .as_deref(),
            Some("Cơ quan Uỷ ban Kiểm tra Trung ương cụ thể hoá một số điểm.")
        );
        assert_eq!(
            after_executing_formula("Sở Nội vụ rà soát. Sở Tài chính bố trí kinh phí."),
            None
        );
        // A meeting's particulars are no work.
        assert!(states_no_work(
            "Chủ trì: Đồng chí Nguyễn Ngọc Phúc - Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh."
        ));
        assert!(states_no_work(
            "Nội dung: Họp đánh giá kết quả và giải pháp nâng cao các chỉ số PAR INDEX."
        ));
        assert!(!states_no_work(
            "Nội dung: Giao Sở Nội vụ chuẩn bị báo cáo."
        ));
        // Who answers for a matter is a standing duty.
        assert!(states_no_work(
            "Người ký văn bản là người chịu trách nhiệm về thể thức và kỹ thuật trình bày văn bản."
        ));
        assert!(!states_no_work(
            "Bộ Công an là cơ quan chủ trì; chịu trách nhiệm tổ chức thực hiện Chương trình."
        ));
        assert!(!states_no_work(
            "Sở Nội vụ là cơ quan chịu trách nhiệm về kết quả; báo cáo trước ngày 30/6/2026."
        ));
        // When the text takes effect is a rule, no work.
        assert!(states_no_work(
            "Hướng dẫn này có hiệu lực từ ngày ký, thay thế Hướng dẫn số 11-HD/VPTW."
        ));
        assert!(!states_no_work(
            "Sở Tư pháp theo dõi việc thi hành Quyết định này có hiệu lực."
        ));
    }

    #[test]
    fn a_pointer_to_an_appendix_asks_nothing() {
        assert!(points_to_an_appendix("Tại Phụ lục II đính kèm."));
        assert!(points_to_an_appendix("Chi tiết theo Biểu số 02 kèm theo"));
        assert!(points_to_an_appendix(
            "Các cơ quan chuyên môn thuộc UBND tỉnh: Tại Phụ lục I đính kèm."
        ));
        assert!(!points_to_an_appendix(
            "Triển khai các nhiệm vụ tại Phụ lục II đính kèm."
        ));
        assert!(!points_to_an_appendix(
            "Theo Phụ lục I, hoàn thành trước ngày 30/6/2026: rà soát hồ sơ."
        ));
    }

    #[test]
    fn members_named_by_title_and_name_are_not_tasks() {
        for member in [
            "Bộ trưởng Bộ Công an Đại tướng Lương Tam Quang, Phó Trưởng Ban Thường trực Ban Chỉ đạo.",
            "Phó Chủ nhiệm Văn phòng Quốc hội Nguyễn Mạnh Hùng;",
            "Cục trưởng Cục Cảnh sát Quản lý hành chính về Trật tự xã hội - Bộ Công an, Thiếu tướng Vũ Văn Tấn.",
        ] {
            assert!(names_a_person_only(member), "{member}");
        }
        for task in [
            "Sở Nội vụ tổng hợp, báo cáo đồng chí Chủ tịch Ủy ban nhân dân tỉnh Hồ Văn Mười.",
            "Giao đồng chí Nguyễn Văn Sơn theo dõi.",
            "Rà soát hồ sơ của ông Nguyễn Văn An, Phó Giám đốc Sở.",
            "Triển khai phần mềm Quản lý văn bản.",
        ] {
            assert!(!names_a_person_only(task), "{task}");
        }
    }

    #[test]
    fn report_titles() {
        assert!(is_report_title("MỤC ĐÍCH, YÊU CẦU"));
        assert!(amends_a_text(
            "Sửa đối, bố sung Mã cấp 1 của các cơ quan, tổ chức được quy định tại Quyết định số 20/2020/QĐ-TTg"
        ));
        assert!(amends_a_text(
            "Bãi bỏ Điều 5 của Quyết định số 12/2024/QĐ-UBND"
        ));
        assert!(!amends_a_text("Tổ chức thực hiện"));
        let g = Gazetteer::builtin();
        assert!(introduces_instructions(
            "Căn cứ kết quả đánh giá, xếp loại Chỉ số cải cách hành chính năm 2025 được công bố tại Quyết định này, Chủ tịch UBND tỉnh chỉ đạo",
            &g
        ));
        assert!(!introduces_instructions("MỤC ĐÍCH, YÊU CẦU", &g));
        assert!(!introduces_instructions("Mục đích, yêu cầu", &g));
        assert!(is_report_title("Các thành viên Ban Chỉ đạo"));
        assert!(is_report_title(
            "Thành lập Ban Chỉ đạo quốc gia về dữ liệu (sau đây gọi tắt là Ban Chỉ đạo) gồm các thành viên sau"
        ));
        assert!(!is_report_title(
            "Các thành viên Ban Chỉ đạo có trách nhiệm"
        ));
        assert!(is_report_title("Nhiệm vụ và quyền hạn của Ban Chỉ đạo"));
        assert!(!is_report_title("Nhiệm vụ của Tổ công tác"));
        assert!(is_report_title("Đánh giá chung"));
        assert!(is_report_title("Về mục tiêu của Chương trình"));
        assert!(!is_report_title("Về tổ chức thực hiện Chương trình"));
        assert!(!is_report_title("NHIỆM VỤ TRỌNG TÂM"));
        assert!(is_task_title(
            "ĐỀ XUẤT NHIỆM VỤ, GIẢI PHÁP CẢI THIỆN CÁC CHỈ SỐ"
        ));
        assert!(!is_task_title(
            "Về tổng hợp, cập nhật tiến độ, kết quả thực hiện các nhiệm vụ"
        ));
        // New models and initiatives are what was achieved.
        assert!(!is_task_title(
            "Về mô hình, sáng kiến, giải pháp mới trong CCHC"
        ));
        assert!(is_task_title("Giải pháp khắc phục"));
    }
}
