// Python modules `matplotlib` and `matplotlib.pyplot` over the figure model (figure.h).
//
// State lives in a PlotState object held by the pyplot module (so it dies with the VM): the
// open figures (shared with the Figure/Axes Python objects that point into them) and the
// JSON of figures shown during the current run. After every call that changes a figure,
// vm.figures is rewritten as [shown figures..., open figures...]: figures a cell leaves open
// are displayed too, as Jupyter's inline backend does, and the Interpreter needs no hook.
// A new run is noticed when vm.figures no longer holds what was last written (the
// Interpreter resets it to "[]"); the previous run's open figures are then closed.
// Every command is one function over an Axes, shared by `plt.f(...)` and `ax.f(...)`.
#include "plot/pyplot.h"
#include "py/numfmt.h"
#include <cmath>
#include <cstdio>

namespace lmpy::plot {

PlotState& state(VM& vm) {
    if (!vm.plot_state) vm.import_module("matplotlib.pyplot");
    return *static_cast<PlotState*>(vm.plot_state);
}

void sync(VM& vm) {
    PlotState& st = state(vm);
    if (vm.figures != st.last_written) { // a new run began
        st.shown.clear();
        st.open.clear();
    }
    std::string out = "[" + st.shown;
    for (auto& f : st.open) {
        if (out.size() > 1) out += ",";
        out += to_json(*f);
    }
    out += "]";
    vm.figures = out;
    st.last_written = vm.figures;
}

void begin(VM& vm) {
    PlotState& st = state(vm);
    if (vm.figures != st.last_written) {
        st.shown.clear();
        st.open.clear();
        st.last_written = vm.figures;
    }
}

std::shared_ptr<Figure> new_figure(VM& vm, double w, double h) {
    begin(vm);
    PlotState& st = state(vm);
    auto f = std::make_shared<Figure>();
    f->number = st.next_number++;
    f->width = w;
    f->height = h;
    st.open.push_back(f);
    return f;
}

std::shared_ptr<Figure> gcf(VM& vm) {
    begin(vm);
    PlotState& st = state(vm);
    if (st.open.empty()) return new_figure(vm, 6.4, 4.8);
    return st.open.back();
}

AxesRef gca(VM& vm) {
    auto f = gcf(vm);
    if (f->axes.empty()) {
        f->axes.emplace_back();
        f->current = 0;
    }
    if (f->current < 0) f->current = int(f->axes.size()) - 1;
    return {f, f->current};
}

void show(VM& vm) {
    begin(vm);
    PlotState& st = state(vm);
    for (auto& f : st.open) {
        if (!st.shown.empty()) st.shown += ",";
        st.shown += to_json(*f);
    }
    st.open.clear();
    sync(vm);
}

void close(VM& vm, const Value* which) {
    begin(vm);
    PlotState& st = state(vm);
    if (!which || which->is_none()) {
        if (!st.open.empty()) st.open.pop_back();
    } else if (which->is_obj() && which->o->type == vm.t.str) {
        if (which->as<Str>()->s == "all")
            st.open.clear();
        else
            vm.raise(
                vm.t.NotImplementedError,
                "matplotlib.pyplot.close() by figure label is not supported in this playground");
    } else if (auto* fo = as_figure(*which)) {
        for (size_t i = 0; i < st.open.size(); ++i)
            if (st.open[i] == fo->fig) {
                st.open.erase(st.open.begin() + long(i));
                break;
            }
    } else if (is_int(vm, *which)) {
        int64_t n = vm.to_index(*which);
        for (size_t i = 0; i < st.open.size(); ++i)
            if (st.open[i]->number == n) {
                st.open.erase(st.open.begin() + long(i));
                break;
            }
    } else {
        vm.type_error("close() argument must be a Figure, an int, a string, or None, not " +
                      vm.repr(*which));
    }
    sync(vm);
}

} // namespace lmpy::plot
