// zip_xml_reader.hpp — one XML part of a zip read as a stream of nodes (libxml2's xmlTextReader
// fed chunk by chunk from a ZipEntryStream), so a part far larger than memory allows can be
// walked. Safe on hostile input: no network, no DTD loading, no entity substitution, and a
// document type declaration anywhere before the root element is refused before libxml2 sees it.
// libxml2's own limits stand (256 levels of elements, 10,000,000 bytes of one text node).
#pragma once
#include <exception>
#include <string>
#include <string_view>

#include "importers/zip_archive.hpp"

struct _xmlTextReader;

namespace npt::importers {

class ZipXmlReader {
public:
    enum class Node { Element, EndElement, Text, Other };

    // Reads `part` from `entry` (which must outlive the reader); `source` names the file in errors.
    ZipXmlReader(ZipEntryStream& entry, std::string_view source, std::string part);
    ~ZipXmlReader();
    ZipXmlReader(const ZipXmlReader&) = delete;
    ZipXmlReader& operator=(const ZipXmlReader&) = delete;

    // Moves to the next node in document order (next()) or past the current element's subtree
    // (skip()); false at the end of the part. Throws FormatError when the part is not well-formed,
    // declares a DTD, nests deeper than `max_depth` levels, or the zip entry breaks a limit.
    bool next();
    bool skip();

    Node node() const;
    std::string_view local_name() const;  // of the current element or end element
    std::string_view value() const;       // of the current text (text, CDATA, whitespace)
    bool is_empty_element() const;        // <w:p/>: no EndElement follows
    int depth() const;                    // 0 for the root element

    static constexpr int max_depth = 256;

    // Called from libxml2's callbacks only.
    int feed(char* buffer, int size) noexcept;
    void on_error(int code, int line, std::string message) noexcept;

private:
    bool advance(int result);
    void scan_prolog(std::string_view chunk);

    ZipEntryStream& entry_;
    std::string source_;
    std::string part_;
    _xmlTextReader* reader_ = nullptr;
    std::exception_ptr failure_;     // thrown inside a callback, rethrown after libxml2 returns
    std::string error_;              // libxml2's first error message
    bool in_prolog_ = true;          // before the root element's start tag
    std::string prolog_carry_;       // an unfinished "<!..." at the end of the last chunk
};

}  // namespace npt::importers
