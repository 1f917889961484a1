// import_dialog.cpp — the import dialog: options, progress, summary, and pasting text as a new
// document.
#include "gui/import_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cstdio>
#include <iterator>
#include <utility>

#include "core/model/documents.hpp"
#include "gui/app.hpp"
#include "gui/dialog_keys.hpp"
#include "importers/import_batch.hpp"

namespace npt::gui {
namespace fs = std::filesystem;
namespace {

constexpr const char* kPasteTitle = "Paste as new document";

// "1.2 MB", "340 KB", "12 bytes".
std::string bytes_text(std::uint64_t n) {
    char buf[32];
    if (n >= 1000 * 1000) std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(n) / 1e6);
    else if (n >= 1000) std::snprintf(buf, sizeof buf, "%.0f KB", static_cast<double>(n) / 1e3);
    else std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(n));
    return buf;
}

// The width a dialog needs for `lines` unwrapped (plus `extra` px, e.g. a bullet's indent), kept
// between a width that fits its buttons and most of the window; the dialog then wraps within it.
float dialog_width(const std::vector<std::string>& lines, float extra = 0) {
    const float em = ImGui::GetFontSize();
    float w = 0;
    for (const std::string& l : lines) w = std::max(w, ImGui::CalcTextSize(l.c_str()).x);
    const ImGuiStyle& st = ImGui::GetStyle();
    w += extra + st.WindowPadding.x * 2 + st.ScrollbarSize;
    return std::clamp(w, em * 26, std::max(em * 26, ImGui::GetIO().DisplaySize.x * 0.85f));
}

// Sizes the next modal: `width` wide, as tall as its content (0 = fit), centred.
void size_next_dialog(float width) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowSize({width, 0}, ImGuiCond_Always);
    ImGui::SetNextWindowSizeConstraints({0, 0}, {display.x * 0.95f, display.y * 0.9f});
    ImGui::SetNextWindowPos({display.x * 0.5f, display.y * 0.5f}, ImGuiCond_Appearing, {0.5f, 0.5f});
}

// A button as wide as its label needs and at least `min_em` em.
bool button(const char* label, float min_em = 6) {
    const float w = std::max(ImGui::GetFontSize() * min_em, ImGui::CalcTextSize(label, nullptr, true).x +
                                                                ImGui::GetStyle().FramePadding.x * 2);
    return ImGui::Button(label, {w, 0});
}

std::string summary_line(const importers::ImportedFile& f) {
    return "imported  " + f.document + "  (" + f.format + ", " + std::to_string(f.turns) + " turns)";
}

}  // namespace

ImportDialog::ImportDialog() = default;
ImportDialog::~ImportDialog() = default;

void ImportDialog::open(App& app) {
    browser_.open("Import documents", FileBrowser::Mode::OpenMany,
                  {{"Transcripts (.txt .docx .vtt .srt .pdf)", {".txt", ".text", ".md", ".docx", ".vtt", ".srt", ".pdf"}},
                   {"All files", {}}},
                  app.settings());
}

void ImportDialog::start(App& app, std::vector<std::string> paths) {
    if (!app.has_project()) return;
    if (job_) {
        queued_.insert(queued_.end(), std::make_move_iterator(paths.begin()), std::make_move_iterator(paths.end()));
        return;
    }
    importers::ImportOptions options;
    options.case_name = case_name_;
    options.speaker_cases = speaker_cases_;
    options.rename = rename_;
    done_ = 0;
    total_ = paths.size();
    bytes_done_ = bytes_total_ = 0;
    current_.clear();
    error_.clear();
    summary_.reset();
    job_ = std::make_unique<ImportJob>(app.project().path(), std::move(paths), options, app.coder());
    show_progress_ = true;
}

void ImportDialog::cancel() {
    queued_.clear();
    if (job_) job_->cancel();
}

std::string ImportDialog::progress_text() const {
    std::string s = std::to_string(done_) + " of " + std::to_string(total_) + " file" + (total_ == 1 ? "" : "s");
    if (bytes_total_ > 0) s += ", " + bytes_text(bytes_done_) + " of " + bytes_text(bytes_total_);
    return s;
}

void ImportDialog::poll(App& app) {
    if (!job_) return;
    for (ImportEvent& e : job_->take_events()) {
        switch (e.kind) {
        case ImportEvent::Kind::BatchStarted:
            total_ = e.total;
            bytes_total_ = e.bytes_total;
            break;
        case ImportEvent::Kind::FileStarted:
            total_ = e.total;
            bytes_done_ = e.bytes_done;
            current_ = fs::path(e.path).filename().string();
            break;
        case ImportEvent::Kind::FileFinished:
            done_ = e.index + 1;
            total_ = e.total;
            bytes_done_ = e.bytes_done;
            break;
        case ImportEvent::Kind::Done:
            summary_ = std::move(e.summary);
            error_ = e.error;
            job_.reset();
            show_summary_ = true;
            app.refresh();
            if (!error_.empty()) app.show_error(error_);
            if (!queued_.empty()) start(app, std::exchange(queued_, {}));
            return;
        }
    }
}

void ImportDialog::paste(App& app) {
    if (!app.has_project()) return;
    const char* clip = ImGui::GetClipboardText();
    paste_text_ = clip ? clip : "";
    paste_message_.clear();
    // "Pasted text", "Pasted text 2", ...: the first name not in the project.
    paste_name_ = "Pasted text";
    for (int n = 2; std::any_of(app.snapshot().documents.begin(), app.snapshot().documents.end(),
                                [&](const DocumentInfo& d) { return d.name == paste_name_; });
         ++n)
        paste_name_ = "Pasted text " + std::to_string(n);
    paste_open_ = true;
}

bool ImportDialog::import_paste(App& app) {
    if (!app.has_project()) return false;
    importers::ImportOptions options;
    options.format = importers::SourceFormat::Text;  // the plain-text path, whatever the text looks like
    options.case_name = case_name_;
    options.speaker_cases = speaker_cases_;
    const importers::ImportSummary s = importers::import_bytes(app.project(), paste_text_, paste_name_, "clipboard", options);
    app.refresh();
    if (!s.imported.empty()) {
        paste_message_.clear();
        const std::string name = s.imported.front().document;
        app.act([&] { app.open_document_named(name); });
        return true;
    }
    if (!s.skipped.empty())
        paste_message_ = "The same text is already in the project, as " + s.skipped.front().same_as + ".";
    else if (!s.failed.empty())
        paste_message_ = s.failed.front().reason;
    return false;
}

void ImportDialog::draw(App& app) {
    if (auto chosen = browser_.draw(app.settings())) {
        pending_.clear();
        for (const fs::path& p : *chosen) pending_.push_back(p.string());
        show_options_ = true;
        app.save_settings();
    }
    const float em = ImGui::GetFontSize();
    if (show_options_) {
        ImGui::OpenPopup("Import options");
        show_options_ = false;
    }
    if (ImGui::IsPopupOpen("Import options")) {
        std::vector<std::string> lines{std::to_string(pending_.size()) + " file(s) or folder(s) chosen"};
        for (std::size_t i = 0; i < pending_.size() && i < 6; ++i) lines.push_back(pending_[i]);
        size_next_dialog(dialog_width(lines, em * 1.5f));
    }
    if (ImGui::BeginPopupModal("Import options", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::Text("%zu file(s) or folder(s) chosen", pending_.size());
        ImGui::PushTextWrapPos(0);
        for (std::size_t i = 0; i < pending_.size() && i < 6; ++i) ImGui::BulletText("%s", pending_[i].c_str());
        ImGui::PopTextWrapPos();
        if (pending_.size() > 6) ImGui::TextDisabled("... and %zu more", pending_.size() - 6);
        ImGui::Separator();
        ImGui::SetNextItemWidth(em * 16);
        ImGui::InputTextWithHint("Link to case", "(none)", case_name_, sizeof case_name_);
        ImGui::Checkbox("One case per speaker", &speaker_cases_);
        ImGui::Checkbox("Rename when a name is taken", &rename_);
        if (button("Import", 7)) {
            ImGui::CloseCurrentPopup();
            start(app, pending_);
        }
        ImGui::SameLine();
        if (button("Cancel", 7) || escape_pressed()) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    if (show_progress_ && job_) {
        ImGui::OpenPopup("Importing");
        show_progress_ = false;
    }
    if (ImGui::IsPopupOpen("Importing")) size_next_dialog(dialog_width({progress_text(), current_}));
    if (ImGui::BeginPopupModal("Importing", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        if (!job_) {
            ImGui::CloseCurrentPopup();
        } else {
            // By bytes when the sizes are known (a large PDF weighs more than a short note).
            const float fraction = bytes_total_ ? static_cast<float>(static_cast<double>(bytes_done_) / static_cast<double>(bytes_total_))
                                   : total_     ? static_cast<float>(done_) / static_cast<float>(total_)
                                                : 0.0f;
            const std::string overlay = progress_text();
            ImGui::ProgressBar(std::min(fraction, 1.0f), {-1, 0}, overlay.c_str());
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("%s", current_.c_str());
            ImGui::PopTextWrapPos();
            if (button(job_->cancel_requested() ? "Cancelling..." : "Cancel", 8)) cancel();
        }
        ImGui::EndPopup();
    }

    if (show_summary_) {
        ImGui::OpenPopup("Import finished");
        show_summary_ = false;
    }
    // The summary's lines, built only while its dialog is up (a batch may list thousands of files).
    const bool summary_open = ImGui::IsPopupOpen("Import finished");
    std::vector<std::string> summary_lines;
    if (summary_ && summary_open) {
        for (const auto& f : summary_->imported) summary_lines.push_back(summary_line(f));
        for (const auto& f : summary_->skipped) summary_lines.push_back("skipped   " + f.path + ": same text as " + f.same_as);
        for (const auto& f : summary_->failed) summary_lines.push_back("failed    " + f.reason);
    }
    if (summary_open) {
        std::vector<std::string> measure = summary_lines;
        measure.push_back(summary_ ? "" : "The import did not run: " + error_);
        size_next_dialog(dialog_width(measure, em));
    }
    if (ImGui::BeginPopupModal("Import finished", nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        if (summary_) {
            ImGui::Text("Imported %zu, skipped %zu, failed %zu%s  (%s)", summary_->imported.size(), summary_->skipped.size(),
                        summary_->failed.size(), summary_->cancelled ? ", cancelled" : "", bytes_text(summary_->bytes).c_str());
            // As tall as its lines, up to 14 of them; then it scrolls.
            const float line = ImGui::GetTextLineHeightWithSpacing();
            const float list_h = std::min(static_cast<float>(std::max<std::size_t>(summary_lines.size(), 1)) * line * 1.05f, line * 14) +
                                 ImGui::GetStyle().WindowPadding.y * 2;
            ImGui::BeginChild("##import_list", {0, list_h}, true);
            ImGui::PushTextWrapPos(0);
            const std::size_t failed_from = summary_->imported.size() + summary_->skipped.size();
            for (std::size_t i = 0; i < summary_lines.size(); ++i) {
                if (i >= failed_from) ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(178, 26, 26, 255));
                ImGui::TextUnformatted(summary_lines[i].c_str());
                if (i >= failed_from) ImGui::PopStyleColor();
            }
            ImGui::PopTextWrapPos();
            ImGui::EndChild();
        } else {
            ImGui::TextWrapped("The import did not run: %s", error_.c_str());
        }
        if (button("Close", 7) || enter_pressed() || escape_pressed()) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }

    draw_paste(app);
}

void ImportDialog::draw_paste(App& app) {
    const float em = ImGui::GetFontSize();
    if (paste_open_) {
        ImGui::OpenPopup(kPasteTitle);
        paste_open_ = false;
        paste_asking_ = true;
    }
    if (!paste_asking_) return;
    const std::size_t lines = static_cast<std::size_t>(std::count(paste_text_.begin(), paste_text_.end(), '\n')) + 1;
    const std::string about = paste_text_.empty() ? "The clipboard holds no text."
                                                  : bytes_text(paste_text_.size()) + " of text, " + std::to_string(lines) +
                                                        " line" + (lines == 1 ? "" : "s") + ", from the clipboard";
    size_next_dialog(std::max(dialog_width({about, paste_message_}), em * 32));
    if (!ImGui::BeginPopupModal(kPasteTitle, nullptr, ImGuiWindowFlags_NoSavedSettings)) {
        paste_asking_ = false;
        return;
    }
    ImGui::TextUnformatted(about.c_str());
    if (!paste_text_.empty()) {
        // The start of the text, as a reminder of what is being imported.
        std::string preview = paste_text_.substr(0, 240);
        while (!preview.empty() && (static_cast<unsigned char>(preview.back()) & 0xC0) == 0x80) preview.pop_back();
        if (!preview.empty() && static_cast<unsigned char>(preview.back()) >= 0xC0) preview.pop_back();
        ImGui::BeginChild("##paste_preview", {0, ImGui::GetTextLineHeightWithSpacing() * 4 + ImGui::GetStyle().WindowPadding.y * 2}, true);
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s%s", preview.c_str(), paste_text_.size() > preview.size() ? " ..." : "");
        ImGui::PopTextWrapPos();
        ImGui::EndChild();
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Name");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    focus_when_appearing();
    const bool enter = ImGui::InputText("##paste_name", &paste_name_, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SetNextItemWidth(em * 16);
    ImGui::InputTextWithHint("Link to case", "(none)", case_name_, sizeof case_name_);
    ImGui::Checkbox("One case per speaker", &speaker_cases_);
    ImGui::TextDisabled("Imported as plain text: line endings, Unicode form and speaker turns as for a .txt file.");
    if (!paste_message_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(178, 26, 26, 255));
        ImGui::TextWrapped("%s", paste_message_.c_str());
        ImGui::PopStyleColor();
    }
    bool close = false;
    ImGui::BeginDisabled(paste_text_.empty());
    if ((button("Import", 7) || enter) && import_paste(app)) close = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (button("Cancel", 7) || escape_pressed()) close = true;
    if (close) {
        paste_asking_ = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace npt::gui
