// Figure model helpers: JSON output, colours, format strings, colormaps, histogram bins.
#include "plot/figure.h"
#include "py/json_out.h"
#include "py/numfmt.h"
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace lmpy::plot {

namespace {

const char* kTab10[] = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
const char* kTabNames[] = {"blue",  "orange", "green", "red",   "purple",
                           "brown", "pink",   "gray",  "olive", "cyan"};

// CSS4 colour names (matplotlib accepts all of them); the browser knows them too.
const char* kCss =
    " aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue "
    "blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk "
    "crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki "
    "darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen "
    "darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue "
    "dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite "
    "gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki "
    "lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan "
    "lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen "
    "lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen "
    "magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen "
    "mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream "
    "mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid "
    "palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum "
    "powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown "
    "seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen "
    "steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow "
    "yellowgreen ";

using json::num;

void json_strs(std::string& o, const std::vector<std::string>& v) {
    o += '[';
    for (size_t i = 0; i < v.size(); ++i) {
        if (i) o += ',';
        json::str(o, v[i]);
    }
    o += ']';
}
void key(std::string& o, const char* k) {
    if (o.back() != '{') o += ',';
    json::str(o, k);
    o += ':';
}
void json_ticks(std::string& o, const std::optional<Ticks>& t) {
    if (!t) {
        o += "null";
        return;
    }
    o += '{';
    key(o, "values");
    json::nums(o, t->values);
    key(o, "labels");
    json_strs(o, t->labels);
    o += '}';
}
void json_lim(std::string& o, const std::optional<std::pair<double, double>>& l) {
    if (!l)
        o += "null";
    else
        o += "[" + num(l->first) + "," + num(l->second) + "]";
}

void json_series(std::string& o, const Series& s) {
    o += '{';
    key(o, "type");
    json::str(o, s.type);
    key(o, "label");
    json::str(o, s.label);
    key(o, "color");
    json::str(o, s.color);
    key(o, "alpha");
    o += num(s.alpha);
    if (s.type == "heatmap") {
        key(o, "z");
        o += '[';
        for (size_t r = 0; r < s.z.size(); ++r) {
            if (r) o += ',';
            json::nums(o, s.z[r]);
        }
        o += ']';
        key(o, "colors");
        json_strs(o, s.colors);
        key(o, "cmap");
        json::str(o, s.cmap);
        key(o, "vmin");
        o += num(s.vmin);
        key(o, "vmax");
        o += num(s.vmax);
        key(o, "colorbar");
        o += s.colorbar ? "true" : "false";
        o += '}';
        return;
    }
    key(o, "x");
    json::nums(o, s.x);
    key(o, "y");
    json::nums(o, s.y);
    key(o, "marker");
    json::str(o, s.marker);
    key(o, "linestyle");
    json::str(o, s.linestyle);
    key(o, "linewidth");
    o += num(s.linewidth);
    key(o, "markersize");
    o += num(s.markersize);
    if (s.type == "bar" || s.type == "hist") {
        key(o, "labels");
        if (s.labels.empty())
            o += "null";
        else
            json_strs(o, s.labels);
        key(o, "width");
        o += num(s.width);
        key(o, "horizontal");
        o += s.horizontal ? "true" : "false";
        key(o, "edges");
        json::nums(o, s.edges);
    }
    if (s.type == "scatter") {
        key(o, "colors");
        if (s.colors.empty())
            o += "null";
        else
            json_strs(o, s.colors);
        key(o, "sizes");
        if (s.sizes.empty())
            o += "null";
        else
            json::nums(o, s.sizes);
    }
    o += '}';
}

struct Stop {
    double t;
    unsigned rgb;
};
struct Cmap {
    const char* name;
    std::vector<unsigned> stops; // evenly spaced
};
const std::vector<Cmap>& cmaps() {
    static const std::vector<Cmap> c = {
        {"viridis",
         {0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30,
          0xfde725}},
        {"plasma", {0x0d0887, 0x5c01a6, 0x9c179e, 0xcc4778, 0xed7953, 0xfdb42f, 0xf0f921}},
        {"inferno", {0x000004, 0x420a68, 0x932667, 0xdd513a, 0xfca50a, 0xfcffa4}},
        {"magma", {0x000004, 0x3b0f70, 0x8c2981, 0xde4968, 0xfe9f6d, 0xfcfdbf}},
        {"cividis", {0x00224e, 0x35456c, 0x666970, 0x948e77, 0xc8b866, 0xfee838}},
        {"gray", {0x000000, 0xffffff}},
        {"Greys", {0xffffff, 0x000000}},
        {"binary", {0xffffff, 0x000000}},
        {"hot", {0x0b0000, 0xff0000, 0xffff00, 0xffffff}},
        {"Blues", {0xf7fbff, 0xc6dbef, 0x6baed6, 0x2171b5, 0x08306b}},
        {"Reds", {0xfff5f0, 0xfcbba1, 0xfb6a4a, 0xcb181d, 0x67000d}},
        {"Greens", {0xf7fcf5, 0xc7e9c0, 0x74c476, 0x238b45, 0x00441b}},
        {"Oranges", {0xfff5eb, 0xfdd0a2, 0xfd8d3c, 0xd94801, 0x7f2704}},
        {"Purples", {0xfcfbfd, 0xdadaeb, 0x9e9ac8, 0x6a51a3, 0x3f007d}},
        {"YlOrRd", {0xffffcc, 0xfed976, 0xfd8d3c, 0xe31a1c, 0x800026}},
        {"coolwarm", {0x3b4cc0, 0x8db0fe, 0xdddddd, 0xf49a7b, 0xb40426}},
        {"bwr", {0x0000ff, 0xffffff, 0xff0000}},
        {"RdBu", {0x67001f, 0xd6604d, 0xf7f7f7, 0x4393c3, 0x053061}},
        {"RdYlGn", {0xa50026, 0xf46d43, 0xffffbf, 0x66bd63, 0x006837}},
        {"seismic", {0x00004c, 0x0000ff, 0xffffff, 0xff0000, 0x7f0000}},
        {"jet", {0x000080, 0x0000ff, 0x00ffff, 0xffff00, 0xff0000, 0x800000}},
    };
    return c;
}
const Cmap* find_cmap(const std::string& name) {
    for (auto& c : cmaps())
        if (name == c.name) return &c;
    return nullptr;
}

} // namespace

std::string Axes::next_line_color() { return kTab10[line_cycle++ % 10]; }
std::string Axes::next_patch_color() { return kTab10[patch_cycle++ % 10]; }

std::pair<double, double> Axes::auto_limits(bool x_axis) const {
    double lo = INFINITY, hi = -INFINITY;
    bool sticky = false; // bars and images stick to zero / their extent
    for (auto& s : series) {
        if (s.type == "heatmap") {
            double n = double(x_axis ? (s.z.empty() ? 0 : s.z[0].size()) : s.z.size());
            lo = std::min(lo, -0.5);
            hi = std::max(hi, n - 0.5);
            sticky = true;
            continue;
        }
        bool along_x = x_axis != s.horizontal;
        const std::vector<double>& v = along_x ? s.x : s.y;
        for (double d : v)
            if (std::isfinite(d)) {
                double a = d, b = d;
                if (s.type == "bar" || s.type == "hist") {
                    if (along_x) {
                        double w = s.type == "hist" ? 0 : s.width / 2;
                        a = d - w;
                        b = d + w;
                    } else {
                        a = std::min(0.0, d);
                        b = std::max(0.0, d);
                    }
                }
                lo = std::min(lo, a);
                hi = std::max(hi, b);
            }
        if (s.type == "hist" && along_x && !s.edges.empty()) {
            lo = std::min(lo, s.edges.front());
            hi = std::max(hi, s.edges.back());
        }
    }
    if (!(lo <= hi)) return {0, 1};
    if (sticky) return {lo, hi};
    if (lo == hi) {
        double d = lo == 0 ? 0.1 : std::fabs(lo) * 0.1; // not exact for all cases
        return {lo - d, hi + d};
    }
    double m = (hi - lo) * 0.05;
    return {lo - m, hi + m};
}

std::string to_json(const Figure& f) {
    std::string o = "{";
    key(o, "number");
    o += std::to_string(f.number);
    key(o, "width");
    o += num(f.width);
    key(o, "height");
    o += num(f.height);
    key(o, "rows");
    o += std::to_string(f.rows);
    key(o, "cols");
    o += std::to_string(f.cols);
    key(o, "suptitle");
    json::str(o, f.suptitle);
    std::string title = f.suptitle;
    for (auto& a : f.axes)
        if (title.empty()) title = a.title;
    key(o, "title");
    json::str(o, title);
    key(o, "axes");
    o += '[';
    for (size_t i = 0; i < f.axes.size(); ++i) {
        const Axes& a = f.axes[i];
        if (i) o += ',';
        o += '{';
        key(o, "row");
        o += std::to_string(a.row);
        key(o, "col");
        o += std::to_string(a.col);
        key(o, "title");
        json::str(o, a.title);
        key(o, "xlabel");
        json::str(o, a.xlabel);
        key(o, "ylabel");
        json::str(o, a.ylabel);
        key(o, "xlim");
        json_lim(o, a.xlim);
        key(o, "ylim");
        json_lim(o, a.ylim);
        key(o, "xscale");
        json::str(o, a.xscale);
        key(o, "yscale");
        json::str(o, a.yscale);
        key(o, "grid");
        o += a.grid ? "true" : "false";
        key(o, "legend");
        o += a.legend ? "true" : "false";
        key(o, "xticks");
        json_ticks(o, a.xticks);
        key(o, "yticks");
        json_ticks(o, a.yticks);
        key(o, "texts");
        o += '[';
        for (size_t k = 0; k < a.texts.size(); ++k) {
            if (k) o += ',';
            o += '{';
            key(o, "x");
            o += num(a.texts[k].x);
            key(o, "y");
            o += num(a.texts[k].y);
            key(o, "s");
            json::str(o, a.texts[k].s);
            key(o, "color");
            json::str(o, a.texts[k].color);
            o += '}';
        }
        o += ']';
        key(o, "series");
        o += '[';
        for (size_t k = 0; k < a.series.size(); ++k) {
            if (k) o += ',';
            json_series(o, a.series[k]);
        }
        o += "]}";
    }
    o += "]}";
    return o;
}

Fmt parse_fmt(const std::string& fmt) {
    Fmt r;
    static const std::string markers = ".,ov^<>1234sp*hH+xXDd|_P8";
    static const std::string colors = "bgrcmykw";
    size_t i = 0;
    auto bad = [&](const std::string& why) -> PlotError {
        return PlotError{"ValueError", "'" + fmt + "' is not a valid format string (" + why + ")"};
    };
    while (i < fmt.size()) {
        std::string ls;
        if (fmt.compare(i, 2, "--") == 0 || fmt.compare(i, 2, "-.") == 0)
            ls = fmt.substr(i, 2);
        else if (fmt[i] == '-' || fmt[i] == ':')
            ls = fmt.substr(i, 1);
        if (!ls.empty()) {
            if (r.has_linestyle) throw bad("two linestyle symbols");
            r.linestyle = ls;
            r.has_linestyle = true;
            i += ls.size();
            continue;
        }
        char c = fmt[i];
        if (c == 'C' && i + 1 < fmt.size() && std::isdigit((unsigned char)fmt[i + 1])) {
            if (!r.color.empty()) throw bad("two color symbols");
            r.color = kTab10[fmt[i + 1] - '0'];
            i += 2;
            continue;
        }
        if (colors.find(c) != std::string::npos) {
            if (!r.color.empty()) throw bad("two color symbols");
            r.color = resolve_color(std::string(1, c));
            ++i;
            continue;
        }
        if (markers.find(c) != std::string::npos) {
            if (r.has_marker) throw bad("two marker symbols");
            r.marker = std::string(1, c);
            r.has_marker = true;
            ++i;
            continue;
        }
        throw bad(std::string("unrecognized character '") + c + "'");
    }
    return r;
}

std::string rgb_hex(double r, double g, double b) {
    auto c = [](double v) { return int(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c(r), c(g), c(b));
    return buf;
}

std::string resolve_color(const std::string& c) {
    static const std::pair<const char*, const char*> base[] = {
        {"b", "#0000ff"}, {"g", "#008000"}, {"r", "#ff0000"}, {"c", "#00bfbf"},
        {"m", "#bf00bf"}, {"y", "#bfbf00"}, {"k", "#000000"}, {"w", "#ffffff"}};
    for (auto& [k, v] : base)
        if (c == k) return v;
    if (c.size() == 2 && c[0] == 'C' && std::isdigit((unsigned char)c[1]))
        return kTab10[c[1] - '0'];
    if (c.rfind("tab:", 0) == 0)
        for (int i = 0; i < 10; ++i)
            if (c.substr(4) == kTabNames[i]) return kTab10[i];
    if (!c.empty() && c[0] == '#') {
        bool hex = c.size() == 4 || c.size() == 7 || c.size() == 9 || c.size() == 5;
        for (size_t i = 1; i < c.size(); ++i) hex = hex && std::isxdigit((unsigned char)c[i]);
        if (hex) return c;
    }
    std::string lower;
    for (char ch : c) lower += char(std::tolower((unsigned char)ch));
    if (!lower.empty() && lower.find(' ') == std::string::npos &&
        std::strstr(kCss, (" " + lower + " ").c_str()))
        return lower;
    char* end = nullptr;
    double g = std::strtod(c.c_str(), &end);
    if (!c.empty() && end && *end == 0 && g >= 0 && g <= 1) return rgb_hex(g, g, g);
    throw PlotError{"ValueError", "'" + c + "' is not a valid color value."};
}

bool known_colormap(const std::string& name) {
    std::string n = name;
    if (n.size() > 2 && n.compare(n.size() - 2, 2, "_r") == 0) n.resize(n.size() - 2);
    return find_cmap(n) != nullptr;
}

std::string colormap(const std::string& name, double t) {
    std::string n = name;
    bool rev = false;
    if (n.size() > 2 && n.compare(n.size() - 2, 2, "_r") == 0) {
        n.resize(n.size() - 2);
        rev = true;
    }
    const Cmap* c = find_cmap(n);
    if (!c) c = find_cmap("viridis");
    if (!std::isfinite(t)) return "rgba(0,0,0,0)";
    t = std::clamp(t, 0.0, 1.0);
    if (rev) t = 1 - t;
    double pos = t * double(c->stops.size() - 1);
    size_t k = std::min(size_t(pos), c->stops.size() - 2);
    double f = pos - double(k);
    auto ch = [&](int shift) {
        double a = (c->stops[k] >> shift) & 255, b = (c->stops[k + 1] >> shift) & 255;
        return (a + (b - a) * f) / 255.0;
    };
    return rgb_hex(ch(16), ch(8), ch(0));
}

void histogram_edges(const std::vector<double>& data, const std::vector<double>& edges,
                     std::vector<double>& counts) {
    counts.assign(edges.size() > 1 ? edges.size() - 1 : 0, 0.0);
    if (counts.empty()) return;
    for (double x : data) {
        if (!(x >= edges.front() && x <= edges.back())) continue;
        size_t k = size_t(std::upper_bound(edges.begin(), edges.end(), x) - edges.begin());
        if (k > counts.size()) k = counts.size(); // x == last edge: last bin
        counts[k - 1] += 1;
    }
}

void histogram(const std::vector<double>& data, int bins, std::vector<double>& counts,
               std::vector<double>& edges) {
    double lo = INFINITY, hi = -INFINITY;
    for (double x : data)
        if (std::isfinite(x)) {
            lo = std::min(lo, x);
            hi = std::max(hi, x);
        }
    if (!(lo <= hi)) {
        lo = 0;
        hi = 1;
    }
    if (lo == hi) {
        lo -= 0.5;
        hi += 0.5;
    }
    edges.resize(size_t(bins) + 1);
    // numpy.linspace: start + i * step, with the last edge exactly `hi`.
    double step = (hi - lo) / bins;
    for (int i = 0; i <= bins; ++i) edges[i] = lo + i * step;
    edges[bins] = hi;
    counts.assign(size_t(bins), 0.0);
    for (double x : data) {
        if (!(x >= lo && x <= hi)) continue;
        double norm = double(bins) / (hi - lo);
        int64_t k = int64_t((x - lo) * norm);
        if (k >= bins) k = bins - 1;
        if (x < edges[size_t(k)])
            --k;
        else if (k + 1 < bins && x >= edges[size_t(k) + 1])
            ++k;
        counts[size_t(k)] += 1;
    }
}

} // namespace lmpy::plot
