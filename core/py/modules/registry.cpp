// Modules beyond math register here; each lives in its own file and adds itself to this list.
#include "py/runtime.h"

namespace lmpy {

void register_extra_modules(VM& vm) { (void)vm; }

} // namespace lmpy
