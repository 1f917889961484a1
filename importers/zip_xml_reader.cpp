// zip_xml_reader.cpp — xmlReaderForIO over a ZipEntryStream: exceptions raised while inflating are
// kept and rethrown once libxml2 has returned, libxml2's errors become one FormatError line, and
// the prolog is scanned for "<!DOCTYPE" / "<!ENTITY" before its bytes reach the parser.
#include "importers/zip_xml_reader.hpp"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include <algorithm>
#include <cctype>
#include <mutex>

#include "core/error.hpp"

namespace npt::importers {
namespace {

int read_callback(void* context, char* buffer, int size) { return static_cast<ZipXmlReader*>(context)->feed(buffer, size); }
int close_callback(void*) { return 0; }

void error_callback(void* context, xmlErrorPtr error) {
    // Warnings, and namespace errors (an undeclared prefix: the names are still read), pass.
    if (!error || error->level < XML_ERR_ERROR || error->domain == XML_FROM_NAMESPACE) return;
    static_cast<ZipXmlReader*>(context)->on_error(error->code, error->line, error->message ? error->message : "");
}

bool starts_with_nocase(std::string_view text, std::string_view word) {
    if (text.size() < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(text[i])) != word[i]) return false;
    return true;
}

}  // namespace

ZipXmlReader::ZipXmlReader(ZipEntryStream& entry, std::string_view source, std::string part)
    : entry_(entry), source_(source), part_(std::move(part)) {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });
    // No XML_PARSE_NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR/DTDVALID, no HUGE.
    reader_ = xmlReaderForIO(read_callback, close_callback, this, nullptr, nullptr, XML_PARSE_NONET);
    if (!reader_) throw FormatError(source_ + ": cannot start reading " + part_);
    xmlTextReaderSetStructuredErrorHandler(reader_, error_callback, this);
}

ZipXmlReader::~ZipXmlReader() {
    if (reader_) xmlFreeTextReader(reader_);
}

int ZipXmlReader::feed(char* buffer, int size) noexcept {
    if (failure_) return -1;
    try {
        std::size_t n = entry_.read(buffer, static_cast<std::size_t>(std::max(size, 0)));
        if (in_prolog_) scan_prolog(std::string_view(buffer, n));
        return static_cast<int>(n);
    } catch (...) {
        failure_ = std::current_exception();
        return -1;
    }
}

void ZipXmlReader::on_error(int code, int line, std::string message) noexcept {
    if (!error_.empty()) return;
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    if (code == XML_ERR_INTERNAL_ERROR && message.find("Excessive depth") != std::string::npos) {
        error_ = "depth";
        return;
    }
    error_ = message.empty() ? "error " + std::to_string(code) : message;
    error_ += " at line " + std::to_string(line);
}

// The prolog is everything before the root element's start tag. A DTD can only be there.
void ZipXmlReader::scan_prolog(std::string_view chunk) {
    std::string window = prolog_carry_;
    window.append(chunk);
    prolog_carry_.clear();
    for (std::size_t i = window.find('<'); i != std::string::npos; i = window.find('<', i + 1)) {
        std::string_view rest = std::string_view(window).substr(i + 1);
        if (rest.size() < 8) {  // "!DOCTYPE" may continue in the next chunk
            prolog_carry_ = window.substr(i);
            return;
        }
        if (rest.front() == '!') {
            if (starts_with_nocase(rest, "!DOCTYPE") || starts_with_nocase(rest, "!ENTITY"))
                throw FormatError(source_ + ": " + part_ + " declares a DTD, which DOCX files never do; refusing it");
        } else if (rest.front() != '?') {
            in_prolog_ = false;
            return;
        }
    }
}

bool ZipXmlReader::advance(int result) {
    if (failure_) std::rethrow_exception(failure_);
    if (result == 1) {
        if (xmlTextReaderNodeType(reader_) == XML_READER_TYPE_DOCUMENT_TYPE)
            throw FormatError(source_ + ": " + part_ + " declares a DTD, which DOCX files never do; refusing it");
        if (xmlTextReaderDepth(reader_) > max_depth) error_ = "depth";
    }
    if (error_ == "depth")
        throw FormatError(source_ + ": " + part_ + " nests elements more than " + std::to_string(max_depth) +
                          " levels deep, which Word never does; refusing it");
    if (result < 0 || !error_.empty())
        throw FormatError(source_ + ": " + part_ + " is not well-formed XML (" + (error_.empty() ? "read error" : error_) + ")");
    return result == 1;
}

bool ZipXmlReader::next() { return advance(xmlTextReaderRead(reader_)); }
bool ZipXmlReader::skip() { return advance(xmlTextReaderNext(reader_)); }

ZipXmlReader::Node ZipXmlReader::node() const {
    switch (xmlTextReaderNodeType(reader_)) {
        case XML_READER_TYPE_ELEMENT: return Node::Element;
        case XML_READER_TYPE_END_ELEMENT: return Node::EndElement;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_WHITESPACE:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: return Node::Text;
        default: return Node::Other;
    }
}

std::string_view ZipXmlReader::local_name() const {
    const xmlChar* name = xmlTextReaderConstLocalName(reader_);
    std::string_view local = name ? std::string_view(reinterpret_cast<const char*>(name)) : std::string_view();
    std::size_t colon = local.find(':');  // an undeclared prefix stays in the name
    return colon == std::string_view::npos ? local : local.substr(colon + 1);
}

std::string_view ZipXmlReader::value() const {
    const xmlChar* text = xmlTextReaderConstValue(reader_);
    return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

bool ZipXmlReader::is_empty_element() const { return xmlTextReaderIsEmptyElement(reader_) == 1; }
int ZipXmlReader::depth() const { return xmlTextReaderDepth(reader_); }

}  // namespace npt::importers
