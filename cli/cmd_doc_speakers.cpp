// cmd_doc_speakers.cpp — `doc speakers`: find a stored document's speaker turns again with another
// layout or pattern, without re-importing it (the text and its codings stay as they are).
#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "core/model/documents.hpp"
#include "core/text/media_time.hpp"
#include "core/text/utf8_text.hpp"
#include "importers/speaker_redetect.hpp"

namespace npt::cli {
namespace {

std::string speaker_summary(const importers::SpeakerRedetection& r) {
    std::string out;
    for (const auto& [name, turns] : r.speakers) out += (out.empty() ? "" : ", ") + fmt::format("{} ({})", name, turns);
    return out;
}

// The first words of a turn, on one line.
std::string opening(const text::CodePointIndex& index, const SpeakerTurn& t) {
    constexpr std::int64_t kShown = 60;
    std::string s(index.slice(static_cast<std::size_t>(t.start), static_cast<std::size_t>(std::min(t.end, t.start + kShown))));
    for (char& c : s)
        if (c == '\n' || c == '\t') c = ' ';
    return t.end - t.start > kShown ? s + "…" : s;
}

nlohmann::json result_json(const DocumentInfo& d, const importers::SpeakerRedetection& r) {
    nlohmann::json turns = nlohmann::json::array();
    for (const SpeakerTurn& t : r.turns) {
        nlohmann::json tj = {{"start", t.start}, {"end", t.end}, {"speaker", t.speaker}};
        tj["start_ms"] = t.start_ms ? nlohmann::json(*t.start_ms) : nlohmann::json(nullptr);
        tj["end_ms"] = t.end_ms ? nlohmann::json(*t.end_ms) : nlohmann::json(nullptr);
        turns.push_back(tj);
    }
    nlohmann::json speakers = nlohmann::json::array();
    for (const auto& [name, count] : r.speakers) speakers.push_back({{"speaker", name}, {"turns", count}});
    return {{"document", d.name},        {"layout", importers::to_string(r.layout)}, {"applied", r.applied},
            {"previous_turns", r.previous_turns}, {"speakers", speakers},          {"speaker_turns", turns}};
}

}  // namespace

void add_doc_speakers_command(CLI::App* doc) {
    struct Opts { std::string path, name, pattern, layout = "auto"; bool dry_run = false, json = false; };
    auto o = std::make_shared<Opts>();
    auto* cmd = doc->add_subcommand(
        "speakers",
        "Find a document's speaker turns again (another layout or pattern) and replace them in one undoable step; the text "
        "and its codings do not change\n  e.g. nptcoder doc speakers study.nptq p01.txt --layout otter --dry-run");
    cmd->add_option("project", o->path, "Project file")->required();
    cmd->add_option("name", o->name, "Document name")->required();
    cmd->add_option("--pattern,--speaker-pattern", o->pattern,
                    "ICU regex for speaker labels at line starts (the labels layout; as import --speaker-pattern)");
    cmd->add_option("--layout", o->layout, "auto (default), labels, otter (Otter.ai TXT) or table (Word Speaker|Text table)");
    cmd->add_flag("--dry-run", o->dry_run, "Show the turns it would set; change nothing");
    cmd->add_flag("--json", o->json, "Print the layout, speakers and turns as JSON");
    cmd->callback([o] {
        importers::SpeakerLayout layout = importers::speaker_layout_from_string(o->layout);
        Project p = open_project(o->path);
        DocumentInfo d = require_document(p, o->name);
        importers::SpeakerRedetection r = importers::redetect_speakers(p, d.id, layout, o->pattern, o->dry_run);
        if (o->json) {
            print_json(result_json(d, r));
            return;
        }
        if (o->dry_run) {
            std::string text = document_text(p, d.id);
            text::CodePointIndex index(text);
            for (const SpeakerTurn& t : r.turns)
                std::cout << fmt::format("{:>9}-{:<9} {:<8} {}: {}\n", t.start, t.end,
                                         t.start_ms ? format_media_time(*t.start_ms) : "", t.speaker, opening(index, t));
            std::cout << fmt::format("Would set {} speaker turn(s) of {} (layout {}; now {}): {}\n", r.turns.size(), d.name,
                                     importers::to_string(r.layout), r.previous_turns,
                                     r.speakers.empty() ? "no speakers" : speaker_summary(r));
            return;
        }
        std::cout << fmt::format("Set {} speaker turn(s) of {} (layout {}; was {}): {}. Text and codings unchanged; nptcoder undo "
                                 "restores the old turns\n",
                                 r.turns.size(), d.name, importers::to_string(r.layout), r.previous_turns, speaker_summary(r));
    });
}

}  // namespace npt::cli
