// xlsx_workbook.cpp — the libxlsxwriter wrapper: formats, sheet names, cell limits, page setup,
// and writing the package to disk with errors of our own.
#include "exporters/xlsx_workbook.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cctype>
#include <cerrno>
#include <cstring>

#include "core/error.hpp"

namespace npt::xlsx {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    return 4;
}

lxw_color_t parse_colour(std::string_view colour) {
    if (colour.size() != 7 || colour[0] != '#') return 0xFFFFFF;
    lxw_color_t value = 0;
    for (std::size_t i = 1; i < 7; ++i) {
        char c = static_cast<char>(std::tolower(static_cast<unsigned char>(colour[i])));
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0) return 0xFFFFFF;
        value = value * 16 + static_cast<lxw_color_t>(digit);
    }
    return value;
}

}  // namespace

std::string fit_cell(std::string_view text, bool* truncated) {
    if (truncated) *truncated = false;
    // Fast path: short enough in bytes (so in UTF-16 units too) and no control characters.
    bool clean = text.size() <= kMaxCellChars;
    for (std::size_t k = 0; clean && k < text.size(); ++k) {
        unsigned char b = static_cast<unsigned char>(text[k]);
        clean = b >= 0x20 || b == '\t' || b == '\n';
    }
    if (clean) return std::string(text);
    std::string out;
    out.reserve(text.size());
    std::size_t units = 0, i = 0;
    const std::string note_start = "\n[… cut: Excel holds ";
    const std::size_t room = kMaxCellChars - 80;  // leaves space for the note
    std::size_t cut_at = std::string::npos, units_at_cut = 0;
    while (i < text.size()) {
        unsigned char lead = static_cast<unsigned char>(text[i]);
        std::size_t n = std::min(sequence_length(lead), text.size() - i);
        std::size_t width = n == 4 ? 2 : 1;  // UTF-16 units
        if (cut_at == std::string::npos && units + width > room) {
            cut_at = out.size();
            units_at_cut = units;
        }
        if (lead < 0x20 && lead != '\t' && lead != '\n') out += kReplacement;
        else out.append(text.substr(i, n));
        units += width;
        i += n;
    }
    if (units <= kMaxCellChars) return out;
    if (truncated) *truncated = true;
    out.resize(cut_at);
    out += note_start + std::to_string(kMaxCellChars) + " characters per cell; " +
           std::to_string(units - units_at_cut) + " more were left out]";
    return out;
}

// ---- Sheet ---------------------------------------------------------------------------------------

void Sheet::check(int error, std::uint32_t row, std::uint16_t col) {
    if (error != LXW_NO_ERROR)
        throw InputError(book_->label_ + ": cannot write cell at row " + std::to_string(row + 1) + ", column " +
                         std::to_string(col + 1) + " (" + lxw_strerror(static_cast<lxw_error>(error)) + ")");
}

void Sheet::text(std::uint32_t row, std::uint16_t col, std::string_view value, Style style) {
    std::string fitted = fit_cell(value);
    if (fitted.empty()) {
        // Empty text needs no cell unless its style shows (a shaded header).
        if (style == Style::Header) check(worksheet_write_blank(sheet_, row, col, book_->format(style)), row, col);
        return;
    }
    check(worksheet_write_string(sheet_, row, col, fitted.c_str(), book_->format(style)), row, col);
}

void Sheet::number(std::uint32_t row, std::uint16_t col, double value, Style style) {
    check(worksheet_write_number(sheet_, row, col, value, book_->format(style)), row, col);
}

void Sheet::shaded_number(std::uint32_t row, std::uint16_t col, double value, std::string_view colour) {
    check(worksheet_write_number(sheet_, row, col, value, book_->fill(colour)), row, col);
}

void Sheet::column_width(std::uint16_t first, std::uint16_t last, double width) {
    check(worksheet_set_column(sheet_, first, last, width, nullptr), 0, first);
}

void Sheet::row_height(std::uint32_t row, double points) {
    check(worksheet_set_row(sheet_, row, points, nullptr), row, 0);
}

void Sheet::freeze(std::uint32_t rows, std::uint16_t cols) { worksheet_freeze_panes(sheet_, rows, cols); }

void Sheet::autofilter(std::uint32_t first_row, std::uint16_t first_col, std::uint32_t last_row, std::uint16_t last_col) {
    check(worksheet_autofilter(sheet_, first_row, first_col, last_row, last_col), first_row, first_col);
}

void Sheet::paper(Paper paper) { worksheet_set_paper(sheet_, paper == Paper::Letter ? 1 : 9); }

void Sheet::print_landscape(std::uint32_t repeat_rows, Paper paper) {
    worksheet_set_landscape(sheet_);
    this->paper(paper);
    worksheet_fit_to_pages(sheet_, 1, 0);
    if (repeat_rows > 0) check(worksheet_repeat_rows(sheet_, 0, repeat_rows - 1), 0, 0);
}

// ---- Workbook ------------------------------------------------------------------------------------

Workbook::Workbook(const std::filesystem::path& file, std::string label) : file_(file), label_(std::move(label)) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE;
    // libxlsxwriter prints its own errors when writing the package fails; it writes to memory
    // instead, which a full disk cannot refuse, and write_package() reports the disk's errors.
    package_fd_ = ::memfd_create("nptcoder-xlsx", MFD_CLOEXEC);
    std::string target = package_fd_ >= 0 ? "/proc/self/fd/" + std::to_string(package_fd_) : file.string();
    if (package_fd_ >= 0 && ::access(target.c_str(), W_OK) != 0) {  // no /proc: write the file directly
        ::close(package_fd_);
        package_fd_ = -1;
        target = file.string();
    }
    book_ = workbook_new_opt(target.c_str(), &options);
    if (!book_) {
        if (package_fd_ >= 0) ::close(package_fd_);
        throw InputError(label_ + ": cannot start an XLSX workbook (out of memory or temporary files)");
    }
}

Workbook::~Workbook() {
    if (book_) lxw_workbook_free(book_);
    if (package_fd_ >= 0) ::close(package_fd_);
}

Sheet Workbook::add_sheet(std::string_view name) {
    std::string clean;
    for (char c : name)
        if (std::string_view("[]:*?/\\").find(c) == std::string_view::npos) clean.push_back(c);
    if (clean.empty()) clean = "Sheet";
    if (clean.size() > 28) clean.resize(28);  // bytes; leaves room for a " 2" suffix
    while (!clean.empty() && (static_cast<unsigned char>(clean.back()) & 0xC0) == 0x80) clean.pop_back();
    std::string unique = clean;
    int& uses = sheet_names_[clean];
    if (uses++ > 0) unique += " " + std::to_string(uses);
    lxw_worksheet* sheet = workbook_add_worksheet(book_, unique.c_str());
    if (!sheet) throw InputError(label_ + ": cannot add sheet '" + unique + "' (temporary files unavailable?)");
    sheets_.push_back(sheet);
    return Sheet(*this, sheet);
}

void Workbook::close() {
    // In constant-memory mode each sheet's rows went to a temporary file, written without checks:
    // a full temporary folder would otherwise give a workbook with rows missing.
    for (lxw_worksheet* sheet : sheets_) {
        FILE* rows = sheet->optimize_tmpfile;
        if (rows && (std::fflush(rows) != 0 || std::ferror(rows)))
            throw WriteError(label_ + ": cannot write the workbook's temporary files (" + std::strerror(errno) +
                             "; is the temporary folder full?)");
    }
    lxw_workbook* book = book_;
    book_ = nullptr;
    lxw_error error = workbook_close(book);
    if (error != LXW_NO_ERROR) throw WriteError(label_ + ": cannot write the workbook (" + lxw_strerror(error) + ")");
    if (package_fd_ >= 0) write_package();
}

void Workbook::write_package() {
    auto fail = [&](int error) {
        throw WriteError(label_ + ": cannot write the workbook (" + std::strerror(error) + ")");
    };
    int out = ::open(file_.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (out < 0) fail(errno);
    char buffer[1 << 16];
    off_t offset = 0;
    while (true) {
        ssize_t n = ::pread(package_fd_, buffer, sizeof buffer, offset);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int e = errno;
            ::close(out);
            fail(e);
        }
        if (n == 0) break;
        offset += n;
        for (ssize_t done = 0; done < n;) {
            ssize_t w = ::write(out, buffer + done, static_cast<std::size_t>(n - done));
            if (w < 0 && errno == EINTR) continue;
            if (w <= 0) {
                int e = w < 0 ? errno : ENOSPC;
                ::close(out);
                fail(e);
            }
            done += w;
        }
    }
    // A full disk can also show only at fsync or close (delayed allocation, network filesystems).
    if (::fsync(out) != 0 && errno != EINVAL) {
        int e = errno;
        ::close(out);
        fail(e);
    }
    if (::close(out) != 0) fail(errno);
}

lxw_format* Workbook::format(Style style) {
    if (style == Style::Plain) return nullptr;
    auto it = formats_.find(style);
    if (it != formats_.end()) return it->second;
    lxw_format* f = workbook_add_format(book_);
    switch (style) {
        case Style::Header:
            format_set_bold(f);
            format_set_bg_color(f, 0xEEF1F5);
            format_set_border(f, LXW_BORDER_THIN);
            format_set_text_wrap(f);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            break;
        case Style::Wrap:
            format_set_text_wrap(f);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            break;
        case Style::Number:
            format_set_num_format(f, "0");
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            break;
        case Style::Decimal:
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            break;
        case Style::Note:
            format_set_italic(f);
            format_set_font_color(f, 0x666666);
            break;
        case Style::Plain: break;
    }
    formats_[style] = f;
    return f;
}

lxw_format* Workbook::fill(std::string_view colour) {
    auto it = fills_.find(colour);
    if (it != fills_.end()) return it->second;
    lxw_color_t rgb = parse_colour(colour);
    double luminance = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    lxw_format* f = workbook_add_format(book_);
    format_set_num_format(f, "0");
    format_set_pattern(f, LXW_PATTERN_SOLID);
    format_set_bg_color(f, rgb == 0 ? 0x000001 : rgb);  // 0 means "no colour" to libxlsxwriter
    format_set_font_color(f, luminance < 140 ? 0xFFFFFF : 0x000001);
    format_set_border(f, LXW_BORDER_THIN);
    format_set_border_color(f, 0xDDDDDD);
    fills_.emplace(std::string(colour), f);
    return f;
}

}  // namespace npt::xlsx
