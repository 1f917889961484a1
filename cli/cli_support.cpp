// cli_support.cpp — shared helpers of the command-line front end.
#include "cli/cli_support.hpp"

#include <cstdlib>

namespace npt::cli {

Project open_project(const std::string& path) {
    Project project = Project::open(path);
    if (const char* who = std::getenv("NPT_ACTOR"); who && *who) project.set_actor(who);
    return project;
}

void print_json(const nlohmann::json& value) {
    std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void add_format_options(CLI::App* cmd, Format& format, Format default_format) {
    format = default_format;
    static const std::map<std::string, Format> names = {{"text", Format::Text}, {"csv", Format::Csv}, {"json", Format::Json}};
    cmd->add_option("--format", format, "Output format: text, csv or json")
        ->transform(CLI::CheckedTransformer(names, CLI::ignore_case));
    cmd->add_flag_callback("--json", [&format] { format = Format::Json; }, "Same as --format json");
}

void add_where_option(CLI::App* cmd, std::vector<std::string>& where) {
    cmd->add_option("--where", where,
                    "Only cases with this attribute value, e.g. \"group=Hub client\" (repeatable: values of one\n"
                    "  attribute are alternatives, different attributes must all hold)");
}

void add_segment_filter_options(CLI::App* cmd, SegmentFilter& filter, std::vector<std::string>& where) {
    cmd->add_option("--doc", filter.documents, "Only these documents");
    cmd->add_option("--code", filter.codes, "Only these codes (paths)");
    cmd->add_flag("--descendants", filter.include_descendants, "A code also selects the codes below it");
    cmd->add_option("--coder", filter.coders, "Only these coders");
    cmd->add_option("--case", filter.cases, "Only documents of these cases");
    add_where_option(cmd, where);
}

}  // namespace npt::cli
