// export_format.cpp — output format from file extension, paper size from the locale, and the
// counts colour scale.
#include "exporters/export_format.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>

#include "core/error.hpp"

namespace npt {

const char* extension_of(ExportFormat format) {
    switch (format) {
        case ExportFormat::Xlsx: return ".xlsx";
        case ExportFormat::Csv: return ".csv";
        case ExportFormat::Html: return ".html";
        case ExportFormat::Markdown: return ".md";
        case ExportFormat::Docx: return ".docx";
    }
    return "";
}

ExportFormat export_format_of(const std::filesystem::path& file, const std::vector<ExportFormat>& allowed) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    std::optional<ExportFormat> format;
    if (ext == ".xlsx") format = ExportFormat::Xlsx;
    else if (ext == ".csv") format = ExportFormat::Csv;
    else if (ext == ".html" || ext == ".htm") format = ExportFormat::Html;
    else if (ext == ".md" || ext == ".markdown") format = ExportFormat::Markdown;
    else if (ext == ".docx") format = ExportFormat::Docx;
    if (format && std::find(allowed.begin(), allowed.end(), *format) != allowed.end()) return *format;
    std::string names;
    for (std::size_t i = 0; i < allowed.size(); ++i) names += std::string(i ? ", " : "") + extension_of(allowed[i]);
    throw InputError(file.string() + ": cannot tell the export format from the extension (use " + names + ")");
}

Paper paper_for_locale(std::string_view locale) {
    // language[_territory][.codeset][@modifier]
    std::size_t underscore = locale.find('_');
    if (underscore == std::string_view::npos) return Paper::A4;
    std::string_view territory = locale.substr(underscore + 1, 2);
    return territory == "US" || territory == "CA" ? Paper::Letter : Paper::A4;
}

Paper paper_from_environment() {
    for (const char* name : {"LC_ALL", "LC_PAPER", "LANG"}) {
        const char* value = std::getenv(name);
        if (value && *value) return paper_for_locale(value);
    }
    return Paper::A4;
}

std::string count_colour(std::int64_t value, std::int64_t max) {
    // ColorBrewer-like sequential blues, lightest first.
    static const char* steps[] = {"#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6",
                                  "#4292c6", "#2171b5", "#08519c", "#08306b"};
    if (value <= 0 || max <= 0) return "#ffffff";
    std::int64_t step = max == 1 ? 8 : (value - 1) * 8 / (max - 1);
    return steps[std::clamp<std::int64_t>(step, 0, 8)];
}

std::string text_colour_on(const std::string& background) {
    if (background.size() != 7 || background[0] != '#') return "#000000";
    unsigned long rgb = std::strtoul(background.c_str() + 1, nullptr, 16);
    double luminance = 0.299 * double((rgb >> 16) & 0xFF) + 0.587 * double((rgb >> 8) & 0xFF) + 0.114 * double(rgb & 0xFF);
    return luminance < 140 ? "#ffffff" : "#000000";
}

}  // namespace npt
