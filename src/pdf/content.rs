//! The content-stream interpreter: text and path operators in, positioned
//! glyphs and ruling lines (in page coordinates) out.

use super::annots::{self, Annotation};
use super::font::{Decoded, Font, FontCache};
use super::lexer::{Lexer, Operand, Operation};
use super::objects::{dict_get, name_of, number_of, stream_data, Budget};
use lopdf::{Dictionary, Document, Object, Stream};
use std::rc::Rc;

/// Most operators interpreted on one page (Form XObjects included).
pub const MAX_OPS_PER_PAGE: usize = 3_000_000;
/// Most glyphs kept from one page.
pub const MAX_GLYPHS_PER_PAGE: usize = 1_000_000;
/// Deepest nesting of Form XObjects.
pub const MAX_FORM_DEPTH: usize = 8;
/// Font name given to the glyphs of form-field values drawn without a font.
pub const FIELD_VALUE_FONT: &str = "FieldValue";
/// Deepest `q` nesting kept (deeper saves are ignored).
const MAX_GSTATE_DEPTH: usize = 256;
/// Thickest filled rectangle still read as a ruling line, in points.
const MAX_RULE_THICKNESS: f64 = 3.0;
/// Tolerance for "horizontal" or "vertical", in points.
const AXIS_TOLERANCE: f64 = 0.8;

/// An affine matrix `[a b c d e f]` as in PDF.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix(pub [f64; 6]);

impl Matrix {
    /// The identity.
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self × other` (apply `self` first, then `other`).
    pub fn then(&self, other: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    /// Transform a point.
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn from_operands(ops: &[Operand<'_>]) -> Option<Matrix> {
        let mut m = [0.0; 6];
        if ops.len() < 6 {
            return None;
        }
        for (slot, o) in m.iter_mut().zip(&ops[ops.len() - 6..]) {
            *slot = o.number()?;
        }
        Some(Matrix(m))
    }

    fn from_object(obj: Option<&Object>) -> Option<Matrix> {
        let Some(Object::Array(items)) = obj else {
            return None;
        };
        let mut m = [0.0; 6];
        if items.len() != 6 {
            return None;
        }
        for (slot, o) in m.iter_mut().zip(items) {
            *slot = number_of(o)?;
        }
        Some(Matrix(m))
    }
}

/// One shown character (or ligature) at its place on the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Unicode text (after the legacy hook).
    pub text: Rc<str>,
    /// Left edge of the glyph origin, page coordinates (y up).
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// Advance width on the page.
    pub width: f64,
    /// Effective font size on the page.
    pub size: f64,
    /// Font base name.
    pub font: Rc<str>,
    /// Direction of the baseline in degrees counterclockwise (0: left to
    /// right, 90: bottom to top, …) for text that is not mirrored and runs
    /// along an axis; `None` for slanted or mirrored text (watermarks).
    pub rotation: Option<u16>,
}

impl Glyph {
    /// Whether the text runs left to right, upright.
    pub fn upright(&self) -> bool {
        self.rotation == Some(0)
    }
}

/// An axis-aligned line segment on the page (a table border candidate).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    /// Start x (the smaller).
    pub x0: f64,
    /// Start y (the smaller).
    pub y0: f64,
    /// End x.
    pub x1: f64,
    /// End y.
    pub y1: f64,
}

impl Segment {
    /// The segment between two points, stored with the smaller coordinates first.
    pub fn new(ax: f64, ay: f64, bx: f64, by: f64) -> Segment {
        Segment {
            x0: ax.min(bx),
            y0: ay.min(by),
            x1: ax.max(bx),
            y1: ay.max(by),
        }
    }

    /// Whether the segment is horizontal (else vertical).
    pub fn is_horizontal(&self) -> bool {
        self.y1 - self.y0 <= self.x1 - self.x0
    }
}

/// Everything drawn on one page that layout needs.
#[derive(Debug, Clone, Default)]
pub struct PageContent {
    /// Glyphs in content order.
    pub glyphs: Vec<Glyph>,
    /// Axis-aligned ruling segments.
    pub rulings: Vec<Segment>,
    /// Edges of filled rectangles too wide to be lines (cell shading):
    /// weak evidence of cell borders, never enough to make a table.
    pub fill_edges: Vec<Segment>,
    /// Number of images drawn.
    pub images: usize,
    /// Whether interpretation stopped early at a limit.
    pub truncated: bool,
    /// Fonts that drew text without any way to map it to Unicode.
    pub fonts_without_unicode: Vec<Rc<str>>,
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    h_scale: f64,
    leading: f64,
    rise: f64,
}

#[derive(Default)]
struct PathBuilder {
    subpaths: Vec<SubPath>,
}

#[derive(Default)]
struct SubPath {
    points: Vec<(f64, f64)>,
    closed: bool,
    curved: bool,
}

impl PathBuilder {
    fn current(&mut self) -> &mut SubPath {
        if self.subpaths.is_empty() {
            self.subpaths.push(SubPath::default());
        }
        let last = self.subpaths.len() - 1;
        &mut self.subpaths[last]
    }
}

/// Interprets the content streams of one page.
pub struct Interpreter<'a> {
    doc: &'a Document,
    fonts: &'a mut FontCache,
    budget: &'a mut Budget,
    out: PageContent,
    ops: usize,
    path: PathBuilder,
    scratch: Vec<Decoded>,
}

impl<'a> Interpreter<'a> {
    /// An interpreter for one page of `doc`, sharing the document's font
    /// cache and decompression budget.
    pub fn new(doc: &'a Document, fonts: &'a mut FontCache, budget: &'a mut Budget) -> Self {
        Interpreter {
            doc,
            fonts,
            budget,
            out: PageContent::default(),
            ops: 0,
            path: PathBuilder::default(),
            scratch: Vec::new(),
        }
    }

    /// Interpret a page's content with its resources and initial matrix,
    /// then draw its annotations over it as a viewer does.
    pub fn run_page(
        mut self,
        content: &[u8],
        resources: Option<&Dictionary>,
        annotations: &[Annotation<'_>],
        ctm: Matrix,
    ) -> PageContent {
        // About one glyph per 8 content bytes in typical text-heavy pages.
        self.out.glyphs.reserve(content.len() / 8);
        self.run(content, resources, ctm, 0);
        let page_glyphs = self.out.glyphs.len();
        // Only the words of annotations are read: their borders and images
        // (a signature's seal) are no table rulings and do not make the
        // page look like a scan.
        let (rulings, fill_edges, images) = (
            self.out.rulings.len(),
            self.out.fill_edges.len(),
            self.out.images,
        );
        let mut snap_budget = annots::MAX_SNAP_COMPARISONS;
        for annotation in annotations {
            let start = self.out.glyphs.len();
            match annotation {
                Annotation::Form { stream, matrix } => {
                    self.run_form(stream, resources, matrix.then(&ctm), 0);
                }
                Annotation::Value { text, rect, size } => self.write_value(text, *rect, *size, ctm),
            }
            let (page, drawn) = self.out.glyphs.split_at_mut(start);
            annots::snap_to_lines(&page[..page_glyphs], drawn, &mut snap_budget);
        }
        self.out.rulings.truncate(rulings);
        self.out.fill_edges.truncate(fill_edges);
        self.out.images = images;
        self.out
    }

    /// A form field's value written in its rectangle without a font
    /// program: characters of an average width, one glyph each.
    fn write_value(&mut self, text: &str, rect: [f64; 4], size: f64, ctm: Matrix) {
        let lines: Vec<&str> = text.lines().collect();
        let (left, baselines) = annots::value_baselines(rect, size, lines.len());
        let font: Rc<str> = Rc::from(FIELD_VALUE_FONT);
        let [a, b, c, d, _, _] = ctm.0;
        let rotation = text_rotation((a, b), (c, d));
        let scale = a.hypot(b);
        for (line, y) in lines.iter().zip(baselines) {
            for (i, ch) in line.chars().enumerate() {
                if self.out.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
                    self.out.truncated = true;
                    return;
                }
                let advance = size * annots::FIELD_CHAR_WIDTH;
                let (x, y) = ctm.apply(left + i as f64 * advance, y);
                self.out.glyphs.push(Glyph {
                    text: Rc::from(ch.to_string()),
                    x,
                    y,
                    width: advance * scale,
                    size: size * c.hypot(d),
                    font: Rc::clone(&font),
                    rotation,
                });
            }
        }
    }

    fn run(&mut self, content: &[u8], resources: Option<&Dictionary>, ctm: Matrix, depth: usize) {
        let mut gs = GState {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut lexer = Lexer::new(content);
        let mut op = Operation::default();
        while lexer.read(&mut op) {
            self.ops += 1;
            if self.ops > MAX_OPS_PER_PAGE || self.out.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
                self.out.truncated = true;
                return;
            }
            let n = |i: usize| op.operands.get(i).and_then(Operand::number);
            match op.op {
                b"q" => {
                    if stack.len() < MAX_GSTATE_DEPTH {
                        stack.push(gs.clone());
                    }
                }
                b"Q" => {
                    if let Some(saved) = stack.pop() {
                        gs = saved;
                    }
                }
                b"cm" => {
                    if let Some(m) = Matrix::from_operands(&op.operands) {
                        gs.ctm = m.then(&gs.ctm);
                    }
                }
                b"BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                b"Tf" => {
                    if let (Some(Operand::Name(name)), Some(size)) = (op.operands.first(), n(1)) {
                        gs.font = self.font(resources, name);
                        gs.size = size;
                    }
                }
                b"Tc" => gs.char_spacing = n(0).unwrap_or(gs.char_spacing),
                b"Tw" => gs.word_spacing = n(0).unwrap_or(gs.word_spacing),
                b"Tz" => gs.h_scale = n(0).map_or(gs.h_scale, |v| v / 100.0),
                b"TL" => gs.leading = n(0).unwrap_or(gs.leading),
                b"Ts" => gs.rise = n(0).unwrap_or(gs.rise),
                b"Td" | b"TD" => {
                    if let (Some(tx), Some(ty)) = (n(0), n(1)) {
                        if op.op == b"TD" {
                            gs.leading = -ty;
                        }
                        tlm = Matrix([1.0, 0.0, 0.0, 1.0, tx, ty]).then(&tlm);
                        tm = tlm;
                    }
                }
                b"Tm" => {
                    if let Some(m) = Matrix::from_operands(&op.operands) {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading]).then(&tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op.op == b"\"" {
                        gs.word_spacing = n(0).unwrap_or(gs.word_spacing);
                        gs.char_spacing = n(1).unwrap_or(gs.char_spacing);
                    }
                    if op.op != b"Tj" {
                        tlm = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading]).then(&tlm);
                        tm = tlm;
                    }
                    if let Some(Operand::Str(s)) = op.operands.last() {
                        self.show(&gs, &mut tm, s);
                    }
                }
                b"TJ" => {
                    if let Some(Operand::Array(items)) = op.operands.first() {
                        for item in items {
                            match item {
                                Operand::Str(s) => self.show(&gs, &mut tm, s),
                                Operand::Number(adj) => {
                                    let tx = -adj / 1000.0 * gs.size * gs.h_scale;
                                    tm = Matrix([1.0, 0.0, 0.0, 1.0, tx, 0.0]).then(&tm);
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"Do" => {
                    if let Some(Operand::Name(name)) = op.operands.first() {
                        self.draw_xobject(resources, name, &gs, depth);
                    }
                }
                b"BI" => self.out.images += 1,
                _ => self.path_op(&op, &gs),
            }
        }
        // Arrays nested past the lexer's depth limit were skipped.
        self.out.truncated |= lexer.too_deep();
    }

    fn path_op(&mut self, op: &Operation, gs: &GState) {
        let n = |i: usize| op.operands.get(i).and_then(Operand::number);
        match op.op {
            b"m" => {
                if let (Some(x), Some(y)) = (n(0), n(1)) {
                    self.path.subpaths.push(SubPath {
                        points: vec![gs.ctm.apply(x, y)],
                        ..SubPath::default()
                    });
                }
            }
            b"l" => {
                if let (Some(x), Some(y)) = (n(0), n(1)) {
                    let p = gs.ctm.apply(x, y);
                    self.path.current().points.push(p);
                }
            }
            b"c" | b"v" | b"y" => {
                let k = op.operands.len();
                if let (Some(x), Some(y)) =
                    (k.checked_sub(2).and_then(n), k.checked_sub(1).and_then(n))
                {
                    let p = gs.ctm.apply(x, y);
                    let sub = self.path.current();
                    sub.points.push(p);
                    sub.curved = true;
                }
            }
            b"h" => self.path.current().closed = true,
            b"re" => {
                if let (Some(x), Some(y), Some(w), Some(h)) = (n(0), n(1), n(2), n(3)) {
                    let points = [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
                        .iter()
                        .map(|&(px, py)| gs.ctm.apply(px, py))
                        .collect();
                    self.path.subpaths.push(SubPath {
                        points,
                        closed: true,
                        curved: false,
                    });
                }
            }
            b"S" | b"s" => self.paint(true, op.op == b"s"),
            b"f" | b"F" | b"f*" => self.paint(false, false),
            b"B" | b"B*" => self.paint(true, false),
            b"b" | b"b*" => self.paint(true, true),
            b"n" => self.path.subpaths.clear(),
            _ => {}
        }
    }

    fn paint(&mut self, stroke: bool, close: bool) {
        let subpaths = std::mem::take(&mut self.path.subpaths);
        for sub in subpaths
            .iter()
            .filter(|s| !s.curved && !s.points.is_empty())
        {
            if stroke {
                self.stroke_segments(sub, close);
            } else if let Some([x0, y0, x1, y1]) = axis_rectangle(&sub.points) {
                let (w, h) = (x1 - x0, y1 - y0);
                if h <= MAX_RULE_THICKNESS && w > h {
                    let y = (y0 + y1) / 2.0;
                    self.out.rulings.push(Segment::new(x0, y, x1, y));
                } else if w <= MAX_RULE_THICKNESS && h > w {
                    let x = (x0 + x1) / 2.0;
                    self.out.rulings.push(Segment::new(x, y0, x, y1));
                } else {
                    self.out.fill_edges.extend([
                        Segment::new(x0, y0, x1, y0),
                        Segment::new(x0, y1, x1, y1),
                        Segment::new(x0, y0, x0, y1),
                        Segment::new(x1, y0, x1, y1),
                    ]);
                }
            }
        }
    }

    fn stroke_segments(&mut self, sub: &SubPath, close: bool) {
        let pts = &sub.points;
        let mut pairs: Vec<((f64, f64), (f64, f64))> =
            pts.windows(2).map(|w| (w[0], w[1])).collect();
        if (sub.closed || close) && pts.len() > 2 {
            if let (Some(&first), Some(&last)) = (pts.first(), pts.last()) {
                pairs.push((last, first));
            }
        }
        for ((ax, ay), (bx, by)) in pairs {
            let horizontal = (ay - by).abs() <= AXIS_TOLERANCE;
            let vertical = (ax - bx).abs() <= AXIS_TOLERANCE;
            if horizontal && !vertical {
                let y = (ay + by) / 2.0;
                self.out.rulings.push(Segment::new(ax, y, bx, y));
            } else if vertical && !horizontal {
                let x = (ax + bx) / 2.0;
                self.out.rulings.push(Segment::new(x, ay, x, by));
            }
        }
    }

    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = dict_get(self.doc, resources?, b"Font")?.as_dict().ok()?;
        let entry = fonts.get(name).ok()?;
        self.fonts.get(self.doc, entry, self.budget)
    }

    fn show(&mut self, gs: &GState, tm: &mut Matrix, bytes: &[u8]) {
        let Some(font) = gs.font.clone() else {
            return;
        };
        self.scratch.clear();
        font.decode(bytes, &mut self.scratch);
        let mut decoded = std::mem::take(&mut self.scratch);
        let mut drew_unknown = false;
        // Text space → page: the glyph scaling is the same for the whole
        // string and glyphs only move along the text line, so one matrix
        // and an advancing x offset give every glyph's place.
        let m = tm.then(&gs.ctm);
        let [a, b, c, d, _, _] = m.0;
        let x_scale = a.hypot(b) * gs.size * gs.h_scale;
        let size = c.hypot(d) * gs.size.abs();
        let rotation = text_rotation(
            (a * gs.size * gs.h_scale, b * gs.size * gs.h_scale),
            (c * gs.size, d * gs.size),
        );
        let mut advance = 0.0;
        for g in decoded.drain(..) {
            if self.out.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
                self.out.truncated = true;
                break;
            }
            if let Some(text) = g.text.filter(|t| !t.is_empty()) {
                let (x, y) = m.apply(advance, gs.rise);
                self.out.glyphs.push(Glyph {
                    text,
                    x,
                    y,
                    width: g.width * x_scale,
                    size,
                    font: Rc::clone(&font.name),
                    rotation,
                });
            } else {
                drew_unknown = true;
            }
            let spacing = gs.char_spacing
                + if g.is_space_code {
                    gs.word_spacing
                } else {
                    0.0
                };
            advance += (g.width * gs.size + spacing) * gs.h_scale;
        }
        *tm = Matrix([1.0, 0.0, 0.0, 1.0, advance, 0.0]).then(tm);
        self.scratch = decoded;
        if drew_unknown && !font.has_unicode && !self.out.fonts_without_unicode.contains(&font.name)
        {
            self.out.fonts_without_unicode.push(Rc::clone(&font.name));
        }
    }

    fn draw_xobject(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
        gs: &GState,
        depth: usize,
    ) {
        let doc = self.doc;
        let Some(xobjects) = resources
            .and_then(|r| dict_get(doc, r, b"XObject"))
            .and_then(|o| o.as_dict().ok())
        else {
            return;
        };
        let Some(Object::Stream(stream)) = xobjects
            .get(name)
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .map(|(_, o)| o)
        else {
            return;
        };
        match dict_get(doc, &stream.dict, b"Subtype").and_then(name_of) {
            Some(b"Image") => self.out.images += 1,
            Some(b"Form") => self.run_form(stream, resources, gs.ctm, depth + 1),
            _ => {}
        }
    }

    /// Run a Form XObject at nesting `depth` under the matrix `outer`
    /// (its own `/Matrix` applies first); its resources default to
    /// `resources`, those of what draws it.
    fn run_form(
        &mut self,
        stream: &Stream,
        resources: Option<&Dictionary>,
        outer: Matrix,
        depth: usize,
    ) {
        let doc = self.doc;
        if depth > MAX_FORM_DEPTH {
            self.out.truncated = true;
            return;
        }
        let matrix =
            Matrix::from_object(dict_get(doc, &stream.dict, b"Matrix")).unwrap_or(Matrix::IDENTITY);
        let form_resources = dict_get(doc, &stream.dict, b"Resources")
            .and_then(|o| o.as_dict().ok())
            .or(resources);
        let Some(data) = stream_data(stream, self.budget) else {
            self.out.truncated = true;
            return;
        };
        self.run(&data, form_resources, matrix.then(&outer), depth);
    }
}

/// The direction of a baseline vector (with the glyphs' up vector), in
/// degrees, when it runs along an axis and the text is not mirrored.
fn text_rotation(base: (f64, f64), up: (f64, f64)) -> Option<u16> {
    let (bx, by) = base;
    if bx * up.1 - by * up.0 <= 0.0 {
        return None;
    }
    if by.abs() < 0.01 * bx.abs() {
        Some(if bx > 0.0 { 0 } else { 180 })
    } else if bx.abs() < 0.01 * by.abs() {
        Some(if by > 0.0 { 90 } else { 270 })
    } else {
        None
    }
}

/// The bounds `[x0, y0, x1, y1]` of a closed path that is an axis-aligned
/// rectangle (four corners, optionally repeating the first).
fn axis_rectangle(points: &[(f64, f64)]) -> Option<[f64; 4]> {
    let pts = match points {
        [first, rest @ ..] if rest.last() == Some(first) => &points[..points.len() - 1],
        _ => points,
    };
    if pts.len() != 4 {
        return None;
    }
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in pts {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    // Every corner must sit on the bounding box's corners.
    let on_corner = |&(x, y): &(f64, f64)| {
        ((x - x0).abs() < AXIS_TOLERANCE || (x - x1).abs() < AXIS_TOLERANCE)
            && ((y - y0).abs() < AXIS_TOLERANCE || (y - y1).abs() < AXIS_TOLERANCE)
    };
    pts.iter().all(on_corner).then_some([x0, y0, x1, y1])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_order() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix([1.0, 0.0, 0.0, 1.0, 10.0, 0.0]);
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 2.0));
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 2.0));
    }

    #[test]
    fn text_rotations() {
        assert_eq!(text_rotation((12.0, 0.0), (0.0, 12.0)), Some(0));
        assert_eq!(text_rotation((0.0, 12.0), (-12.0, 0.0)), Some(90));
        assert_eq!(text_rotation((-12.0, 0.0), (0.0, -12.0)), Some(180));
        assert_eq!(text_rotation((0.0, -12.0), (12.0, 0.0)), Some(270));
        assert_eq!(text_rotation((12.0, 0.0), (0.0, -12.0)), None, "mirrored");
        assert_eq!(text_rotation((8.0, 8.0), (-8.0, 8.0)), None, "diagonal");
    }

    #[test]
    fn annotations_add_their_words_only() {
        let mut fonts = FontCache::new(|_, t| t);
        let mut budget = Budget::new(1 << 20);
        let doc = Document::new();
        let border = Stream::new(
            lopdf::dictionary! { "BBox" => vec![0.into(), 0.into(), 100.into(), 20.into()] },
            b"0 0 m 100 0 l S".to_vec(),
        );
        let annotations = [
            Annotation::Form {
                stream: &border,
                matrix: Matrix::IDENTITY,
            },
            Annotation::Value {
                text: "228".into(),
                rect: [100.0, 700.0, 140.0, 720.0],
                size: 10.0,
            },
        ];
        let page = Interpreter::new(&doc, &mut fonts, &mut budget).run_page(
            b"0 0 200 0.5 re f",
            None,
            &annotations,
            Matrix::IDENTITY,
        );
        assert_eq!(page.rulings.len(), 1, "the page's rule, not the border");
        let text: String = page.glyphs.iter().map(|g| g.text.as_ref()).collect();
        assert_eq!(text, "228");
        assert_eq!((page.glyphs[0].x, page.glyphs[0].y), (102.0, 707.0));
    }

    #[test]
    fn filled_rectangles_become_rules_or_fill_edges() {
        let mut fonts = FontCache::new(|_, t| t);
        let mut budget = Budget::new(1 << 20);
        let doc = Document::new();
        let page = Interpreter::new(&doc, &mut fonts, &mut budget).run_page(
            b"0 0 100 0.5 re f 10 10 m 10 90 l 10.4 90 l 10.4 10 l h f 0 0 200 50 re f",
            None,
            &[],
            Matrix::IDENTITY,
        );
        assert_eq!(
            page.rulings,
            [
                Segment::new(0.0, 0.25, 100.0, 0.25),
                Segment::new(10.2, 10.0, 10.2, 90.0)
            ]
        );
        assert_eq!(page.fill_edges.len(), 4);
        assert_eq!(
            axis_rectangle(&[(0.0, 0.0), (5.0, 9.0), (0.0, 9.0), (5.0, 0.0)]),
            Some([0.0, 0.0, 5.0, 9.0])
        );
        assert_eq!(
            axis_rectangle(&[(0.0, 0.0), (5.0, 3.0), (0.0, 9.0), (5.0, 0.0)]),
            None
        );
    }
}
