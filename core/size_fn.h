// LMPY_SIZE_FN marks the rarely-called functions of files compiled for speed (CMakeLists'
// LMPY_WASM_HOT): clang optimises them for size, as the cold files are, so a file can be hot
// for its few hot functions without its registration tables and error paths growing.
// (A whole-file split measured worse after gzip for the NumPy kernels: Eigen's templates
// moved with them.) GCC, used for the native build, has no such attribute.
#pragma once
#if defined(__clang__)
#define LMPY_SIZE_FN __attribute__((minsize))
#else
#define LMPY_SIZE_FN
#endif

// The same for every function between LMPY_SIZE_BEGIN and LMPY_SIZE_END (lambdas included):
// a hot file marks its cold stretches instead of each function in them.
#if defined(__clang__)
#define LMPY_SIZE_BEGIN _Pragma("clang attribute push(__attribute__((minsize)), apply_to = function)")
#define LMPY_SIZE_END _Pragma("clang attribute pop")
#else
#define LMPY_SIZE_BEGIN
#define LMPY_SIZE_END
#endif
