// query_view.hpp — Write-up > Query and autocode: a coding query (codes with AND / OR / NOT /
// NEAR n / SAME TURN and parentheses, with completion of code paths), a text search (ignoring
// case, accents and white space runs) or a speaker's turns; the results as a list of passages
// (grown to the sentence, paragraph or turn when asked), each a click away from the transcript;
// and "Code the results": every kept passage coded with one code for the active coder as ONE
// undoable step. The passages come from core plan_autocode and are applied with apply_autocode,
// the functions `nptcoder autocode` calls, so the window and the command code the same text.
// Below, the code co-occurrence table (core code_cooccurrence, as `nptcoder cooccurrence`).
#pragma once
#include <imgui.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.hpp"
#include "core/query/autocode.hpp"
#include "core/query/cooccurrence.hpp"

namespace npt::gui {

class App;

class QueryView {
public:
    void open() { visible_ = true; }
    bool visible() const { return visible_; }
    void poll(App& app);  // re-plans when the project changed under a shown result
    void draw(App& app);
    bool busy() const { return false; }  // plans run on the GUI thread: milliseconds per study

    // What the form holds (tests and --view set them as a user would type them).
    void set_source(AutocodeSource source) { request_.source = source; }
    void set_pattern(const std::string& pattern) { pattern_ = pattern; }
    void set_extend(AutocodeExtent extend) { request_.extend = extend; }
    void set_code(CodeId code) { code_ = code; }
    const std::string& pattern() const { return pattern_; }

    // Runs the request: the passages, and which the code already covers for the active coder.
    // An error (bad query, unknown speaker) is shown in the window, not thrown.
    void run(App& app);
    const std::optional<AutocodePlan>& plan() const { return plan_; }
    const std::string& error() const { return error_; }
    const std::string& status() const { return status_; }
    void keep(std::size_t passage, bool kept);
    // Codes the kept, not yet covered passages with the chosen code for the active coder (one
    // undo step), then re-plans. Returns whether anything was coded.
    bool code_results(App& app);

    // Completions for the code path being typed at the end of a query ("Coh" → codes containing it).
    static std::vector<std::string> completions(const std::vector<Code>& codes, const std::string& query,
                                                std::size_t limit = 8);
    // The query with its last (partly typed) code path replaced by `path`, quoted when needed.
    static std::string complete(const std::string& query, const std::string& path);

    // Where a button was drawn in the last frame (tests click it): "Run", "Code results".
    std::optional<ImVec2> button_centre(const std::string& label) const;

private:
    void draw_form(App& app);
    void draw_results(App& app);
    void draw_cooccurrence(App& app);
    void note_button(const std::string& label);
    const Code* chosen_code(App& app) const;

    bool visible_ = false;
    AutocodeRequest request_;
    std::string pattern_;
    CodeId code_;
    std::optional<AutocodePlan> plan_;
    std::vector<char> kept_;
    std::uint64_t planned_revision_ = ~0ull;
    std::string error_, status_;
    std::optional<CooccurrenceTable> cooccurrence_;
    std::uint64_t cooccurrence_revision_ = ~0ull;
    std::map<std::string, ImVec2> buttons_;  // centres, last frame
};

}  // namespace npt::gui
