// Internal interface of the matplotlib binding: per-VM state, the Figure/Axes Python objects,
// and the commands shared by pyplot's functions and the Axes methods (commands.cpp).
#pragma once
#include "plot/figure.h"
#include "py/runtime.h"
#include <memory>
#include <string>
#include <vector>

namespace lmpy::plot {

struct PlotState : Obj {
    std::vector<std::shared_ptr<Figure>> open; // the last is the current figure
    int next_number = 1;
    std::string shown;        // JSON objects of figures shown this run, comma-separated
    std::string last_written; // vm.figures as last written here
    Type *figure_t = nullptr, *axes_t = nullptr, *axes_array_t = nullptr, *artist_t = nullptr;
    explicit PlotState(Type* t) : Obj(t) {}
};

struct AxesRef {
    std::shared_ptr<Figure> fig;
    int index = 0;
    Axes& ax() const { return fig->axes[size_t(index)]; }
};

struct FigureObj : Obj {
    LMPY_OBJ_KIND
    std::shared_ptr<Figure> fig;
    FigureObj(Type* t, std::shared_ptr<Figure> f) : Obj(t), fig(std::move(f)) {}
};
struct AxesObj : Obj {
    LMPY_OBJ_KIND
    AxesRef ref;
    AxesObj(Type* t, AxesRef r) : Obj(t), ref(std::move(r)) {}
};
// numpy-like object array of Axes returned by subplots(r, c) when r * c > 1.
struct AxesArrayObj : Obj {
    LMPY_OBJ_KIND
    std::vector<Value> items;
    std::vector<int64_t> shape;
    AxesArrayObj(Type* t) : Obj(t) {}
};
// Any other returned artist: only its repr/str matter.
struct ArtistObj : Obj {
    std::string repr, str;
    ArtistObj(Type* t, std::string r, std::string s)
        : Obj(t), repr(std::move(r)), str(std::move(s)) {}
};

PlotState& state(VM& vm);
void begin(VM& vm); // notices a new run
void sync(VM& vm);  // rewrites vm.figures
std::shared_ptr<Figure> new_figure(VM& vm, double w, double h);
std::shared_ptr<Figure> gcf(VM& vm);
AxesRef gca(VM& vm);
void show(VM& vm);
void close(VM& vm, const Value* which);

inline FigureObj* as_figure(const Value& v) { return obj_as<FigureObj>(v); }
inline AxesObj* as_axes(const Value& v) { return obj_as<AxesObj>(v); }
Value make_figure(VM& vm, std::shared_ptr<Figure> f);
Value make_axes(VM& vm, AxesRef r);
Value make_artist(VM& vm, std::string repr, std::string str = "");
std::string addr_repr(const char* cls, const void* p); // "<cls object at 0x...>"

// Arguments: positional from `first` on (0 for plt.*, 1 for ax.* where a[0] is self).
struct CallArgs {
    VM& vm;
    Args& a;
    int first;
    const char* fname; // for messages, e.g. "plot"
    int npos() const { return a.n - first; }
    const Value& pos(int i) const { return a.pos[first + i]; }
    const Value* kw(const char* name) const { return a.kw(vm, name); }
    const Value* get(int i, const char* name) const { return i < npos() ? &pos(i) : kw(name); }
};

// The commands (each returns what matplotlib returns).
using Command = Value (*)(CallArgs& c, AxesRef r);
struct CommandDef {
    const char* plt_name; // nullptr: Axes only
    const char* ax_name;  // nullptr: pyplot only
    Command fn;
};
const std::vector<CommandDef>& commands();

// Helpers for data arguments.
std::vector<double> to_doubles(VM& vm, const Value& v);
// Columns of a 1-D or 2-D input (a 2-D y gives one series per column).
std::vector<std::vector<double>> to_columns(VM& vm, const Value& v);
bool is_strings(VM& vm, const Value& v, std::vector<std::string>* out);
std::string color_arg(VM& vm, const Value& v);
[[noreturn]] void raise_plot(VM& vm, const PlotError& e);
[[noreturn]] void not_supported(VM& vm, const std::string& fname);

} // namespace lmpy::plot
