// The matplotlib subset's data model, in pure C++: figures made of a grid of axes, each a list
// of series (line, scatter, bar, hist, heatmap) plus labels, limits, ticks and texts. A shown
// figure is serialised to a chart description (JSON) that the page renders with Chart.js;
// colours are resolved here (matplotlib's names, single letters, "C0".."C9", the tab10
// cycle, heatmap colormaps) so the page only draws.
//
// JSON shape, one object per figure:
//   {"width": in, "height": in, "rows": r, "cols": c, "suptitle": s, "title": first title,
//    "axes": [{"row", "col", "title", "xlabel", "ylabel", "xlim": [a, b] | null, "ylim",
//              "xscale", "yscale", "grid", "legend", "xticks": {"values", "labels"} | null,
//              "yticks", "texts": [{"x", "y", "s", "color"}],
//              "series": [{"type": "line" | "scatter" | "bar" | "hist" | "heatmap", ...}]}]}
// Series fields: x, y, label, color, marker ("" none), linestyle ("" none), linewidth,
// markersize, alpha; bar/hist: labels (categories) | null, width, horizontal, edges (hist);
// scatter: colors (per point) | null, sizes | null; heatmap: z (rows), colors (hex per cell),
// vmin, vmax, cmap, colorbar.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lmpy::plot {

struct PlotError {
    std::string type; // "ValueError", "TypeError", ...
    std::string message;
};

struct Series {
    std::string type = "line";
    std::vector<double> x, y;
    std::vector<std::string> labels; // categorical positions (bar with string x)
    std::string label, color, marker, linestyle = "-";
    double linewidth = 1.5, markersize = 6, alpha = 1, width = 0.8;
    bool horizontal = false;
    std::vector<double> edges;          // hist
    std::vector<std::string> colors;    // scatter per-point / heatmap per-cell
    std::vector<double> sizes;          // scatter
    std::vector<std::vector<double>> z; // heatmap
    std::string cmap;
    double vmin = 0, vmax = 1;
    bool colorbar = false;
};

struct TextItem {
    double x = 0, y = 0;
    std::string s, color;
};

struct Ticks {
    std::vector<double> values;
    std::vector<std::string> labels;
};

struct Axes {
    int row = 0, col = 0;
    std::string title, xlabel, ylabel, xscale = "linear", yscale = "linear";
    std::optional<std::pair<double, double>> xlim, ylim;
    std::optional<Ticks> xticks, yticks;
    bool grid = false, legend = false;
    std::vector<Series> series;
    std::vector<TextItem> texts;
    int line_cycle = 0, patch_cycle = 0;
    std::string next_line_color();
    std::string next_patch_color();
    // The autoscaled view limits matplotlib reports (data range with 5% margins).
    std::pair<double, double> auto_limits(bool x_axis) const;
};

struct Figure {
    int number = 1;
    double width = 6.4, height = 4.8;
    int rows = 1, cols = 1;
    std::string suptitle;
    std::vector<Axes> axes;
    int current = -1;         // index into axes
    bool layout_grid = false; // made by subplots()
};

std::string to_json(const Figure& f);

// matplotlib's format string ("r--o", "g^", ":"); throws PlotError on a bad one.
struct Fmt {
    std::string color, marker, linestyle;
    bool has_marker = false, has_linestyle = false;
};
Fmt parse_fmt(const std::string& fmt);
// A colour as CSS (#rrggbb or rgba(...)); throws PlotError (ValueError) for an unknown name.
std::string resolve_color(const std::string& c);
std::string rgb_hex(double r, double g, double b);
// Colour of value t in [0, 1] under a colormap ("viridis", "gray", "hot", "Blues", ...).
std::string colormap(const std::string& name, double t);
bool known_colormap(const std::string& name);

// numpy.histogram with an integer bin count (or explicit edges when given).
void histogram(const std::vector<double>& data, int bins, std::vector<double>& counts,
               std::vector<double>& edges);
void histogram_edges(const std::vector<double>& data, const std::vector<double>& edges,
                     std::vector<double>& counts);

} // namespace lmpy::plot
