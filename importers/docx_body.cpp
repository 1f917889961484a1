// docx_body.cpp — the streaming walk of a DOCX body. A stack of frames stands for the elements
// entered (body, paragraph, run, table, row, cell...); an element the walk does not read (properties,
// field instructions, drawings, deleted text, comments) is skipped whole with ZipXmlReader::skip, so
// nothing below it is looked at. Paragraph, row and cell texts live in their own stacks while open.
#include "importers/docx_body.hpp"

#include <algorithm>
#include <array>

#include "core/error.hpp"
#include "importers/docx_speaker_table.hpp"

namespace npt::importers {
namespace {

enum class Frame { Document, Blocks, Paragraph, Inline, AlternateContent, Text, Table, Row, Cell };

bool is_one_of(std::string_view name, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// Lines joined by LF with trailing empty lines dropped, written as they come.
class Lines {
public:
    void add(std::string_view line) {
        if (line.empty()) {
            ++deferred_empty_;
            return;
        }
        for (; deferred_empty_ > 0; --deferred_empty_) separate();
        separate();
        text_.append(line);
    }
    std::string take() { return std::move(text_); }

private:
    void separate() {
        if (count_++ > 0) text_ += '\n';
    }
    std::string text_;
    std::size_t count_ = 0;
    std::size_t deferred_empty_ = 0;
};

class BodyReader {
public:
    BodyReader(ZipXmlReader& reader, std::string_view source, const std::string& part, const ProgressSink* progress)
        : reader_(reader), source_(source), part_(part), progress_(progress) {}

    DocxBody read() {
        bool more = reader_.next();
        while (more) {
            bool skip = false;
            switch (reader_.node()) {
                case ZipXmlReader::Node::Element: skip = element(); break;
                case ZipXmlReader::Node::EndElement: end(); break;
                case ZipXmlReader::Node::Text:
                    if (!frames_.empty() && frames_.back() == Frame::Text) paragraphs_.back().append(reader_.value());
                    break;
                case ZipXmlReader::Node::Other: break;
            }
            more = skip ? reader_.skip() : reader_.next();
        }
        if (!saw_body_) throw FormatError(std::string(source_) + ": not a DOCX document (" + part_ + " has no w:document/w:body)");
        body_.text = lines_.take();
        return std::move(body_);
    }

private:
    // Returns true when the element's subtree is to be skipped.
    bool element() {
        std::string_view n = reader_.local_name();
        if (frames_.empty()) {
            if (n != "document") throw FormatError(std::string(source_) + ": not a DOCX document (" + part_ + " has no w:document/w:body)");
            return enter(Frame::Document);
        }
        switch (frames_.back()) {
            case Frame::Document:
                if (n != "body" || saw_body_) return true;
                saw_body_ = true;
                return enter(Frame::Blocks);
            case Frame::Blocks:
            case Frame::Cell:
                if (n == "p") return enter(Frame::Paragraph);
                if (n == "tbl") return enter(Frame::Table);
                if (n == "del" || n == "moveFrom") return ++body_.deletions, true;
                if (is_one_of(n, {"sdt", "sdtContent", "customXml", "ins", "moveTo"})) return enter(Frame::Blocks);
                return true;
            case Frame::Paragraph:
            case Frame::Inline: return inline_element(n);
            case Frame::AlternateContent:
                // The first Choice is read; further choices and the Fallback repeat it.
                if (n != "Choice" || alternate_chosen_.back()) return true;
                alternate_chosen_.back() = true;
                return enter(Frame::Inline);
            case Frame::Text: return true;
            case Frame::Table: return n == "tr" ? enter(Frame::Row) : true;
            case Frame::Row: return n == "tc" ? enter(Frame::Cell) : true;
        }
        return true;
    }

    bool inline_element(std::string_view n) {
        std::string& out = paragraphs_.back();
        if (n == "t") return enter(Frame::Text);
        if (n == "tab" || n == "ptab") return out += '\t', true;
        if (n == "br" || n == "cr") return out += '\n', true;
        if (n == "noBreakHyphen") return out += '-', true;
        if (n == "del" || n == "moveFrom") return ++body_.deletions, true;
        // The note's text lives in footnotes.xml / endnotes.xml, not in what was said.
        if (n == "footnoteReference" || n == "endnoteReference") return ++body_.notes, true;
        if (n == "AlternateContent") return enter(Frame::AlternateContent);
        if (is_one_of(n, {"r", "ins", "moveTo", "hyperlink", "smartTag", "sdt", "sdtContent", "customXml", "fldSimple", "dir",
                          "bdo", "Choice"}))
            return enter(Frame::Inline);
        return true;  // properties, field instructions, comment references, drawings
    }

    // Enters a frame (and leaves it at once for an empty element). Never skips.
    bool enter(Frame frame) {
        frames_.push_back(frame);
        switch (frame) {
            case Frame::Paragraph: paragraphs_.emplace_back(); break;
            case Frame::AlternateContent: alternate_chosen_.push_back(false); break;
            case Frame::Table: tables_.emplace_back(); break;
            case Frame::Row: rows_.emplace_back(); break;
            case Frame::Cell: cells_.emplace_back(); break;
            default: break;
        }
        if (reader_.is_empty_element()) end();
        return false;
    }

    void end() {
        if (frames_.empty()) return;
        Frame frame = frames_.back();
        frames_.pop_back();
        switch (frame) {
            case Frame::Paragraph: {
                std::string line = std::move(paragraphs_.back());
                paragraphs_.pop_back();
                add_line(std::move(line));
                if (++paragraph_count_ % 2048 == 0) check_cancel(progress_);
                break;
            }
            case Frame::AlternateContent: alternate_chosen_.pop_back(); break;
            case Frame::Cell: {
                // A cell is one line: its paragraphs joined by a space.
                std::string joined;
                for (const std::string& part : cells_.back()) {
                    if (part.empty()) continue;
                    if (!joined.empty()) joined += ' ';
                    joined += part;
                }
                cells_.pop_back();
                rows_.back().push_back(std::move(joined));
                break;
            }
            case Frame::Row:
                tables_.back().push_back(std::move(rows_.back()));
                rows_.pop_back();
                break;
            case Frame::Table: {
                TableRows rows = std::move(tables_.back());
                tables_.pop_back();
                table_lines(rows);
                break;
            }
            default: break;
        }
    }

    // Each non-empty cell is one line, or each row of a transcript table.
    void table_lines(TableRows& rows) {
        if (is_speaker_table(rows)) {
            ++body_.speaker_tables;
            for (const std::vector<std::string>& row : rows) add_line(speaker_table_line(row));
            return;
        }
        for (std::vector<std::string>& row : rows)
            for (std::string& cell : row)
                if (!cell.empty()) add_line(std::move(cell));
    }

    // A finished line goes to the cell being read, or to the body.
    void add_line(std::string line) {
        if (!cells_.empty())
            cells_.back().push_back(std::move(line));
        else
            lines_.add(line);
    }

    ZipXmlReader& reader_;
    std::string_view source_;
    const std::string& part_;
    const ProgressSink* progress_;
    std::vector<Frame> frames_;
    std::vector<std::string> paragraphs_;
    std::vector<bool> alternate_chosen_;
    std::vector<TableRows> tables_;
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::vector<std::string>> cells_;  // the lines of each open cell
    Lines lines_;
    DocxBody body_;
    bool saw_body_ = false;
    std::size_t paragraph_count_ = 0;
};

}  // namespace

DocxBody read_docx_body(ZipXmlReader& reader, std::string_view source, const std::string& part, const ProgressSink* progress) {
    return BodyReader(reader, source, part, progress).read();
}

}  // namespace npt::importers
