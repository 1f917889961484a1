// fuzz_qdpx_qde.cpp — the project.qde of a REFI-QDA project (.qdpx): the reader of users, codes,
// sources, selections, cases and variables that the QDPX import builds a project from.
#include "fuzz/fuzz_target.hpp"

NPT_FUZZ_TARGET("qdpx_qde")
