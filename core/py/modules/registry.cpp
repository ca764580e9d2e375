// Modules beyond math register here; each lives in its own file and adds itself to this list.
#include "py/runtime.h"

namespace lmpy {
void register_collections_module(VM& vm); // core/py/modules (stdlib)
void register_heapq_module(VM& vm);
void register_re_module(VM& vm);
void register_random_module(VM& vm);
void register_itertools_module(VM& vm);
void register_functools_module(VM& vm);
void register_string_module(VM& vm);
void register_time_module(VM& vm);
void register_sys_module(VM& vm);
void register_copy_module(VM& vm);
void register_dataclasses_module(VM& vm);
void register_typing_module(VM& vm);
namespace ml { void register_sklearn_modules(VM& vm); }   // core/ml (sklearn)
namespace plot { void register_plot_modules(VM& vm); }    // core/plot (matplotlib)
namespace np { void register_numpy_modules(VM& vm); }     // core/np (numpy)

void register_extra_modules(VM& vm) {
    register_collections_module(vm);
    register_heapq_module(vm);
    register_re_module(vm);
    register_random_module(vm);
    register_itertools_module(vm);
    register_functools_module(vm);
    register_string_module(vm);
    register_time_module(vm);
    register_sys_module(vm);
    register_copy_module(vm);
    register_dataclasses_module(vm);
    register_typing_module(vm);
    ml::register_sklearn_modules(vm);   // core/ml
    plot::register_plot_modules(vm);    // core/plot
    np::register_numpy_modules(vm);     // core/np
}

} // namespace lmpy
