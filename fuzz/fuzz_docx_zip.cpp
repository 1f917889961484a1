// fuzz_docx_zip.cpp — DOCX as the raw bytes of a file: the zip reader (limits, unsafe paths),
// _rels/.rels, then the body walk.
#include "fuzz/fuzz_target.hpp"

NPT_FUZZ_TARGET("docx_zip")
