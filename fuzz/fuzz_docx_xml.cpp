// fuzz_docx_xml.cpp — DOCX with the input as word/document.xml inside a valid zip, so the fuzzer
// spends its time on the XML and the body walk rather than on zip headers (the stored zip is
// built by fuzz_calls.hpp stored_zip).
#include "fuzz/fuzz_target.hpp"

NPT_FUZZ_TARGET("docx_xml")
