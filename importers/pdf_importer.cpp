// pdf_importer.cpp — PDF transcripts through poppler-cpp: each page's text in reading order,
// pages joined by a paragraph break. Password-protected and unreadable PDFs are refused.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <limits>
#include <memory>

#include "core/error.hpp"
#include "importers/formats.hpp"

namespace npt::importers {
namespace {

// Poppler reports parse problems on stderr by default; the core never prints, and the reason a
// PDF fails is reported through the FormatError instead.
void quiet_poppler(const std::string&, void*) {}

}  // namespace

ImportedDocument parse_pdf(std::string_view bytes, std::string_view source, const ImportOptions& options,
                           const ProgressSink* progress) {
    if (bytes.empty()) throw FormatError(std::string(source) + ": the file is empty");
    poppler::set_debug_error_function(quiet_poppler, nullptr);
    if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        throw FormatError(std::string(source) + ": PDF too large to read");
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) throw FormatError(std::string(source) + ": not a readable PDF (damaged, truncated or not a PDF)");
    if (doc->is_locked()) throw FormatError(std::string(source) + ": the PDF is password-protected");
    std::string raw;
    int pages = doc->pages();
    for (int i = 0; i < pages; ++i) {
        check_cancel(progress);
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
        std::string text(utf8.begin(), utf8.end());
        for (char& c : text)
            if (c == '\f') c = '\n';
        while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.pop_back();
        if (text.empty()) continue;
        if (!raw.empty()) raw += '\n';
        raw += text;
    }
    return finish_transcript(std::move(raw), source, options, SourceFormat::Pdf, std::to_string(pages) + " page(s)");
}

}  // namespace npt::importers
