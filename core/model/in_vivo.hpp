// in_vivo.hpp — in-vivo coding: a new code named from the participant's own words in the
// selection, applied to that selection in the same action (one undo step).
#pragma once
#include <string>
#include <string_view>

#include "core/model/model.hpp"

namespace npt {

// The code name made from selected text: white space collapsed to single spaces, surrounding
// spaces, quotes and punctuation trimmed, cut at a word end to at most `max_code_points` (an
// ellipsis marks a cut). Throws InputError when no word is left.
std::string in_vivo_name(std::string_view selected_text, std::size_t max_code_points = 60);

struct InVivoResult {
    Code code;
    Coding coding;
    bool code_created = false;  // false when a code of that name already existed and was reused
};

// Snaps the span to whole words when asked, names a code from its text under `parent_path` ("" =
// the top level; missing parents are created), creates it unless it exists, and codes the span as
// `coder` (added when new, as `code add` does; the coding rule applies). One action. Throws
// NotFoundError (document),
// InputError (offsets, or a selection without words).
InVivoResult code_in_vivo(Project& project, const std::string& document, Span span, const std::string& coder,
                          const std::string& parent_path = "", bool snap_words = true);

}  // namespace npt
