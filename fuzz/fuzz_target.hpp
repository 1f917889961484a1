// fuzz_target.hpp — one libFuzzer entry point per target: the input goes to the target's parser
// (fuzz_calls.hpp), which may only fail with one of the core's exceptions (npt::Error: a one-line
// message for the user). Anything else — a crash, a sanitizer report, another exception — is a bug.
#pragma once
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_calls.hpp"

#define NPT_FUZZ_TARGET(name)                                                              \
    extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {     \
        try {                                                                              \
            npt::fuzz::call_parser(name, {reinterpret_cast<const char*>(data), size});     \
        } catch (const npt::Error&) {                                                      \
        }                                                                                  \
        return 0;                                                                          \
    }
