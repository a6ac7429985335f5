//! The stance matrix as a standalone heatmap image (SVG or PNG), drawn with plotters.
//!
//! Rows are actors (first row on top), columns topics. A cell's colour runs from red
//! (oppose, −1) through white to blue (support, +1) and is faded by the commitment of
//! its evidence; a conditional cell gets an amber ring, a hedged or weakly committed
//! one white hatching, an empty one a grey fill and a dash.

use std::path::Path;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use stancemap_core::Error;
use stancemap_core::output::DocumentReport;
use stancemap_matrix::DataFrame;

use crate::grid::{is_low, of_frame, of_reports, output_error, score_rgb, strength};
use stancemap_matrix::StanceGrid;

/// The image format of [`heatmap`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// Scalable vector graphics: text stays text, sizes stay sharp.
    #[default]
    Svg,
    /// A PNG bitmap (needs a system sans-serif font for the labels).
    Png,
}

impl ImageFormat {
    /// The format a file name asks for, by its extension (`.svg` or `.png`, any case).
    pub fn from_path(path: impl AsRef<Path>) -> Option<ImageFormat> {
        let ext = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(ImageFormat::Svg),
            "png" => Some(ImageFormat::Png),
            _ => None,
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Svg => "svg",
            ImageFormat::Png => "png",
        }
    }
}

/// What [`heatmap`] draws.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatmapOptions {
    /// Topics to show, in this column order; empty means every topic with a stance.
    pub topics: Vec<String>,
    /// Caption above the matrix.
    pub title: Option<String>,
    /// Mean commitment below which a cell is hatched as weakly committed (a hedged
    /// cell is hatched anyway).
    pub low_commitment: f64,
    /// Width and height of one cell in pixels.
    pub cell_size: (u32, u32),
}

impl Default for HeatmapOptions {
    fn default() -> Self {
        HeatmapOptions {
            topics: Vec::new(),
            title: None,
            low_commitment: crate::DEFAULT_LOW_COMMITMENT,
            cell_size: (120, 46),
        }
    }
}

/// Draws the stance matrix of `reports` (one row per actor) to `path`.
///
/// # Errors
/// The matrix cannot be built (see `stancemap_matrix::stance_matrix`), the file cannot
/// be written, or (PNG only) no font is available for the labels.
pub fn heatmap(
    reports: &[DocumentReport],
    opts: &HeatmapOptions,
    format: ImageFormat,
    path: impl AsRef<Path>,
) -> Result<(), Error> {
    let refs: Vec<&DocumentReport> = reports.iter().collect();
    let grid = of_reports(&refs, &opts.topics)?;
    write_grid(&grid, opts, format, path.as_ref())
}

/// Draws an already computed matrix frame (from `stancemap_matrix::stance_matrix`, any
/// grouping) to `path`. A bare frame does not say which evidence was hedged, so only
/// the score, label and count are drawn; `opts.topics` is ignored (select the topics
/// when building the frame).
///
/// # Errors
/// The frame does not have the layout of a matrix frame, or as [`heatmap`].
pub fn heatmap_from_matrix(
    matrix: &DataFrame,
    opts: &HeatmapOptions,
    format: ImageFormat,
    path: impl AsRef<Path>,
) -> Result<(), Error> {
    let grid = of_frame(matrix)?;
    write_grid(&grid, opts, format, path.as_ref())
}

/// The heatmap of `reports` as an SVG document in a string.
///
/// # Errors
/// As [`heatmap`].
pub fn heatmap_svg(reports: &[DocumentReport], opts: &HeatmapOptions) -> Result<String, Error> {
    let refs: Vec<&DocumentReport> = reports.iter().collect();
    let grid = of_reports(&refs, &opts.topics)?;
    svg_string(&grid, opts)
}

fn write_grid(
    grid: &StanceGrid,
    opts: &HeatmapOptions,
    format: ImageFormat,
    path: &Path,
) -> Result<(), Error> {
    let shown = path.display().to_string();
    match format {
        ImageFormat::Svg => {
            let svg = svg_string(grid, opts)?;
            std::fs::write(path, svg).map_err(|e| {
                output_error("cannot write the heatmap")
                    .with_source(e)
                    .with_path(shown)
            })
        }
        ImageFormat::Png => {
            let layout = Layout::new(grid, opts);
            let root = BitMapBackend::new(path, (layout.width, layout.height)).into_drawing_area();
            draw(&root, grid, &layout, opts)
                .and_then(|()| root.present())
                .map_err(|e| draw_error(e).with_path(shown))
        }
    }
}

/// The PNG image in memory: RGB bytes, width and height (for tests).
#[cfg(test)]
pub(crate) fn render_rgb(
    grid: &StanceGrid,
    opts: &HeatmapOptions,
) -> Result<(Vec<u8>, u32, u32), Error> {
    let layout = Layout::new(grid, opts);
    let mut buf = vec![0u8; layout.width as usize * layout.height as usize * 3];
    {
        let root =
            BitMapBackend::with_buffer(&mut buf, (layout.width, layout.height)).into_drawing_area();
        draw(&root, grid, &layout, opts)
            .and_then(|()| root.present())
            .map_err(draw_error)?;
    }
    Ok((buf, layout.width, layout.height))
}

fn svg_string(grid: &StanceGrid, opts: &HeatmapOptions) -> Result<String, Error> {
    let layout = Layout::new(grid, opts);
    let mut svg = String::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (layout.width, layout.height)).into_drawing_area();
        draw(&root, grid, &layout, opts)
            .and_then(|()| root.present())
            .map_err(draw_error)?;
    }
    Ok(svg)
}

fn draw_error<E: std::error::Error + Send + Sync + 'static>(e: DrawingAreaErrorKind<E>) -> Error {
    output_error(format!("cannot draw the heatmap: {e}")).with_source(e)
}

/// Longest row label in the image, in chars (longer names are cut with an ellipsis).
const MAX_LABEL: usize = 40;
const FONT: &str = "sans-serif";
const MARGIN: u32 = 12;
const CAPTION: u32 = 40;
const X_LABELS: u32 = 36;
const LEGEND: u32 = 40;

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let cut: String = s.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Pixel sizes of the image.
struct Layout {
    width: u32,
    height: u32,
    y_labels: u32,
    cell: (u32, u32),
}

impl Layout {
    fn new(grid: &StanceGrid, opts: &HeatmapOptions) -> Layout {
        let cell = (
            opts.cell_size.0.clamp(40, 600),
            opts.cell_size.1.clamp(24, 300),
        );
        let longest = grid
            .rows
            .iter()
            .map(|r| shorten(&r.name, MAX_LABEL).chars().count())
            .max()
            .unwrap_or(0) as u32;
        let y_labels = (longest * 8 + 24).clamp(80, 400);
        let cols = grid.topics.len().max(1) as u32;
        let rows = grid.rows.len().max(1) as u32;
        Layout {
            width: (y_labels + cols * cell.0 + 2 * MARGIN).max(420),
            height: CAPTION + rows * cell.1 + X_LABELS + LEGEND + 2 * MARGIN,
            y_labels,
            cell,
        }
    }
}

/// An axis of `n` equal bands over `0.0..n`, with one key point (tick and label) at the
/// centre of each band.
///
/// Why not plotters' segmented integer range? `(0..n).into_segmented()` draws n+1
/// bands and `(0..n-1).into_segmented()` (TOOLCHAIN §4d) collapses to a zero-size band
/// when there is a single row or topic; `WithKeyPoints` over an f64 range has no value
/// formatter, so the mesh cannot be configured on it.
struct Bands(usize);

impl Ranged for Bands {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let share = value / self.0.max(1) as f64;
        let pixels = f64::from(limit.1 - limit.0) * share;
        limit.0 + pixels.round() as i32
    }

    fn key_points<Hint: KeyPointHint>(&self, _hint: Hint) -> Vec<f64> {
        (0..self.0).map(|i| i as f64 + 0.5).collect()
    }

    fn range(&self) -> std::ops::Range<f64> {
        0.0..self.0 as f64
    }
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    grid: &StanceGrid,
    layout: &Layout,
    opts: &HeatmapOptions,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let title = opts.title.as_deref().unwrap_or("Stance matrix");
    let (upper, lower) = root.split_vertically(layout.height.saturating_sub(LEGEND + MARGIN / 2));
    let (nr, nt) = (grid.rows.len(), grid.topics.len());
    if nr == 0 || nt == 0 {
        upper.titled(title, (FONT, 20))?.draw(&Text::new(
            "No actor takes a stance on any topic.",
            (MARGIN as i32, 20),
            (FONT, 15),
        ))?;
        return Ok(());
    }
    let nr_f = nr as f64;
    let names: Vec<String> = grid
        .rows
        .iter()
        .map(|r| shorten(&r.name, MAX_LABEL))
        .collect();
    let max_topic = (layout.cell.0 / 8).max(4) as usize;
    let topics: Vec<String> = grid.topics.iter().map(|t| shorten(t, max_topic)).collect();
    let mut chart = ChartBuilder::on(&upper)
        .caption(title, (FONT, 20))
        .margin(MARGIN)
        .x_label_area_size(X_LABELS)
        .y_label_area_size(layout.y_labels)
        .build_cartesian_2d(Bands(nt), Bands(nr))?;
    // Band of a key point; row r is drawn in band nr-1-r so that the first actor is on top.
    let band =
        |v: f64| -> Option<usize> { (v.is_finite() && v >= 0.0).then(|| v.floor() as usize) };
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(nt)
        .y_labels(nr)
        .x_label_formatter(&|v| {
            band(*v)
                .and_then(|j| topics.get(j).cloned())
                .unwrap_or_default()
        })
        .y_label_formatter(&|v| {
            band(*v)
                .and_then(|b| nr.checked_sub(b + 1))
                .and_then(|r| names.get(r).cloned())
                .unwrap_or_default()
        })
        .label_style((FONT, 14))
        .draw()?;

    let border = RGBColor(216, 216, 216);
    let amber = RGBColor(201, 138, 0);
    let ink = RGBColor(31, 35, 40);
    let centered = Pos::new(HPos::Center, VPos::Center);
    for (r, row) in grid.cells.iter().enumerate() {
        let y = nr_f - 1.0 - r as f64;
        for (t, cell) in row.iter().enumerate() {
            let x = t as f64;
            let corners = [(x, y), (x + 1.0, y + 1.0)];
            let center = (x + 0.5, y + 0.5);
            let Some(c) = cell else {
                chart.draw_series([
                    Rectangle::new(corners, RGBColor(243, 243, 243).filled()),
                    Rectangle::new(corners, border.stroke_width(1)),
                ])?;
                let style = TextStyle::from((FONT, 14).into_font())
                    .color(&RGBColor(170, 170, 170))
                    .pos(centered);
                chart.draw_series([EmptyElement::at(center) + Text::new("–", (0, 0), style)])?;
                continue;
            };
            let k = strength(c);
            let (red, green, blue) = score_rgb(c.score, k);
            chart.draw_series([
                Rectangle::new(corners, RGBColor(red, green, blue).filled()),
                Rectangle::new(corners, border.stroke_width(1)),
            ])?;
            // Pixel corners of the cell, for hatching and the ring.
            let (x0, y0) = chart.backend_coord(&(x, y + 1.0));
            let (x1, y1) = chart.backend_coord(&(x + 1.0, y));
            if is_low(c, opts.low_commitment) {
                let white = RGBAColor(255, 255, 255, 0.6);
                let (w, h) = (x1 - x0, y1 - y0);
                let mut o = -h;
                while o < w {
                    // The 45° line (x0+o+s, y1-s) for s in [0, h], clipped to the cell.
                    let lo = 0.max(-o);
                    let hi = h.min(w - o);
                    if lo < hi {
                        upper.draw(&PathElement::new(
                            vec![(x0 + o + lo, y1 - lo), (x0 + o + hi, y1 - hi)],
                            white.stroke_width(2),
                        ))?;
                    }
                    o += 8;
                }
            }
            let fg = if c.score.abs() * k > 0.55 { WHITE } else { ink };
            let bold = TextStyle::from((FONT, 14).into_font().style(FontStyle::Bold))
                .color(&fg)
                .pos(centered);
            let small = TextStyle::from((FONT, 11).into_font())
                .color(&fg)
                .pos(centered);
            let score_text = format!("{:+.2}", c.score);
            let label_text = format!("{} · n={}", shorten(c.stance.as_str(), 12), c.n);
            if is_low(c, opts.low_commitment) {
                // A plate of the cell's own colour behind the two lines of text, so the
                // hatching runs around the label and never through it.
                let width = [(&score_text, &bold), (&label_text, &small)]
                    .into_iter()
                    .filter_map(|(t, s)| upper.estimate_text_size(t, s).ok())
                    .map(|(w, _)| w as i32)
                    .max()
                    .unwrap_or(80);
                let (cx, cy) = ((x0 + x1) / 2, (y0 + y1) / 2);
                let half = width / 2 + 5;
                upper.draw(&Rectangle::new(
                    [
                        ((cx - half).max(x0 + 1), (cy - 19).max(y0 + 1)),
                        ((cx + half).min(x1 - 1), (cy + 19).min(y1 - 1)),
                    ],
                    RGBColor(red, green, blue).filled(),
                ))?;
            }
            if c.stance == stancemap_core::Stance::Conditional {
                upper.draw(&Rectangle::new(
                    [(x0 + 2, y0 + 2), (x1 - 2, y1 - 2)],
                    amber.stroke_width(3),
                ))?;
            }
            chart.draw_series([EmptyElement::at(center)
                + Text::new(score_text, (0, -8), bold)
                + Text::new(label_text, (0, 9), small)])?;
        }
    }
    let note = TextStyle::from((FONT, 12).into_font()).color(&ink);
    lower.draw(&Text::new(
        "blue = support (+1), red = oppose (−1), n = statements;",
        (MARGIN as i32, 2),
        note.clone(),
    ))?;
    lower.draw(&Text::new(
        "amber ring = conditional, hatched = hedged or weakly committed",
        (MARGIN as i32, 18),
        note,
    ))?;
    Ok(())
}
