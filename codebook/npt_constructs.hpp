// npt_constructs.hpp — NPT's core constructs as the built-in NPT codebook names them, and the
// default columns a matrix takes from them in a project: the constructs the project's codebook
// holds, or the codes directly under them (the sub-constructs). The core knows no theory: the
// CLI and GUI resolve these paths here and hand them to create_matrix and matrix_query.
#pragma once
#include <string>
#include <vector>

#include "core/store/project.hpp"

namespace npt::codebook {

// The paths of the built-in "npt" codebook's constructs, in the theory's order
// (Coherence, Cognitive participation, Collective action, Reflexive monitoring).
const std::vector<std::string>& npt_construct_paths();

// Default matrix columns for `project`: the NPT constructs present in its code tree, in the
// theory's order, or with `sub_constructs` the codes directly under each of them, in tree order.
// Empty when the project has none of them.
std::vector<std::string> npt_default_columns(Project& project, bool sub_constructs);

// True when one of `code_paths` is a construct (a code with codes below it) of a built-in NPT
// codebook: agreement then counts its sub-constructs by default, since nobody codes the construct
// itself. The CLI's `agreement --codes` and the workbench's agreement view both decide with this.
bool names_builtin_construct(const std::vector<std::string>& code_paths);

}  // namespace npt::codebook
