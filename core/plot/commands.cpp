// The plotting commands shared by pyplot functions and Axes methods (see pyplot.h).
#include "plot/pyplot.h"
#include "py/numfmt.h"
#include <cmath>

namespace lmpy::plot {

void raise_plot(VM& vm, const PlotError& e) {
    Type* t = exc_type_by_name(vm, e.type);
    vm.raise(t ? t : vm.t.ValueError, e.message);
}

void not_supported(VM& vm, const std::string& fname) {
    vm.raise(vm.t.NotImplementedError,
             "matplotlib: " + fname + "() is not supported in this playground");
}

namespace {

Value nested(VM& vm, const Value& v) {
    if (v.is_obj() && (v.o->type == vm.t.list || v.o->type == vm.t.tuple)) return v;
    Value tl;
    if (v.is_obj() && v.o->type != vm.t.str && vm.getattr_opt(v, vm.intern("tolist"), tl))
        return vm.call(tl, {});
    return v;
}
bool is_seq(VM& vm, const Value& v) {
    return v.is_obj() && (v.o->type == vm.t.list || v.o->type == vm.t.tuple);
}

void flatten(VM& vm, const Value& v, std::vector<double>& out) {
    Value n = nested(vm, v);
    if (is_seq(vm, n)) {
        vm.iterate(n, [&](const Value& x) { flatten(vm, x, out); });
        return;
    }
    out.push_back(vm.to_double(n));
}

std::string pyrepr_num(VM& vm, const Value& v) { return vm.repr(v); }

std::string py_str_repr(VM& vm, const std::string& s) { return vm.repr(vm.str(s)); }

Value text_artist(VM& vm, const std::string& x, const std::string& y, const std::string& s) {
    std::string r = "Text(" + x + ", " + y + ", " + py_str_repr(vm, s) + ")";
    return make_artist(vm, r, r);
}

std::string str_arg(VM& vm, const Value& v) { return vm.to_str(v); }

// Keywords shared by plot/scatter/bar: label, color, alpha.
void common_style(CallArgs& c, Series& s) {
    if (auto* v = c.kw("label")) s.label = v->is_none() ? "" : str_arg(c.vm, *v);
    if (auto* v = c.kw("color"))
        s.color = color_arg(c.vm, *v);
    else if (auto* v2 = c.kw("c"); v2 && c.kw("color") == nullptr && s.type != "scatter")
        s.color = color_arg(c.vm, *v2);
    if (auto* v = c.kw("alpha"); v && !v->is_none()) s.alpha = c.vm.to_double(*v);
}

void check_kw(CallArgs& c, std::initializer_list<const char*> ok) {
    for (int k = 0; k < c.a.nkw; ++k) {
        bool found = false;
        for (const char* n : ok) found = found || c.a.kwn[k]->s == n;
        if (!found)
            c.vm.raise(c.vm.t.NotImplementedError, std::string("matplotlib: ") + c.fname + "(" +
                                                       c.a.kwn[k]->s +
                                                       "=...) is not supported in this playground");
    }
}

const char* kLineKw[] = {"label",     "color", "c",          "marker", "linestyle", "ls",
                         "linewidth", "lw",    "markersize", "ms",     "alpha",     "zorder"};

Value cmd_plot(CallArgs& c, AxesRef r) {
    VM& vm = c.vm;
    check_kw(c, {"label", "color", "c", "marker", "linestyle", "ls", "linewidth", "lw",
                 "markersize", "ms", "alpha", "zorder", "markerfacecolor", "mfc"});
    (void)kLineKw;
    // Split positionals into groups (x, y, [fmt]) or (y, [fmt]).
    std::vector<Value> lines;
    int i = 0, n = c.npos();
    if (n == 0) return vm.new_list();
    while (i < n) {
        Value x, y;
        std::string fmt;
        bool has_x = false;
        Value first = c.pos(i);
        if (first.is_obj() && first.o->type == vm.t.str)
            vm.value_error("third arg must be a format string");
        if (i + 1 < n && !(c.pos(i + 1).is_obj() && c.pos(i + 1).o->type == vm.t.str)) {
            x = first;
            y = c.pos(i + 1);
            has_x = true;
            i += 2;
        } else {
            y = first;
            i += 1;
        }
        if (i < n && c.pos(i).is_obj() && c.pos(i).o->type == vm.t.str)
            fmt = c.pos(i++).as<Str>()->s;
        std::vector<std::vector<double>> ycols = to_columns(vm, y);
        std::vector<std::vector<double>> xcols;
        std::vector<std::string> xcats;
        if (has_x) {
            if (is_strings(vm, x, &xcats)) {
                std::vector<double> pos;
                for (size_t k = 0; k < xcats.size(); ++k) pos.push_back(double(k));
                xcols = {pos};
            } else {
                xcols = to_columns(vm, x);
            }
        }
        Fmt f;
        try {
            f = parse_fmt(fmt);
        } catch (PlotError& e) {
            raise_plot(vm, e);
        }
        for (size_t k = 0; k < ycols.size(); ++k) {
            Series s;
            s.type = "line";
            s.y = ycols[k];
            if (has_x) {
                s.x = xcols[xcols.size() == 1 ? 0 : std::min(k, xcols.size() - 1)];
                if (s.x.size() != s.y.size())
                    vm.value_error("x and y must have same first dimension, but have shapes (" +
                                   std::to_string(s.x.size()) + ",) and (" +
                                   std::to_string(s.y.size()) + ",)");
            } else {
                for (size_t j = 0; j < s.y.size(); ++j) s.x.push_back(double(j));
            }
            if (!xcats.empty()) {
                s.labels = xcats;
            }
            s.color = f.color;
            s.marker = f.marker;
            s.linestyle = f.has_linestyle ? f.linestyle : (f.has_marker ? "" : "-");
            common_style(c, s);
            if (auto* v = c.kw("marker")) s.marker = v->is_none() ? "" : str_arg(vm, *v);
            const Value* ls = c.kw("linestyle");
            if (!ls) ls = c.kw("ls");
            if (ls) {
                std::string l = ls->is_none() ? "" : str_arg(vm, *ls);
                if (l == "solid")
                    l = "-";
                else if (l == "dashed")
                    l = "--";
                else if (l == "dotted")
                    l = ":";
                else if (l == "dashdot")
                    l = "-.";
                else if (l == "None" || l == "none" || l == " ")
                    l = "";
                s.linestyle = l;
            }
            const Value* lw = c.kw("linewidth");
            if (!lw) lw = c.kw("lw");
            if (lw) s.linewidth = vm.to_double(*lw);
            const Value* ms = c.kw("markersize");
            if (!ms) ms = c.kw("ms");
            if (ms) s.markersize = vm.to_double(*ms);
            if (s.color.empty()) s.color = r.ax().next_line_color();
            if (!s.label.empty() && s.label[0] == '_') s.label.clear();
            r.ax().series.push_back(s);
            lines.push_back(make_artist(vm,
                                        addr_repr("matplotlib.lines.Line2D", &r.ax().series.back()),
                                        "Line2D(" + s.label + ")"));
        }
    }
    sync(vm);
    return vm.new_list(std::move(lines));
}

Value cmd_scatter(CallArgs& c, AxesRef r) {
    VM& vm = c.vm;
    check_kw(c, {"label", "color", "c", "s", "marker", "alpha", "cmap", "edgecolors", "edgecolor",
                 "zorder", "linewidths"});
    const Value* xv = c.get(0, "x");
    const Value* yv = c.get(1, "y");
    if (!xv || !yv) vm.type_error("scatter() missing 2 required positional arguments: 'x' and 'y'");
    Series s;
    s.type = "scatter";
    s.linestyle = "";
    s.marker = "o";
    s.x = to_doubles(vm, *xv);
    s.y = to_doubles(vm, *yv);
    if (s.x.size() != s.y.size()) vm.value_error("x and y must be the same size");
    common_style(c, s);
    if (auto* cv = c.kw("c"); cv && !cv->is_none()) {
        std::vector<std::string> names;
        if (cv->is_obj() && cv->o->type == vm.t.str) {
            s.color = color_arg(vm, *cv);
        } else if (is_strings(vm, *cv, &names)) {
            for (auto& n : names) s.colors.push_back(color_arg(vm, vm.str(n)));
        } else {
            std::vector<double> vals = to_doubles(vm, *cv);
            double lo = INFINITY, hi = -INFINITY;
            for (double v : vals) lo = std::min(lo, v), hi = std::max(hi, v);
            std::string cmap = "viridis";
            if (auto* cm = c.kw("cmap"); cm && !cm->is_none()) cmap = str_arg(vm, *cm);
            for (double v : vals)
                s.colors.push_back(colormap(cmap, hi > lo ? (v - lo) / (hi - lo) : 0.0));
        }
    }
    if (auto* sv = c.get(2, "s"); sv && !sv->is_none()) {
        s.sizes = to_doubles(vm, *sv);
        if (s.sizes.size() == 1) s.markersize = std::sqrt(s.sizes[0]), s.sizes.clear();
    }
    if (auto* m = c.kw("marker")) s.marker = str_arg(vm, *m);
    if (s.color.empty()) s.color = r.ax().next_line_color();
    r.ax().series.push_back(s);
    sync(vm);
    return make_artist(vm,
                       addr_repr("matplotlib.collections.PathCollection", &r.ax().series.back()));
}

Value bars(CallArgs& c, AxesRef r, bool horizontal) {
    VM& vm = c.vm;
    check_kw(c, {"label", "color", "alpha", "width", "height", "align", "edgecolor", "zorder",
                 "tick_label"});
    const Value* xv = c.get(0, horizontal ? "y" : "x");
    const Value* hv = c.get(1, horizontal ? "width" : "height");
    if (!xv || !hv)
        vm.type_error(std::string(c.fname) + "() missing required positional arguments");
    Series s;
    s.type = "bar";
    s.horizontal = horizontal;
    s.linestyle = "";
    std::vector<std::string> cats;
    if (is_strings(vm, *xv, &cats)) {
        s.labels = cats;
        for (size_t k = 0; k < cats.size(); ++k) s.x.push_back(double(k));
    } else {
        s.x = to_doubles(vm, *xv);
    }
    s.y = to_doubles(vm, *hv);
    if (s.y.size() == 1 && s.x.size() > 1) s.y.assign(s.x.size(), s.y[0]);
    if (s.x.size() == 1 && s.y.size() > 1) s.x.assign(s.y.size(), s.x[0]);
    if (s.x.size() != s.y.size())
        vm.value_error("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch "
                       "is between arg 0 with shape (" +
                       std::to_string(s.x.size()) + ",) and arg 1 with shape (" +
                       std::to_string(s.y.size()) + ",).");
    if (auto* w = c.get(2, horizontal ? "height" : "width"); w && !w->is_none())
        s.width = vm.to_double(*w);
    common_style(c, s);
    if (s.color.empty()) s.color = r.ax().next_patch_color();
    r.ax().series.push_back(s);
    sync(vm);
    return make_artist(vm, "<BarContainer object of " + std::to_string(s.y.size()) + " artists>");
}
Value cmd_bar(CallArgs& c, AxesRef r) { return bars(c, r, false); }
Value cmd_barh(CallArgs& c, AxesRef r) { return bars(c, r, true); }

Value cmd_hist(CallArgs& c, AxesRef r) {
    VM& vm = c.vm;
    check_kw(c, {"bins", "label", "color", "alpha", "edgecolor", "range", "density", "zorder",
                 "rwidth"});
    const Value* xv = c.get(0, "x");
    if (!xv) vm.type_error("hist() missing 1 required positional argument: 'x'");
    std::vector<double> data = to_doubles(vm, *xv);
    Series s;
    s.type = "hist";
    s.linestyle = "";
    std::vector<double> counts, edges;
    const Value* bv = c.get(1, "bins");
    if (bv && !bv->is_none() && !is_int(vm, *bv)) {
        edges = to_doubles(vm, *bv);
        histogram_edges(data, edges, counts);
    } else {
        int bins = bv && !bv->is_none() ? int(vm.to_index(*bv)) : 10;
        if (bins < 1) vm.value_error("`bins` must be positive, when an integer");
        histogram(data, bins, counts, edges);
    }
    if (auto* d = c.kw("density"); d && vm.truthy(*d)) {
        double total = 0;
        for (double v : counts) total += v;
        for (size_t k = 0; k < counts.size(); ++k) counts[k] /= total * (edges[k + 1] - edges[k]);
    }
    for (size_t k = 0; k + 1 < edges.size(); ++k) s.x.push_back((edges[k] + edges[k + 1]) / 2);
    s.y = counts;
    s.edges = edges;
    s.width = edges.size() > 1 ? edges[1] - edges[0] : 1;
    common_style(c, s);
    if (s.color.empty()) s.color = r.ax().next_line_color();
    r.ax().series.push_back(s);
    sync(vm);
    std::vector<Value> cv, ev;
    for (double v : counts) cv.push_back(Value::flt(v));
    for (double v : edges) ev.push_back(Value::flt(v));
    Value cl = vm.new_list(std::move(cv)), el = vm.new_list(std::move(ev));
    try {
        Value np = vm.import_module("numpy");
        Value arr = vm.getattr(np, vm.intern("array"));
        cl = vm.call(arr, {cl});
        el = vm.call(arr, {el});
    } catch (PyExc&) {
    }
    return vm.new_tuple({cl, el,
                         make_artist(vm, "<BarContainer object of " +
                                             std::to_string(counts.size()) + " artists>")});
}

Value cmd_imshow(CallArgs& c, AxesRef r) {
    VM& vm = c.vm;
    check_kw(c, {"cmap", "vmin", "vmax", "aspect", "interpolation", "origin", "alpha"});
    const Value* xv = c.get(0, "X");
    if (!xv) vm.type_error("imshow() missing 1 required positional argument: 'X'");
    Value n = nested(vm, *xv);
    Series s;
    s.type = "heatmap";
    s.cmap = "viridis";
    if (auto* cm = c.kw("cmap"); cm && !cm->is_none()) s.cmap = str_arg(vm, *cm);
    if (!known_colormap(s.cmap)) vm.value_error("'" + s.cmap + "' is not a valid value for cmap");
    vm.iterate(n, [&](const Value& row) {
        std::vector<double> vals;
        flatten(vm, row, vals);
        s.z.push_back(vals);
    });
    if (s.z.empty() || !is_seq(vm, vm.to_vector(n)[0]))
        vm.type_error("Invalid shape (" + std::to_string(s.z.size()) + ",) for image data");
    double lo = INFINITY, hi = -INFINITY;
    for (auto& row : s.z)
        for (double v : row)
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    if (!(lo <= hi)) lo = 0, hi = 1;
    if (auto* v = c.kw("vmin"); v && !v->is_none()) lo = vm.to_double(*v);
    if (auto* v = c.kw("vmax"); v && !v->is_none()) hi = vm.to_double(*v);
    s.vmin = lo;
    s.vmax = hi;
    for (auto& row : s.z)
        for (double v : row)
            s.colors.push_back(colormap(s.cmap, hi > lo ? (v - lo) / (hi - lo) : 0.0));
    r.ax().series.push_back(s);
    sync(vm);
    std::string sz = "AxesImage(size=(" + std::to_string(s.z.size()) + ", " +
                     std::to_string(s.z[0].size()) + "))";
    return make_artist(vm, sz, sz);
}

Value set_label(CallArgs& c, AxesRef r, std::string Axes::*field, const char* x, const char* y,
                const char* argname) {
    VM& vm = c.vm;
    check_kw(c, {"fontsize", "loc", "pad", "color", "fontweight", "labelpad"});
    const Value* v = c.get(0, argname);
    if (!v)
        vm.type_error(std::string(c.fname) + "() missing 1 required positional argument: '" +
                      argname + "'");
    std::string s = str_arg(vm, *v);
    r.ax().*field = s;
    sync(vm);
    return text_artist(vm, x, y, s);
}
Value cmd_title(CallArgs& c, AxesRef r) {
    return set_label(c, r, &Axes::title, "0.5", "1.0", "label");
}
Value cmd_xlabel(CallArgs& c, AxesRef r) {
    return set_label(c, r, &Axes::xlabel, "0.5", "0", "xlabel");
}
Value cmd_ylabel(CallArgs& c, AxesRef r) {
    return set_label(c, r, &Axes::ylabel, "0", "0.5", "ylabel");
}

Value limits(CallArgs& c, AxesRef r, bool x_axis) {
    VM& vm = c.vm;
    auto& lim = x_axis ? r.ax().xlim : r.ax().ylim;
    std::pair<double, double> cur = lim ? *lim : r.ax().auto_limits(x_axis);
    const Value* lo = c.get(0, x_axis ? "left" : "bottom");
    const Value* hi = c.get(1, x_axis ? "right" : "top");
    if (!lo) lo = c.kw(x_axis ? "xmin" : "ymin");
    if (!hi) hi = c.kw(x_axis ? "xmax" : "ymax");
    if (lo && !hi && is_seq(vm, nested(vm, *lo))) {
        std::vector<double> v = to_doubles(vm, *lo);
        if (v.size() != 2) vm.value_error("limits must be a pair");
        cur = {v[0], v[1]};
        lim = cur;
    } else if (lo || hi) {
        if (lo && !lo->is_none()) cur.first = vm.to_double(*lo);
        if (hi && !hi->is_none()) cur.second = vm.to_double(*hi);
        lim = cur;
    }
    sync(vm);
    return vm.new_tuple({Value::flt(cur.first), Value::flt(cur.second)});
}
Value cmd_xlim(CallArgs& c, AxesRef r) { return limits(c, r, true); }
Value cmd_ylim(CallArgs& c, AxesRef r) { return limits(c, r, false); }

Value ticks(CallArgs& c, AxesRef r, bool x_axis, bool labels_only) {
    VM& vm = c.vm;
    check_kw(c, {"ticks", "labels", "rotation", "fontsize"});
    auto& t = x_axis ? r.ax().xticks : r.ax().yticks;
    const Value* tv = labels_only ? nullptr : c.get(0, "ticks");
    const Value* lv = labels_only ? c.get(0, "labels") : c.get(1, "labels");
    if (!tv && !lv) return vm.new_tuple({vm.new_list(), vm.new_list()});
    Ticks nt = t ? *t : Ticks{};
    if (tv) {
        nt.values = to_doubles(vm, *tv);
        nt.labels.clear();
        for (double v : nt.values) nt.labels.push_back(float_repr(v));
        for (auto& l : nt.labels)
            if (l.size() > 2 && l.compare(l.size() - 2, 2, ".0") == 0) l.resize(l.size() - 2);
    }
    if (lv) {
        std::vector<Value> ls = vm.to_vector(nested(vm, *lv));
        if (!tv && !t) not_supported(vm, std::string(c.fname) + " without tick positions");
        if (ls.size() != nt.values.size())
            vm.value_error(
                "The number of FixedLocator locations (" + std::to_string(nt.values.size()) +
                "), usually from a call to set_ticks, does not match the number of labels (" +
                std::to_string(ls.size()) + ").");
        nt.labels.clear();
        for (auto& l : ls) nt.labels.push_back(vm.to_str(l));
    }
    t = nt;
    sync(vm);
    std::vector<Value> tick_objs, texts;
    for (size_t k = 0; k < nt.values.size(); ++k) {
        tick_objs.push_back(
            make_artist(vm, addr_repr(x_axis ? "matplotlib.axis.XTick" : "matplotlib.axis.YTick",
                                      &t->values[k])));
        std::string pos = float_repr(nt.values[k]);
        if (pos.size() > 2 && pos.compare(pos.size() - 2, 2, ".0") == 0) pos.resize(pos.size() - 2);
        texts.push_back(x_axis ? text_artist(vm, pos, "0", lv ? nt.labels[k] : "")
                               : text_artist(vm, "0", pos, lv ? nt.labels[k] : ""));
    }
    if (c.first == 1) return vm.new_list(std::move(tick_objs)); // ax.set_xticks returns the ticks
    return vm.new_tuple({vm.new_list(std::move(tick_objs)), vm.new_list(std::move(texts))});
}
Value cmd_xticks(CallArgs& c, AxesRef r) { return ticks(c, r, true, false); }
Value cmd_yticks(CallArgs& c, AxesRef r) { return ticks(c, r, false, false); }
Value cmd_xticklabels(CallArgs& c, AxesRef r) { return ticks(c, r, true, true); }
Value cmd_yticklabels(CallArgs& c, AxesRef r) { return ticks(c, r, false, true); }

Value cmd_legend(CallArgs& c, AxesRef r) {
    VM& vm = c.vm;
    check_kw(c, {"loc", "fontsize", "title", "frameon", "ncol"});
    if (c.npos() >= 2) not_supported(vm, "legend with handles");
    if (c.npos() == 1) { // legend(labels)
        std::vector<Value> ls = vm.to_vector(nested(vm, c.pos(0)));
        size_t k = 0;
        for (auto& s : r.ax().series)
            if (k < ls.size() && s.type != "heatmap") s.label = vm.to_str(ls[k++]);
    }
    r.ax().legend = true;
    sync(vm);
    return make_artist(vm, addr_repr("matplotlib.legend.Legend", &r.ax()));
}

Value cmd_grid(CallArgs& c, AxesRef r) {
    VM& vm = c.vm;
    check_kw(c, {"visible", "b", "which", "axis", "alpha", "linestyle", "color", "linewidth"});
    const Value* v = c.get(0, "visible");
    r.ax().grid = v ? (v->is_none() ? !r.ax().grid : vm.truthy(*v)) : !r.ax().grid;
    if (!v && (c.kw("alpha") || c.kw("linestyle") || c.kw("color"))) r.ax().grid = true;
    sync(vm);
    return Value();
}

Value cmd_text(CallArgs& c, AxesRef r) {
    VM& vm = c.vm;
    check_kw(c, {"fontsize", "color", "ha", "va", "horizontalalignment", "verticalalignment",
                 "transform"});
    if (c.kw("transform")) not_supported(vm, "text(transform=...)");
    if (c.npos() < 3)
        vm.type_error("text() missing required positional arguments: 'x', 'y' and 's'");
    TextItem t;
    t.x = vm.to_double(c.pos(0));
    t.y = vm.to_double(c.pos(1));
    t.s = vm.to_str(c.pos(2));
    if (auto* col = c.kw("color")) t.color = color_arg(vm, *col);
    r.ax().texts.push_back(t);
    sync(vm);
    return text_artist(vm, pyrepr_num(vm, c.pos(0)), pyrepr_num(vm, c.pos(1)), t.s);
}

Value scale(CallArgs& c, AxesRef r, bool x_axis) {
    VM& vm = c.vm;
    const Value* v = c.get(0, "value");
    if (!v)
        vm.type_error(std::string(c.fname) + "() missing 1 required positional argument: 'value'");
    std::string s = vm.to_str(*v);
    if (s != "linear" && s != "log") not_supported(vm, std::string(c.fname) + "('" + s + "')");
    (x_axis ? r.ax().xscale : r.ax().yscale) = s;
    sync(vm);
    return Value();
}
Value cmd_xscale(CallArgs& c, AxesRef r) { return scale(c, r, true); }
Value cmd_yscale(CallArgs& c, AxesRef r) { return scale(c, r, false); }

} // namespace

const std::vector<CommandDef>& commands() {
    static const std::vector<CommandDef> c = {
        {"plot", "plot", cmd_plot},
        {"scatter", "scatter", cmd_scatter},
        {"bar", "bar", cmd_bar},
        {"barh", "barh", cmd_barh},
        {"hist", "hist", cmd_hist},
        {"imshow", "imshow", cmd_imshow},
        {"matshow", "matshow", cmd_imshow},
        {"title", "set_title", cmd_title},
        {"xlabel", "set_xlabel", cmd_xlabel},
        {"ylabel", "set_ylabel", cmd_ylabel},
        {"xlim", "set_xlim", cmd_xlim},
        {"ylim", "set_ylim", cmd_ylim},
        {nullptr, "get_xlim", cmd_xlim},
        {nullptr, "get_ylim", cmd_ylim},
        {"xticks", "set_xticks", cmd_xticks},
        {"yticks", "set_yticks", cmd_yticks},
        {nullptr, "set_xticklabels", cmd_xticklabels},
        {nullptr, "set_yticklabels", cmd_yticklabels},
        {"legend", "legend", cmd_legend},
        {"grid", "grid", cmd_grid},
        {"text", "text", cmd_text},
        {"xscale", "set_xscale", cmd_xscale},
        {"yscale", "set_yscale", cmd_yscale},
    };
    return c;
}

std::vector<double> to_doubles(VM& vm, const Value& v) {
    std::vector<double> out;
    flatten(vm, v, out);
    return out;
}

std::vector<std::vector<double>> to_columns(VM& vm, const Value& v) {
    Value n = nested(vm, v);
    if (!is_seq(vm, n)) return {{vm.to_double(n)}};
    std::vector<Value> rows = vm.to_vector(n);
    if (rows.empty() || !is_seq(vm, nested(vm, rows[0]))) return {to_doubles(vm, n)};
    std::vector<std::vector<double>> cols;
    for (auto& row : rows) {
        std::vector<double> vals = to_doubles(vm, row);
        if (cols.empty()) cols.resize(vals.size());
        if (vals.size() != cols.size()) vm.value_error("setting an array element with a sequence.");
        for (size_t k = 0; k < vals.size(); ++k) cols[k].push_back(vals[k]);
    }
    return cols;
}

bool is_strings(VM& vm, const Value& v, std::vector<std::string>* out) {
    Value n = nested(vm, v);
    if (!is_seq(vm, n)) return false;
    std::vector<Value> items = vm.to_vector(n);
    if (items.empty()) return false;
    for (auto& x : items)
        if (!(x.is_obj() && x.o->type->is_subtype(vm.t.str))) return false;
    if (out)
        for (auto& x : items) out->push_back(x.as<Str>()->s);
    return true;
}

std::string color_arg(VM& vm, const Value& v) {
    if (v.is_obj() && v.o->type->is_subtype(vm.t.str)) {
        try {
            return resolve_color(v.as<Str>()->s);
        } catch (PlotError& e) {
            raise_plot(vm, e);
        }
    }
    std::vector<double> rgb = to_doubles(vm, v);
    if (rgb.size() != 3 && rgb.size() != 4)
        vm.value_error(vm.repr(v) + " is not a valid color value.");
    for (double x : rgb)
        if (x < 0 || x > 1) vm.value_error("RGBA values should be within 0-1 range");
    return rgb_hex(rgb[0], rgb[1], rgb[2]);
}

} // namespace lmpy::plot
