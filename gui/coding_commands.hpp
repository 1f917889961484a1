// coding_commands.hpp — what the workbench's coding gestures do, each one undoable action made of
// core calls (the same ones the CLI uses): code a selection as the active coder, uncode it, make
// an in-vivo code from the selected words. Offsets are code points.
#pragma once
#include <string>

#include "core/model/model.hpp"

namespace npt::gui {

// Applies the code to [span) as `coder` (created if new), optionally snapped to whole words
// first. One action labelled "Code <path>". Throws InputError for an empty or outside span,
// NotFoundError for an unknown document or code.
Coding code_selection(Project& project, DocumentId document_id, CodeId code_id, const std::string& coder, Span span,
                      bool snap_to_words);

// Removes the code from [span) for `coder`. Returns how many codings changed (0 is not an error).
int uncode_selection(Project& project, DocumentId document_id, CodeId code_id, const std::string& coder, Span span);

// Makes an in-vivo code under "In vivo" from the selected words (core/model/in_vivo.hpp) and applies
// it as `coder` (created if new); one action. Returns the code's path.
std::string code_in_vivo_as(Project& project, DocumentId document_id, const std::string& coder, Span span);

}  // namespace npt::gui
