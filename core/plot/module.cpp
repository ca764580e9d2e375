// Registration of `matplotlib` and `matplotlib.pyplot`: the Figure, Axes, axes-array and
// artist types, pyplot's figure management (figure, subplots, subplot, gca, gcf, show, close,
// colorbar, tight_layout, savefig), and NotImplementedError stubs for the rest of the usual
// API so that nothing is silently ignored.
#include "plot/pyplot.h"
#include <cstdio>

namespace lmpy::plot {

std::string addr_repr(const char* cls, const void* p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%llx", (unsigned long long)(uintptr_t)p);
    return std::string("<") + cls + " object at 0x" + buf + ">";
}

Value make_figure(VM& vm, std::shared_ptr<Figure> f) {
    return Value(new FigureObj(state(vm).figure_t, std::move(f)));
}
Value make_axes(VM& vm, AxesRef r) { return Value(new AxesObj(state(vm).axes_t, std::move(r))); }
Value make_artist(VM& vm, std::string repr, std::string str) {
    if (str.empty()) str = repr;
    return Value(new ArtistObj(state(vm).artist_t, std::move(repr), std::move(str)));
}

namespace {

double kwd(VM& vm, Args& a, const char* k, double dflt) {
    const Value* v = a.kw(vm, k);
    return v && !v->is_none() ? vm.to_double(*v) : dflt;
}

std::pair<double, double> figsize(VM& vm, Args& a, int pos_index) {
    const Value* v = a.kw(vm, "figsize");
    if (!v && pos_index >= 0 && pos_index < a.n) v = &a.pos[pos_index];
    if (!v || v->is_none()) return {6.4, 4.8};
    std::vector<double> s = to_doubles(vm, *v);
    if (s.size() != 2) vm.value_error("figsize must be a (width, height) pair");
    return {s[0], s[1]};
}

// ---- pyplot functions that act on the current axes
Value plt_command(VM& vm, Args& a) {
    const CommandDef* d = reinterpret_cast<const CommandDef*>(a.fn->data.i);
    CallArgs c{vm, a, 0, d->plt_name};
    return d->fn(c, gca(vm));
}
Value ax_command(VM& vm, Args& a) {
    const CommandDef* d = reinterpret_cast<const CommandDef*>(a.fn->data.i);
    AxesObj* ax = a.n > 0 ? as_axes(a[0]) : nullptr;
    if (!ax)
        vm.type_error(std::string("descriptor '") + d->ax_name + "' requires an 'Axes' object");
    begin(vm);
    CallArgs c{vm, a, 1, d->ax_name};
    return d->fn(c, ax->ref);
}

Value plt_figure(VM& vm, Args& a) {
    auto [w, h] = figsize(vm, a, 1);
    return make_figure(vm, new_figure(vm, w, h));
}

Value axes_value(VM& vm, const std::shared_ptr<Figure>& f, int rows, int cols, bool squeeze) {
    std::vector<Value> items;
    for (int i = 0; i < rows * cols; ++i) items.push_back(make_axes(vm, {f, i}));
    if (squeeze && rows * cols == 1) return items[0];
    auto* arr = new AxesArrayObj(state(vm).axes_array_t);
    Value av(arr);
    arr->items = items;
    if (squeeze && (rows == 1 || cols == 1))
        arr->shape = {rows * cols};
    else
        arr->shape = {rows, cols};
    return av;
}

Value plt_subplots(VM& vm, Args& a) {
    int rows = a.n > 0 ? int(vm.to_index(a[0])) : int(kwd(vm, a, "nrows", 1));
    int cols = a.n > 1 ? int(vm.to_index(a[1])) : int(kwd(vm, a, "ncols", 1));
    if (rows < 1 || cols < 1)
        vm.value_error("Number of rows must be a positive integer, not " + std::to_string(rows));
    auto [w, h] = figsize(vm, a, -1);
    const Value* sq = a.kw(vm, "squeeze");
    auto f = new_figure(vm, w, h);
    f->rows = rows;
    f->cols = cols;
    f->layout_grid = true;
    for (int i = 0; i < rows * cols; ++i) {
        Axes ax;
        ax.row = i / cols;
        ax.col = i % cols;
        f->axes.push_back(ax);
    }
    f->current = 0;
    sync(vm);
    return vm.new_tuple({make_figure(vm, f), axes_value(vm, f, rows, cols, !sq || vm.truthy(*sq))});
}

Value add_subplot(VM& vm, const std::shared_ptr<Figure>& f, Args& a, int first) {
    int n = a.n - first, rows = 1, cols = 1, idx = 1;
    if (n == 1) {
        int64_t code = vm.to_index(a.pos[first]);
        rows = int(code / 100), cols = int(code / 10 % 10), idx = int(code % 10);
    } else if (n == 3) {
        rows = int(vm.to_index(a.pos[first])), cols = int(vm.to_index(a.pos[first + 1])),
        idx = int(vm.to_index(a.pos[first + 2]));
    } else if (n != 0) {
        vm.type_error("subplot() takes 1 or 3 positional arguments");
    }
    if (idx < 1 || idx > rows * cols)
        vm.value_error("num must be an integer with 1 <= num <= " + std::to_string(rows * cols) +
                       ", not " + std::to_string(idx));
    f->rows = rows;
    f->cols = cols;
    int r = (idx - 1) / cols, c = (idx - 1) % cols;
    for (size_t i = 0; i < f->axes.size(); ++i)
        if (f->axes[i].row == r && f->axes[i].col == c) {
            f->current = int(i);
            return make_axes(vm, {f, int(i)});
        }
    Axes ax;
    ax.row = r;
    ax.col = c;
    f->axes.push_back(ax);
    f->current = int(f->axes.size()) - 1;
    sync(vm);
    return make_axes(vm, {f, f->current});
}

Value plt_subplot(VM& vm, Args& a) { return add_subplot(vm, gcf(vm), a, 0); }
Value plt_gca(VM& vm, Args& a) { return make_axes(vm, gca(vm)); }
Value plt_gcf(VM& vm, Args& a) { return make_figure(vm, gcf(vm)); }
Value plt_show(VM& vm, Args& a) {
    show(vm);
    return Value();
}
Value plt_close(VM& vm, Args& a) {
    close(vm, a.n > 0 ? &a.pos[0] : nullptr);
    return Value();
}
Value plt_noop(VM& vm, Args& a) {
    begin(vm);
    return Value();
}
Value plt_suptitle(VM& vm, Args& a) {
    auto f = a.n > 0 && as_figure(a[0]) ? as_figure(a[0])->fig : gcf(vm);
    int first = a.n > 0 && as_figure(a[0]) ? 1 : 0;
    if (a.n <= first) vm.type_error("suptitle() missing 1 required positional argument: 't'");
    f->suptitle = vm.to_str(a.pos[first]);
    sync(vm);
    std::string r = "Text(0.5, 0.98, " + vm.repr(vm.str(f->suptitle)) + ")";
    return make_artist(vm, r, r);
}

Value colorbar_for(VM& vm, AxesRef r) {
    for (auto it = r.ax().series.rbegin(); it != r.ax().series.rend(); ++it)
        if (it->type == "heatmap") {
            it->colorbar = true;
            sync(vm);
            return make_artist(vm, addr_repr("matplotlib.colorbar.Colorbar", &*it));
        }
    vm.raise(vm.t.RuntimeError,
             "No mappable was found to use for colorbar creation. First define a mappable such as "
             "an image (with imshow) or a contour set (with contourf).");
}
Value plt_colorbar(VM& vm, Args& a) { return colorbar_for(vm, gca(vm)); }

// ---- Figure methods
FigureObj* self_fig(VM& vm, Args& a) {
    FigureObj* f = a.n > 0 ? as_figure(a[0]) : nullptr;
    if (!f) vm.type_error("descriptor requires a 'Figure' object");
    return f;
}
std::string fig_size_text(const Figure& f) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%gx%g", f.width * 100, f.height * 100);
    return buf;
}
Value fig_repr(VM& vm, Args& a) {
    Figure& f = *self_fig(vm, a)->fig;
    return vm.str("<Figure size " + fig_size_text(f) + " with " + std::to_string(f.axes.size()) +
                  " Axes>");
}
Value fig_str(VM& vm, Args& a) {
    return vm.str("Figure(" + fig_size_text(*self_fig(vm, a)->fig) + ")");
}
Value fig_add_subplot(VM& vm, Args& a) { return add_subplot(vm, self_fig(vm, a)->fig, a, 1); }
Value fig_gca(VM& vm, Args& a) {
    auto f = self_fig(vm, a)->fig;
    if (f->axes.empty()) {
        f->axes.emplace_back();
        f->current = 0;
    }
    return make_axes(vm, {f, f->current < 0 ? 0 : f->current});
}
Value fig_colorbar(VM& vm, Args& a) {
    auto f = self_fig(vm, a)->fig;
    if (f->axes.empty())
        vm.raise(vm.t.RuntimeError, "No mappable was found to use for colorbar creation.");
    return colorbar_for(vm, {f, f->current < 0 ? 0 : f->current});
}
Value fig_set_size(VM& vm, Args& a) {
    auto f = self_fig(vm, a)->fig;
    std::vector<double> s;
    for (int i = 1; i < a.n; ++i) {
        std::vector<double> part = to_doubles(vm, a[i]);
        s.insert(s.end(), part.begin(), part.end());
    }
    if (s.size() != 2) vm.value_error("set_size_inches() needs (width, height)");
    f->width = s[0];
    f->height = s[1];
    sync(vm);
    return Value();
}
Value fig_axes(VM& vm, Args& a) {
    auto f = self_fig(vm, a)->fig;
    std::vector<Value> out;
    for (size_t i = 0; i < f->axes.size(); ++i) out.push_back(make_axes(vm, {f, int(i)}));
    return vm.new_list(std::move(out));
}

// ---- Axes methods that are not commands
AxesObj* self_ax(VM& vm, Args& a) {
    AxesObj* x = a.n > 0 ? as_axes(a[0]) : nullptr;
    if (!x) vm.type_error("descriptor requires an 'Axes' object");
    return x;
}
Value ax_repr(VM& vm, Args& a) {
    Axes& ax = self_ax(vm, a)->ref.ax();
    std::string s = "<AxesSubplot: ";
    std::vector<std::string> parts;
    if (!ax.title.empty()) parts.push_back("title={'center': " + vm.repr(vm.str(ax.title)) + "}");
    if (!ax.xlabel.empty()) parts.push_back("xlabel=" + vm.repr(vm.str(ax.xlabel)));
    if (!ax.ylabel.empty()) parts.push_back("ylabel=" + vm.repr(vm.str(ax.ylabel)));
    for (size_t i = 0; i < parts.size(); ++i) s += (i ? ", " : "") + parts[i];
    return vm.str(s + ">");
}
Value ax_get_title(VM& vm, Args& a) { return vm.str(self_ax(vm, a)->ref.ax().title); }
Value ax_get_xlabel(VM& vm, Args& a) { return vm.str(self_ax(vm, a)->ref.ax().xlabel); }
Value ax_get_ylabel(VM& vm, Args& a) { return vm.str(self_ax(vm, a)->ref.ax().ylabel); }
Value ax_figure(VM& vm, Args& a) { return make_figure(vm, self_ax(vm, a)->ref.fig); }

// ---- axes array
AxesArrayObj* self_arr(VM& vm, Args& a) {
    AxesArrayObj* x = a.n > 0 ? obj_as<AxesArrayObj>(a[0]) : nullptr;
    if (!x) vm.type_error("descriptor requires an axes array");
    return x;
}
Value arr_getitem(VM& vm, Args& a) {
    AxesArrayObj* arr = self_arr(vm, a);
    check_nargs(vm, "__getitem__", a, 2, 2);
    auto idx = [&](const Value& v, int64_t n, int axis) {
        int64_t i = vm.to_index(v);
        if (i < -n || i >= n)
            vm.index_error("index " + std::to_string(i) + " is out of bounds for axis " +
                           std::to_string(axis) + " with size " + std::to_string(n));
        return i < 0 ? i + n : i;
    };
    const Value& k = a[1];
    if (arr->shape.size() == 1) return arr->items[size_t(idx(k, arr->shape[0], 0))];
    if (k.is_obj() && k.o->type == vm.t.tuple && k.as<Tuple>()->items.size() == 2) {
        auto& t = k.as<Tuple>()->items;
        return arr->items[size_t(idx(t[0], arr->shape[0], 0) * arr->shape[1] +
                                 idx(t[1], arr->shape[1], 1))];
    }
    int64_t r = idx(k, arr->shape[0], 0);
    auto* row = new AxesArrayObj(arr->type);
    Value rv(row);
    row->shape = {arr->shape[1]};
    for (int64_t c = 0; c < arr->shape[1]; ++c)
        row->items.push_back(arr->items[size_t(r * arr->shape[1] + c)]);
    return rv;
}
Value arr_len(VM& vm, Args& a) { return Value::integer(self_arr(vm, a)->shape[0]); }
Value arr_iter(VM& vm, Args& a) {
    AxesArrayObj* arr = self_arr(vm, a);
    std::vector<Value> out;
    for (int64_t i = 0; i < arr->shape[0]; ++i) {
        Value key = Value::integer(i);
        Value pair[2] = {a[0], key};
        Args b;
        b.pos = pair;
        b.n = 2;
        out.push_back(arr_getitem(vm, b));
    }
    return vm.iter(vm.new_list(std::move(out)));
}
Value arr_flatten(VM& vm, Args& a) {
    AxesArrayObj* arr = self_arr(vm, a);
    auto* flat = new AxesArrayObj(arr->type);
    Value fv(flat);
    flat->items = arr->items;
    flat->shape = {int64_t(arr->items.size())};
    return fv;
}
Value arr_shape(VM& vm, Args& a) {
    std::vector<Value> s;
    for (int64_t d : self_arr(vm, a)->shape) s.push_back(Value::integer(d));
    return vm.new_tuple(std::move(s));
}
Value arr_repr(VM& vm, Args& a) {
    AxesArrayObj* arr = self_arr(vm, a);
    auto item = [&](size_t i) { return vm.repr(arr->items[i]); };
    std::string s = "array([";
    if (arr->shape.size() == 1) {
        for (size_t i = 0; i < arr->items.size(); ++i) s += (i ? ", " : "") + item(i);
    } else {
        for (int64_t r = 0; r < arr->shape[0]; ++r) {
            s += r ? ",\n       [" : "[";
            for (int64_t c = 0; c < arr->shape[1]; ++c)
                s += (c ? ", " : "") + item(size_t(r * arr->shape[1] + c));
            s += "]";
        }
    }
    return vm.str(s + "], dtype=object)");
}

Value artist_repr(VM& vm, Args& a) { return vm.str(static_cast<ArtistObj*>(a[0].o)->repr); }
Value artist_str(VM& vm, Args& a) { return vm.str(static_cast<ArtistObj*>(a[0].o)->str); }

Value stub(VM& vm, Args& a) { not_supported(vm, "matplotlib.pyplot." + std::string(a.fn->name)); }
Value ax_stub(VM& vm, Args& a) { not_supported(vm, "Axes." + std::string(a.fn->name)); }

void add_prop(VM& vm, Type* t, const char* name, NativeFn fn) {
    auto* p = new Property(vm.t.property);
    Value pv(p);
    p->fget = vm.new_native(name, fn);
    vm.add_attr(t, name, pv);
}

const char* kStubs[] = {"pie",
                        "fill_between",
                        "fill",
                        "axhline",
                        "axvline",
                        "hlines",
                        "vlines",
                        "errorbar",
                        "boxplot",
                        "violinplot",
                        "contour",
                        "contourf",
                        "quiver",
                        "stem",
                        "step",
                        "stackplot",
                        "semilogx",
                        "semilogy",
                        "loglog",
                        "annotate",
                        "axis",
                        "twinx",
                        "twiny",
                        "pcolormesh",
                        "pcolor",
                        "hexbin",
                        "polar",
                        "table",
                        "arrow",
                        "clf",
                        "cla",
                        "ion",
                        "ioff",
                        "pause",
                        "draw",
                        "style",
                        "rc",
                        "rcParams",
                        "subplots_adjust",
                        "margins",
                        "tick_params",
                        "figtext",
                        "axes",
                        "locator_params",
                        "minorticks_on",
                        "set_cmap",
                        "clim",
                        "hist2d"};

void init_pyplot(VM& vm, const Value& m) {
    Value mpl = vm.import_module("matplotlib");
    vm.set_global(mpl, "pyplot", m);
    Type* st_t = vm.new_type("_PlotState", vm.t.object, Layout::Other);
    auto* st = new PlotState(st_t);
    vm.set_global(m, "_state", Value(st));
    vm.plot_state = st;

    Type* F = vm.new_type("Figure", vm.t.object, Layout::Other);
    F->module = "matplotlib.figure";
    static const VM::MethodDef kFigureMethods[] = {
        {"__repr__", fig_repr},
        {"__str__", fig_str},
        {"add_subplot", fig_add_subplot},
        {"gca", fig_gca},
        {"colorbar", fig_colorbar},
        {"suptitle", plt_suptitle},
        {"set_size_inches", fig_set_size},
        {"tight_layout", plt_noop},
        {"savefig", plt_noop},
        {"show", plt_noop},
    };
    vm.add_methods(F, kFigureMethods);
    add_prop(vm, F, "axes", fig_axes);
    st->figure_t = F;

    Type* A = vm.new_type("AxesSubplot", vm.t.object, Layout::Other);
    A->module = "matplotlib.axes._subplots";
    for (auto& d : commands()) {
        if (!d.ax_name) continue;
        Value f = vm.new_native(d.ax_name, ax_command);
        f.as<NativeFunc>()->data = Value::integer(int64_t(reinterpret_cast<intptr_t>(&d)));
        vm.add_attr(A, d.ax_name, f);
    }
    static const VM::MethodDef kAxesMethods[] = {
        {"__repr__", ax_repr},
        {"get_title", ax_get_title},
        {"get_xlabel", ax_get_xlabel},
        {"get_ylabel", ax_get_ylabel},
    };
    vm.add_methods(A, kAxesMethods);
    add_prop(vm, A, "figure", ax_figure);
    for (const char* s : kStubs) vm.add_method(A, s, ax_stub);
    st->axes_t = A;

    Type* R = vm.new_type("ndarray", vm.t.object, Layout::Other);
    R->module = "numpy";
    static const VM::MethodDef kArrayMethods[] = {
        {"__getitem__", arr_getitem}, {"__len__", arr_len},     {"__iter__", arr_iter},
        {"__repr__", arr_repr},       {"flatten", arr_flatten}, {"ravel", arr_flatten},
    };
    vm.add_methods(R, kArrayMethods);
    add_prop(vm, R, "flat", arr_flatten);
    add_prop(vm, R, "shape", arr_shape);
    st->axes_array_t = R;

    Type* T = vm.new_type("Artist", vm.t.object, Layout::Other);
    T->module = "matplotlib.artist";
    vm.add_method(T, "__repr__", artist_repr);
    vm.add_method(T, "__str__", artist_str);
    st->artist_t = T;

    for (auto& d : commands()) {
        if (!d.plt_name) continue;
        Value f = vm.new_native(d.plt_name, plt_command);
        f.as<NativeFunc>()->data = Value::integer(int64_t(reinterpret_cast<intptr_t>(&d)));
        vm.set_global(m, d.plt_name, f);
    }
    vm.set_global(m, "figure", vm.new_native("figure", plt_figure));
    vm.set_global(m, "subplots", vm.new_native("subplots", plt_subplots));
    vm.set_global(m, "subplot", vm.new_native("subplot", plt_subplot));
    vm.set_global(m, "gca", vm.new_native("gca", plt_gca));
    vm.set_global(m, "gcf", vm.new_native("gcf", plt_gcf));
    vm.set_global(m, "show", vm.new_native("show", plt_show));
    vm.set_global(m, "close", vm.new_native("close", plt_close));
    vm.set_global(m, "tight_layout", vm.new_native("tight_layout", plt_noop));
    vm.set_global(m, "savefig", vm.new_native("savefig", plt_noop));
    vm.set_global(m, "suptitle", vm.new_native("suptitle", plt_suptitle));
    vm.set_global(m, "colorbar", vm.new_native("colorbar", plt_colorbar));
    for (const char* s : kStubs) vm.set_global(m, s, vm.new_native(s, stub));
}

void init_matplotlib(VM& vm, const Value& m) {
    vm.set_global(m, "__version__", vm.str("3.6.3"));
    vm.set_global(m, "use", vm.new_native("use", plt_noop));
}

} // namespace

void register_plot_modules(VM& vm) {
    vm.register_module("matplotlib", init_matplotlib);
    vm.register_module("matplotlib.pyplot", init_pyplot);
}

} // namespace lmpy::plot
